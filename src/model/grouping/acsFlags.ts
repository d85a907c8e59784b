// ACS bits as the kernel's u16 masks, and the set IOMMU grouping asks for.
import type { AcsBits } from '../topology/types.ts';

// include/uapi/linux/pci_regs.h PCI_ACS_* (kernel-semantics A.1, values confirmed by A.9 item 12).
export const PCI_ACS_SV = 0x01;
export const PCI_ACS_TB = 0x02;
export const PCI_ACS_RR = 0x04;
export const PCI_ACS_CR = 0x08;
export const PCI_ACS_UF = 0x10;
export const PCI_ACS_EC = 0x20;
export const PCI_ACS_DT = 0x40;

/** drivers/iommu/iommu.c REQ_ACS_FLAGS: no requester-ID spoofing, no redirection, all upstream. */
export const REQ_ACS_FLAGS = PCI_ACS_SV | PCI_ACS_RR | PCI_ACS_CR | PCI_ACS_UF;

const BITS: [keyof AcsBits, number][] = [
  ['sv', PCI_ACS_SV],
  ['tb', PCI_ACS_TB],
  ['rr', PCI_ACS_RR],
  ['cr', PCI_ACS_CR],
  ['uf', PCI_ACS_UF],
  ['ec', PCI_ACS_EC],
  ['dt', PCI_ACS_DT],
];

/** The register value a set of named bits stands for. */
export function acsMask(bits: AcsBits): number {
  let mask = 0;
  for (const [name, bit] of BITS) if (bits[name]) mask |= bit;
  return mask;
}

/** The 128 possible names, made once: every port of a big machine asks for one. */
const BIT_NAMES: readonly string[] = Array.from({ length: 0x80 }, (_, mask) =>
  BITS.filter(([, bit]) => mask & bit).map(([name]) => name.toUpperCase()).join(', '),
);

/** "RR, CR, UF" for a mask, in register order. */
export function acsBitNames(mask: number): string {
  return BIT_NAMES[mask & 0x7f]!;
}

/** quirks.c pci_acs_ctrl_enabled(): every requested control is among those enabled (or implied). */
export function acsCtrlEnabled(requested: number, enabled: number): boolean {
  return (requested & enabled) === requested;
}
