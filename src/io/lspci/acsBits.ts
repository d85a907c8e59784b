// The ACSCap/ACSCtl lines lspci -vv prints for the Access Control Services capability:
//   ACSCap:	SrcValid+ TransBlk+ ReqRedir+ CmpltRedir+ UpstreamFwd+ EgressCtrl- DirectTrans+
// Bit names and values: include/uapi/linux/pci_regs.h PCI_ACS_* (kernel-semantics A.1, A.9 item 12).
import type { AcsBits } from '../../model/topology/types.ts';
import { LSPCI_ACS_NAMES } from './vocabulary.ts';

export const NO_ACS_BITS: AcsBits = { sv: false, tb: false, rr: false, cr: false, uf: false, ec: false, dt: false };

export interface AcsBitsReading {
  bits: AcsBits;
  /** lspci names of the seven bits the line did not show as `Name+` or `Name-`. */
  missing: string[];
}

/** Reads the text after `ACSCap:` or `ACSCtl:`. Bits the line lacks read as clear and are listed. */
export function readAcsBits(text: string): AcsBitsReading {
  const bits = { ...NO_ACS_BITS };
  const seen = new Set<string>();
  for (const token of text.split(/\s+/)) {
    const sign = token.slice(-1);
    const name = token.slice(0, -1);
    const key = LSPCI_ACS_NAMES[name];
    if (key === undefined || (sign !== '+' && sign !== '-')) continue;
    bits[key] = sign === '+';
    seen.add(name);
  }
  return { bits, missing: Object.keys(LSPCI_ACS_NAMES).filter((n) => !seen.has(n)) };
}

/** Whether pci_acs_flags_enabled() holds for the flags IOMMU grouping requires (REQ_ACS_FLAGS = SV RR CR UF, A.1). */
export function isolatesForGrouping(acs: { cap: AcsBits; ctrl: AcsBits } | null): boolean {
  if (acs === null) return false;
  // pci_acs_flags_enabled (A.2): a bit the capability lacks counts as hard-wired on.
  return (['sv', 'rr', 'cr', 'uf'] as const).every((b) => !acs.cap[b] || acs.ctrl[b]);
}
