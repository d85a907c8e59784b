// Derived facts, computed from the state and never stored (model.md §3, DESIGN "derived state"):
// viability per policy with its culprits, the domain a group is in, who owns it, who has access.
import type { Bdf } from '../topology/types.ts';
import { isVfioDriver, normalizeDriverName, sameDriver, usesDmaApi } from './drivers.ts';
import { driverOf, groupState, membersOf } from './state.ts';
import type { DeviceFd, Domain, GroupId, MachineState } from './types.ts';

export interface Culprit {
  bdf: Bdf;
  driver: string;
  why: string;
}

export interface Viability {
  viable: boolean;
  culprits: Culprit[];
}

function judge(s: MachineState, g: GroupId, culprit: (bdf: Bdf, driver: string) => string | null, firstOnly = false): Viability {
  const culprits: Culprit[] = [];
  for (const bdf of membersOf(s, g)) {
    const driver = driverOf(s, bdf);
    if (driver === null) continue;
    const why = culprit(bdf, driver);
    if (why === null) continue;
    culprits.push({ bdf, driver, why });
    if (firstOnly) break;
  }
  return { viable: culprits.length === 0, culprits };
}

const isBridge = (s: MachineState, bdf: Bdf) => s.static.functions.get(bdf)?.headerType !== 'normal';
const isStub = (driver: string) => normalizeDriverName(driver) === 'pci_stub';

/** Legacy vfio_dev_viable (kernel-semantics B.2): driverless, vfio, pci-stub, or any bridge. Returns why not. */
export function legacyCulprit(s: MachineState, bdf: Bdf, driver: string): string | null {
  return isVfioDriver(driver) || isStub(driver) || isBridge(s, bdf)
    ? null
    : `bound to ${driver}, which is neither a vfio driver nor pci-stub, on a device that is not a bridge`;
}

/**
 * rfc-v2 viability at set_block_dma (C.2 predicate, C.3 items 1-2): driverless, on the binding
 * device's driver, or on an allowed driver (pci-stub, any driver of a bridge, and, unless the strict
 * reading is chosen, any vfio driver). Returns why not.
 */
export function blockDmaCulprit(s: MachineState, bdf: Bdf, driver: string, bindingDriver: string): string | null {
  const strict = s.static.strictSameDriver;
  return sameDriver(driver, bindingDriver) || isStub(driver) || isBridge(s, bdf) || (!strict && isVfioDriver(driver))
    ? null
    : `bound to ${driver}, which is not ${bindingDriver}${strict ? '' : ' or another vfio driver'}, not pci-stub, on a device that is not a bridge`;
}

/** Upstream: a kernel DMA-API driver keeps a group from userspace (D.1). Returns why. */
export function ownershipCulprit(driver: string): string | null {
  return usesDmaApi(driver) ? `bound to ${driver}, a kernel driver that uses the DMA API (no driver_managed_dma)` : null;
}

export function legacyViability(s: MachineState, g: GroupId, firstOnly = false): Viability {
  return judge(s, g, (bdf, driver) => legacyCulprit(s, bdf, driver), firstOnly);
}

export function blockDmaViability(s: MachineState, g: GroupId, bindingDriver: string, firstOnly = false): Viability {
  return judge(s, g, (bdf, driver) => blockDmaCulprit(s, bdf, driver, bindingDriver), firstOnly);
}

export function ownershipViability(s: MachineState, g: GroupId, firstOnly = false): Viability {
  return judge(s, g, (_bdf, driver) => ownershipCulprit(driver), firstOnly);
}

/**
 * The viability each policy applies to a group in its present state. `firstOnly` stops at the
 * first culprit, for callers that need only the verdict (large groups stay cheap).
 */
export function viability(s: MachineState, g: GroupId, firstOnly = false): Viability {
  switch (s.static.policy) {
    case 'legacy':
      return legacyViability(s, g, firstOnly);
    case 'rfc-v2': {
      const gs = groupState(s, g);
      return gs.blockDma && gs.blockDmaDriver !== null ? blockDmaViability(s, g, gs.blockDmaDriver, firstOnly) : legacyViability(s, g, firstOnly);
    }
    case 'upstream':
      return ownershipViability(s, g, firstOnly);
  }
}

/** "group 7 is not viable: 0000:01:00.1 is bound to snd_hda_intel (...)". */
export function describeNonViable(g: GroupId, v: Viability): string {
  const list = v.culprits.map((c) => `${c.bdf} is ${c.why}`).join('; ');
  return `group ${g} is not viable: ${list}`;
}

export function groupDomain(s: MachineState, g: GroupId): Domain {
  return groupState(s, g).domain;
}

export type OwnerFact =
  | { kind: 'none' }
  | { kind: 'kernel'; count: number }
  | { kind: 'container'; name: string }
  | { kind: 'iommufd'; name: string; count: number };

/** Kernel DMA-API drivers bound in a group: what owner_cnt counts while no user owns it (D.1). */
export function kernelDmaUsers(s: MachineState, g: GroupId): Bdf[] {
  return membersOf(s, g).filter((bdf) => usesDmaApi(driverOf(s, bdf)));
}

/** Who owns a group's DMA: a user (container or iommu fd), the kernel's DMA-API drivers, or nobody. */
export function groupOwner(s: MachineState, g: GroupId): OwnerFact {
  const gs = groupState(s, g);
  if (gs.owner?.kind === 'container') return { kind: 'container', name: s.containers.get(gs.owner.container)?.name ?? gs.owner.container };
  if (gs.owner?.kind === 'iommufd') return { kind: 'iommufd', name: s.iommufds.get(gs.owner.iommufd)?.name ?? gs.owner.iommufd, count: gs.ownerCount };
  const count = kernelDmaUsers(s, g).length;
  return count > 0 ? { kind: 'kernel', count } : { kind: 'none' };
}

export function formatDomain(s: MachineState, d: Domain): string {
  switch (d.kind) {
    case 'default':
    case 'blocked':
      return d.kind;
    case 'container':
      return `container:${s.containers.get(d.container)?.name ?? d.container}`;
    case 'ioasid':
      return `ioasid:${s.ioasids.get(d.ioasid)?.name ?? d.ioasid}`;
  }
}

/** The owner as formatOwner() writes it, without counting every kernel driver of a large group. */
export function ownerLabel(s: MachineState, g: GroupId): string {
  const gs = groupState(s, g);
  if (gs.owner !== null) return formatOwner(groupOwner(s, g));
  return membersOf(s, g).some((bdf) => usesDmaApi(driverOf(s, bdf))) ? 'kernel' : 'none';
}

export function formatOwner(o: OwnerFact): string {
  return o.kind === 'none' || o.kind === 'kernel' ? o.kind : `${o.kind}:${o.name}`;
}

/** Device fds through which userspace can reach its device now. */
export function accessibleDevices(s: MachineState): DeviceFd[] {
  return [...s.devices.values()].filter((d) => d.accessGranted);
}

/** Functions userspace can access through at least one device fd. */
export function accessibleFunctions(s: MachineState): Set<Bdf> {
  return new Set(accessibleDevices(s).map((d) => d.bdf));
}
