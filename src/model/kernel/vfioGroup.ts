// The VFIO group and container path, the part the policies share: /dev/vfio/N and its lifetime,
// containers, joining and leaving them (kernel-semantics B.1, B.4, D.2, D.6 items 7-9).
import type { Bdf } from '../topology/types.ts';
import { isVfioDriver } from './drivers.ts';
import type { Handler } from './policy.ts';
import { done, refuse, type Outcome } from './outcome.ts';
import { must } from './refs.ts';
import {
  driverOf,
  groupIdOf,
  groupPathFds,
  groupState,
  groupsInContainer,
  membersOf,
  newObject,
  updateGroup,
  withContainer,
  withDevice,
} from './state.ts';
import type { Container, Domain, GroupId, IommuType, MachineState } from './types.ts';

export type GroupLookup = { ok: true; g: GroupId } | (Outcome & { ok: false });

/** The IOMMU group of the function a command names. */
export function groupOfCommand(s: MachineState, bdf: Bdf): GroupLookup {
  const g = groupIdOf(s, bdf);
  if (g === undefined) return refuse('ENODEV', `${bdf} is in no IOMMU group: the IOMMU does not translate it`, 'kernel-semantics B.4 (no group: ENODEV), A.9 item 11');
  return { ok: true, g };
}

/** The group of `bdf`, whose /dev/vfio/N must be open for an ioctl on it. */
export function openGroupOf(s: MachineState, bdf: Bdf): GroupLookup {
  const found = groupOfCommand(s, bdf);
  if (!found.ok) return found;
  if (!groupState(s, found.g).fdOpen) return refuse('EBADF', `group ${found.g} is not open: open /dev/vfio/${found.g} first`, 'kernel-semantics B.4 (ioctl on a group fd)');
  return found;
}

/** A vfio_group, and so /dev/vfio/N, exists while a member is bound to a vfio driver (B.1). */
export function vfioNodeExists(s: MachineState, g: GroupId): boolean {
  return membersOf(s, g).some((bdf) => {
    const d = driverOf(s, bdf);
    return d !== null && isVfioDriver(d);
  });
}

/** The group file stays in use while open or while a device fd got through it holds it (D.6 item 8). */
export function groupFileInUse(s: MachineState, g: GroupId): boolean {
  return groupState(s, g).fdOpen || groupPathFds(s, g).length > 0;
}

/**
 * Opening /dev/vfio/N: the node must exist and the group file be free (single open, B.4; D.6
 * item 9). `extraBusy` adds a policy's own reason for EBUSY.
 */
export function openGroupHandler(extraBusy: (s: MachineState, g: GroupId) => string | null, rule: string): Handler<'group.open'> {
  return (s, { bdf }) => {
    const found = groupOfCommand(s, bdf);
    if (!found.ok) return found;
    const g = found.g;
    if (groupState(s, g).fdOpen) return refuse('EBUSY', `group ${g} is already open; /dev/vfio/${g} opens once`, rule);
    if (groupFileInUse(s, g)) return refuse('EBUSY', `group ${g} is still in use: a device fd obtained through it is open`, rule);
    const busy = extraBusy(s, g);
    if (busy) return refuse('EBUSY', busy, rule);
    if (!vfioNodeExists(s, g)) return refuse('ENOENT', `/dev/vfio/${g} does not exist: no device of group ${g} is bound to a vfio driver`, 'kernel-semantics B.1 (a vfio_group exists for groups with a vfio device)');
    return done(updateGroup(s, g, { fdOpen: true }));
  };
}

/** Leaving the container: the group returns to its default domain with no user owner (B.4, D.1). */
export function leaveContainer(s: MachineState, g: GroupId): MachineState {
  const container = groupState(s, g).container;
  if (container === null) return s;
  let next = updateGroup(s, g, { container: null, owner: null, ownerCount: 0, domain: { kind: 'default' } });
  if (groupsInContainer(next, container).length === 0) {
    // The last group gone, the container loses its IOMMU; without its fd it is gone (D.6 item 9).
    const c = next.containers.get(container)!;
    next = withContainer(next, c.fdOpen ? { ...c, iommu: 'none' } : undefined, container);
  }
  return next;
}

/** When nothing holds the group file any more, the group is released from its container (D.6 item 8). */
export function releaseIfUnused(s: MachineState, g: GroupId): MachineState {
  return groupFileInUse(s, g) ? s : leaveContainer(s, g);
}

/**
 * Joins a container, which then owns the group's DMA; the group's domain becomes the container's
 * once it has an IOMMU (B.4). An external container owns nothing: VFIO establishes no security
 * context of its own there (C.2 row 2), the iommu fd will.
 */
