// The ACS capability of one function from what its block shows. ACSCtl is what the kernel set, so
// it is taken as printed (kernel-semantics A.9 item 4); only where lspci did not print it (-v, or
// a cut-off block) is the A.3 default assumed, and the assumption is announced.
import type { AcsBits, AcsCapability } from '../../model/topology/types.ts';
import type { WarningLog } from '../importResult.ts';
import { NO_ACS_BITS } from './acsBits.ts';
import type { BlockFields } from './blockFields.ts';

/** pci_std_enable_acs() enables cap & (SV|RR|CR|UF) (A.3). */
function kernelDefaultCtrl(cap: AcsBits): AcsBits {
  return { ...NO_ACS_BITS, sv: cap.sv, rr: cap.rr, cr: cap.cr, uf: cap.uf };
}

const REQUIRED_ONLY: AcsBits = { ...NO_ACS_BITS, sv: true, rr: true, cr: true, uf: true };

export function acsCapabilityOf(f: BlockFields, what: string, log: WarningLog): AcsCapability | null {
  const { acsHeader, acsCap, acsCtl } = f;
  if (acsHeader === undefined && acsCap === undefined && acsCtl === undefined) return null;
  for (const [name, reading] of [['ACSCap', acsCap], ['ACSCtl', acsCtl]] as const) {
    if (reading && reading.value.missing.length > 0) {
      log.add(reading.line, `the ${name} line of ${what} does not show ${reading.value.missing.join(', ')}; those bits are taken as clear.`);
    }
  }
  if (acsCap && acsCtl) return { cap: acsCap.value.bits, ctrl: acsCtl.value.bits };
  if (acsCap) {
    log.add(acsCap.line, `${what} shows ACSCap but no ACSCtl line; assumed the kernel enabled ACSCap & (SV RR CR UF), its default (kernel-semantics A.3), which is wrong after pci=disable_acs_redir= or config_acs=.`);
    return { cap: acsCap.value.bits, ctrl: kernelDefaultCtrl(acsCap.value.bits), ctrlAssumed: true };
  }
  if (acsCtl) {
    // Without ACSCap every required bit is taken as implemented, so ACSCtl alone decides.
    log.add(acsCtl.line, `${what} shows ACSCtl but no ACSCap line; assumed the capability implements SV RR CR UF, so the printed control bits decide.`);
    return { cap: { ...acsCtl.value.bits, sv: true, rr: true, cr: true, uf: true }, ctrl: acsCtl.value.bits };
  }
  log.add(acsHeader!, `${what} has an ACS capability but this listing does not show its ACSCap/ACSCtl bits (lspci -v prints only the name); assumed it implements SV RR CR UF and the kernel enabled them (kernel-semantics A.3), which is wrong after pci=disable_acs_redir= or config_acs=; lspci -vv as root shows the real bits.`);
  return { cap: { ...REQUIRED_ONLY }, ctrl: { ...REQUIRED_ONLY }, ctrlAssumed: true };
}
