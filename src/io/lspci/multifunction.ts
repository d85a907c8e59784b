// The kernel's pci_dev->multifunction (kernel-semantics A.9 item 2): bit 7 of the function's own
// header-type byte, forced on for every function > 0 the slot scan finds, off for VFs. lspci -v..-vvv
// do not print the bit, so a function 0 counts as multifunction when a sibling is visible; alone, it
// is taken as single-function, and a warning says where the hidden bit would change the groups.
import { shortBdf, slotOf } from '../../model/topology/bdf.ts';
import type { PciFunction, PcieType } from '../../model/topology/types.ts';
import type { WarningLog } from '../importResult.ts';
import { isolatesForGrouping } from './acsBits.ts';

/**
 * pci_acs_enabled() asks a multifunction function of these types for ACS and lets a
 * single-function one pass (A.2); root and downstream ports need ACS either way, and
 * conventional functions and PCIe-to-PCI bridges never pass, so for them the bit changes nothing.
 */
const TYPES_THE_BIT_DECIDES = new Set<PcieType>(['switch-upstream', 'endpoint', 'legacy-endpoint', 'rc-endpoint']);

/** Sets `multifunction` on every function; returns true when a hidden header bit could change the groups. */
export function setMultifunction(functions: readonly PciFunction[], headerLineOf: ReadonlyMap<string, number>, log: WarningLog): boolean {
  const visibleInSlot = new Map<string, number>();
  for (const f of functions) {
    // VFs in the PF's slot are not siblings (A.9 item 2; oracle f, n).
    if (f.physfn === undefined) visibleInSlot.set(slotOf(f.bdf), (visibleInSlot.get(slotOf(f.bdf)) ?? 0) + 1);
  }
  const hasChildren = new Set(functions.map((f) => f.parent));
  let bitMatters = false;
  for (const f of functions) {
    if (f.physfn !== undefined) {
      f.multifunction = false;
      continue;
    }
    const alone = visibleInSlot.get(slotOf(f.bdf)) === 1;
    f.multifunction = !f.bdf.endsWith('.0') || !alone;
    if (f.multifunction || !hidesGroupDecidingBit(f, hasChildren)) continue;
    bitMatters = true;
    log.add(
      headerLineOf.get(f.bdf) ?? null,
      `${shortBdf(f.bdf)} (${describe(f.pcieType!)} without ACS isolation) is function 0 with no other function visible, so it is taken as single-function; if its header's multifunction bit is set, the kernel counts it as multifunction and it fails the ACS test, which puts it and everything below it into one group (kernel-semantics A.9 items 2 and 10, A.10). \`lspci -xxx -s ${f.bdf}\` shows the bit: byte 0e, bit 7 (0x80).`,
      f.bdf,
      'multifunction-bit',
    );
  }
  return bitMatters;
}

function hidesGroupDecidingBit(f: PciFunction, hasChildren: ReadonlySet<string | null>): boolean {
  return (
    f.headerType === 'bridge' &&
    f.pcieType !== null &&
    TYPES_THE_BIT_DECIDES.has(f.pcieType) &&
    !isolatesForGrouping(f.acs) &&
    hasChildren.has(f.bdf)
  );
}

function describe(t: PcieType): string {
  return t === 'switch-upstream' ? 'a switch upstream port' : `a bridge of PCIe type ${t}`;
}