export function joinContainer(s: MachineState, g: GroupId, c: Container, ownedDomain: Domain): MachineState {
  if (c.iommu === 'external') return updateGroup(s, g, { container: c.id });
  const domain: Domain = c.iommu === 'type1' ? { kind: 'container', container: c.id } : ownedDomain;
  return updateGroup(s, g, { container: c.id, owner: { kind: 'container', container: c.id }, ownerCount: 1, domain });
}

export const containerOpenHandler: Handler<'container.open'> = (s, { as }) => {
  const created = newObject(s, 'container', as);
  return done(withContainer(created.state, { id: created.id, name: as, fdOpen: true, iommu: 'none' }, created.id));
};

/** Closing the container fd releases nothing while a group is attached (D.6 item 8). */
export const containerCloseHandler: Handler<'container.close'> = (s, _command, refs) => {
  const c = must(refs.container, 'container');
  const keep = groupsInContainer(s, c.id).length > 0;
  return done(withContainer(s, keep ? { ...c, fdOpen: false } : undefined, c.id));
};

/** Closing the group fd; the release waits for the device fds obtained through it (D.6 item 8). */
export const groupCloseHandler: Handler<'group.close'> = (s, { bdf }) => {
  const found = openGroupOf(s, bdf);
  if (!found.ok) return found;
  return done(releaseIfUnused(updateGroup(s, found.g, { fdOpen: false }), found.g));
};

/**
 * VFIO_SET_IOMMU: the container needs a group and no IOMMU yet (EINVAL); then a driver must accept
 * the type (ENODEV). type1 moves every group of the container into the container's domain.
 */
export function setIommuHandler(acceptsExternal: boolean, rule: string): Handler<'container.setIommu'> {
  return (s, { type }, refs) => {
    const c = must(refs.container, 'container');
    const groups = groupsInContainer(s, c.id);
    if (groups.length === 0) return refuse('EINVAL', `container "${c.name}" has no group: SET_CONTAINER a group first`, 'kernel-semantics B.4, D.6 item 9');
    if (c.iommu !== 'none') return refuse('EINVAL', `container "${c.name}" already has its IOMMU (${c.iommu})`, 'kernel-semantics B.4, D.6 item 9');
    if (type === 'external' && !acceptsExternal) {
      return refuse('ENODEV', `no IOMMU driver accepts VFIO_EXTERNAL_IOMMU here: only the RFC v2 plan defines it`, rule);
    }
    const iommu: IommuType = type;
    let next = withContainer(s, { ...c, iommu }, c.id);
    for (const g of groups) {
      // External: "tells VFIO not to establish its own security context" (C.2 row 2): the container
      // gives up ownership and the domain stays as it is.
      next = updateGroup(next, g, iommu === 'type1' ? { domain: { kind: 'container', container: c.id } } : { owner: null, ownerCount: 0 });
    }
    return done(next);
  };
}

/** VFIO_GROUP_UNSET_CONTAINER: EINVAL without a container, EBUSY while device fds are open (B.4, D.6 item 8). */
export const unsetContainerHandler: Handler<'group.unsetContainer'> = (s, { bdf }) => {
  const found = openGroupOf(s, bdf);
  if (!found.ok) return found;
  const g = found.g;
  if (groupState(s, g).container === null) return refuse('EINVAL', `group ${g} is in no container`, 'kernel-semantics B.4');
  const fds = groupPathFds(s, g);
  if (fds.length > 0) return refuse('EBUSY', `group ${g} still has open device fds: ${fds.map((d) => `"${d.name}"`).join(', ')}`, 'kernel-semantics B.4, D.6 item 8');
  return done(leaveContainer(s, g));
};

/** Closing a device fd obtained through the group file: it may have been the group file's last holder. */
export function closeGroupPathFd(s: MachineState, id: string, g: GroupId): MachineState {
  return releaseIfUnused(withDevice(s, undefined, id), g);
}

/** A device the group path can hand out: bound to a vfio driver (D.6 item 7). */
export function isVfioDevice(s: MachineState, bdf: Bdf): boolean {
  const d = driverOf(s, bdf);
  return d !== null && isVfioDriver(d);
}

export function notVfioDeviceMessage(s: MachineState, bdf: Bdf, g: GroupId): string {
  const d = driverOf(s, bdf);
  return `${bdf} is not a vfio device of group ${g}: it is ${d === null ? 'unbound' : `bound to ${d}`}`;
}
