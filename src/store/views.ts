// Read-only views of the machine for the screen: what each device, group and domain looks like now.
// Every fact comes from the model (state.ts, facts.ts); this file only names and shapes it.
import { bindsOnlyThroughOverride, PCI_STUB, VFIO_PCI } from '../model/kernel/drivers.ts';
import { accessibleFunctions, formatOwner, groupOwner, viability, type Culprit } from '../model/kernel/facts.ts';
import { driverOf, groupIdOf, groupState, overrideOf } from '../model/kernel/state.ts';
import type { Domain, GroupId, MachineState, ObjectId } from '../model/kernel/types.ts';
import type { Bdf } from '../model/topology/types.ts';

export type DomainKind = 'default' | 'blocked' | 'user';

export interface DomainView {
  /** Also the test contract's `domain-<id>` and a group's `data-domain`. */
  id: string;
  kind: DomainKind;
  label: string;
  detail: string;
}

const objectKey = (id: ObjectId) => id.replace('#', '-');

/** Each group has its own default domain; the blocked domain is one; user domains are their objects. */
export function domainId(g: GroupId, d: Domain): string {
  switch (d.kind) {
    case 'default':
      return defaultDomainId(g);
    case 'blocked':
      return 'blocked';
    case 'container':
      return objectKey(d.container);
    case 'ioasid':
      return objectKey(d.ioasid);
  }
}

export const BLOCKED_DOMAIN_ID = 'blocked';

export function defaultDomainId(g: GroupId): string {
  return `default-${g}`;
}

/** The policy's own word for an IOASID: /dev/ioasid's IOASID, iommufd's IOAS. */
function ioasidWord(s: MachineState): string {
  return s.static.policy === 'upstream' ? 'IOAS' : 'IOASID';
}

/**
 * The domains shared between groups, in a stable order: the blocked domain first, then user
 * domains by creation. A user domain is every IOASID, and every container that has an IOMMU domain
 * of its own (type1) or that a group is translated by.
 */
export function sharedDomains(s: MachineState): DomainView[] {
  const views: DomainView[] = [{ id: BLOCKED_DOMAIN_ID, kind: 'blocked', label: 'blocked domain', detail: 'no DMA gets through' }];
  const inUse = new Set<ObjectId>();
  for (const gs of s.groups.values()) {
    if (gs.domain.kind === 'container') inUse.add(gs.domain.container);
    if (gs.domain.kind === 'ioasid') inUse.add(gs.domain.ioasid);
  }
  const user: { order: number; view: DomainView }[] = [];
  const order = (id: ObjectId) => Number(id.slice(id.indexOf('#') + 1));
  for (const c of s.containers.values()) {
    if (c.iommu !== 'type1' && !inUse.has(c.id)) continue;
    user.push({ order: order(c.id), view: { id: objectKey(c.id), kind: 'user', label: `container ${c.name}`, detail: `VFIO container, IOMMU ${c.iommu}` } });
  }
  for (const a of s.ioasids.values()) {
    const fd = s.iommufds.get(a.iommufd)?.name ?? a.iommufd;
    const parent = a.parent === null ? '' : `, nested in ${s.ioasids.get(a.parent)?.name ?? a.parent}`;
    user.push({ order: order(a.id), view: { id: objectKey(a.id), kind: 'user', label: `${ioasidWord(s)} ${a.name}`, detail: `in iommu fd ${fd}${parent}` } });
  }
  user.sort((a, b) => a.order - b.order);
  return [...views, ...user.map((u) => u.view)];
}

export interface GroupView {
  id: GroupId;
  viable: boolean;
  culprits: readonly Culprit[];
  domainId: string;
  domainKind: DomainKind;
  /** 'none', 'kernel', 'container:NAME' or 'iommufd:NAME'. */
  owner: string;
}

/** The domain translating a group now; all a group's edge needs (no viability, no owner). */
export function groupDomain(s: MachineState, g: GroupId): Pick<GroupView, 'domainId' | 'domainKind'> {
  const domain = groupState(s, g).domain;
  return { domainId: domainId(g, domain), domainKind: domain.kind === 'default' || domain.kind === 'blocked' ? domain.kind : 'user' };
}

export function groupView(s: MachineState, g: GroupId): GroupView {
  const v = viability(s, g);
  return { id: g, viable: v.viable, culprits: v.culprits, ...groupDomain(s, g), owner: formatOwner(groupOwner(s, g)) };
}

export interface DeviceView {
  driver: string | null;
  override: string | null;
  /** Userspace can reach the device through a device fd now. */
  userAccess: boolean;
  group: GroupId | undefined;
}

const accessibleCache = new WeakMap<MachineState, ReadonlySet<Bdf>>();

/** Functions userspace can reach, computed once per machine state however many devices ask. */
function accessibleOf(s: MachineState): ReadonlySet<Bdf> {
  let set = accessibleCache.get(s);
  if (!set) {
    set = accessibleFunctions(s);
    accessibleCache.set(s, set);
  }
  return set;
}

export function deviceView(s: MachineState, bdf: Bdf): DeviceView {
  return { driver: driverOf(s, bdf), override: overrideOf(s, bdf), userAccess: accessibleOf(s).has(bdf), group: groupIdOf(s, bdf) };
}

export interface DriverChoices {
  /** Drivers that take any device through driver_override. */
  userspace: string[];
  /** Host drivers whose id table matches the device, in the order drivers_probe tries them. */
  host: string[];
}

export function driverChoices(s: MachineState, bdf: Bdf | null): DriverChoices {
  const host = bdf === null ? [] : (s.static.drivers.idMatches.get(bdf) ?? []).filter((d) => !bindsOnlyThroughOverride(d));
  return { userspace: [VFIO_PCI, PCI_STUB], host: [...host] };
}

const byDomainCache = new WeakMap<MachineState, ReadonlyMap<string, readonly GroupId[]>>();

/** Groups translated by each domain other than their default one (only busy groups can be). */
export function groupsByDomain(s: MachineState): ReadonlyMap<string, readonly GroupId[]> {
  let map = byDomainCache.get(s);
  if (!map) {
    const next = new Map<string, GroupId[]>();
    for (const [g, gs] of s.groups) {
      if (gs.domain.kind === 'default') continue;
      const id = domainId(g, gs.domain);
      next.set(id, [...(next.get(id) ?? []), g].sort((a, b) => a - b));
    }
    map = next;
    byDomainCache.set(s, map);
  }
  return map;
}
