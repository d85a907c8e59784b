// What upstream merged: DMA ownership (v5.19), iommufd (v6.4+ attach rules) and the VFIO device
// cdev (v6.6+), kernel-semantics D.1-D.4, with the VFIO group path as the real 6.1 kernel's traces
// show it (D.6): ownership is claimed at SET_CONTAINER and released when nothing holds the group.
import { attachDevice, attachedInGroup, detachDevice, releaseClaim } from './attachment.ts';
import { bindHandler, openFdsBlockUnbind, overrideHandler, probeHandler, type DriverRules, unbindHandler } from './driverBinding.ts';
import { isDriverManagedDma } from './drivers.ts';
import { describeNonViable, formatOwner, groupOwner, ownershipViability } from './facts.ts';
import { addDeviceFd, ioasidAllocHandler, ioasidFreeHandler, iommufdOpenHandler } from './iommufdObjects.ts';
import { groupPathDeviceCloseHandler, noIommu } from './legacy.ts';
import { done, refuse, type KernelError } from './outcome.ts';
import type { Handler, Policy } from './policy.ts';
import { must } from './refs.ts';
import { deviceFdsOfBdf, deviceFdsOfGroup, groupIdOf, groupState, updateGroup, withDevice } from './state.ts';
import type { GroupId, MachineState } from './types.ts';
import {
  containerCloseHandler,
  containerOpenHandler,
  groupCloseHandler,
  groupFileInUse,
  groupOfCommand,
  isVfioDevice,
  joinContainer,
  notVfioDeviceMessage,
  openGroupHandler,
  openGroupOf,
  setIommuHandler,
  unsetContainerHandler,
} from './vfioGroup.ts';

/**
 * really_probe -> pci_dma_configure -> iommu_device_use_default_domain(): a driver without
 * driver_managed_dma cannot probe into a group a user owns (D.1). The device stays unbound.
 */
function ownershipRefusal(s: MachineState, bdf: string, driver: string): KernelError | null {
  if (isDriverManagedDma(driver)) return null;
  const g = groupIdOf(s, bdf);
  if (g === undefined || groupState(s, g).owner === null) return null;
  return {
    errno: 'EBUSY',
    message: `group ${g} is owned by ${formatOwner(groupOwner(s, g))}: ${driver} has no driver_managed_dma, so iommu_device_use_default_domain() refuses it and ${bdf} stays unbound`,
    rule: 'kernel-semantics D.1, D.6 items 4, 6',
    reason: 'kernel',
  };
}

const upstreamDriverRules: DriverRules = {
  ownershipRefusal,
  notifierBug: () => null, // the ownership series removed vfio's notifier and its BUG_ON (D.1)
  unbindBlocker: openFdsBlockUnbind,
};

/** A device of the group bound through its cdev blocks the group node (vfio_device_block_group, D.2 v6.6+). */
function cdevBoundIn(s: MachineState, g: GroupId): string | null {
  const bound = deviceFdsOfGroup(s, g, ['cdev']).find((d) => d.iommufd !== null);
  return bound ? `${bound.bdf} of group ${g} is bound to an iommufd through its cdev ("${bound.name}")` : null;
}

/** GET_STATUS: CONTAINER_SET | VIABLE with a container; else VIABLE iff nobody claims DMA ownership (D.2). */
const getStatusHandler: Handler<'group.getStatus'> = (s, { bdf }) => {
  const found = openGroupOf(s, bdf);
  if (!found.ok) return found;
  const gs = groupState(s, found.g);
  const containerSet = gs.container !== null;
  const viable = containerSet || (gs.owner === null && ownershipViability(s, found.g, true).viable);
  return { ok: true, state: s, result: { flags: { viable, containerSet } } };
};

/** SET_CONTAINER claims the group: EPERM while any kernel DMA-API driver is bound (D.1, D.2). */
const setContainerHandler: Handler<'group.setContainer'> = (s, { bdf }, refs) => {
  const c = must(refs.container, 'container');
  const found = openGroupOf(s, bdf);
  if (!found.ok) return found;
  const g = found.g;
  const gs = groupState(s, g);
  if (gs.container !== null) return refuse('EINVAL', `group ${g} is already in a container`, 'kernel-semantics D.2 (SET_CONTAINER)');
  if (gs.owner !== null) return refuse('EPERM', `group ${g}'s DMA is already claimed by ${formatOwner(groupOwner(s, g))}`, 'kernel-semantics D.1 (iommu_group_claim_dma_owner)');
  const v = ownershipViability(s, g);
  if (!v.viable) return refuse('EPERM', `iommu_group_claim_dma_owner() refuses: ${describeNonViable(g, v)}`, 'kernel-semantics D.1, D.6 (every trace, phase A)');
  // v6.1: the claim attaches the blocking domain until the container's IOMMU attaches its own.
  return done(joinContainer(s, g, c, { kind: 'blocked' }));
};

/** GET_DEVICE_FD (6.1): the device lookup first (ENODEV), then container and IOMMU (EINVAL) (D.6 item 7). */
const getDeviceFdHandler: Handler<'group.getDeviceFd'> = (s, { bdf, as }) => {
  const found = openGroupOf(s, bdf);
  if (!found.ok) return found;
  const g = found.g;
  if (!isVfioDevice(s, bdf)) return refuse('ENODEV', notVfioDeviceMessage(s, bdf, g), 'kernel-semantics D.6 item 7');
  const containerId = groupState(s, g).container;
  if (containerId === null) return refuse('EINVAL', `group ${g} is in no container: SET_CONTAINER first`, 'kernel-semantics D.6 item 7');
  const problem = noIommu(s.containers.get(containerId)!);
  if (problem) return refuse('EINVAL', problem, 'kernel-semantics D.6 item 7 (w phase L)');
  return done(addDeviceFd(s, as, { bdf, group: g, path: 'group', cookie: null, iommufd: null, accessGranted: true }).state);
};

/** open /dev/vfio/devices/vfioX: exists for vfio devices; no access until BIND_IOMMUFD (D.4). */
const cdevOpenHandler: Handler<'cdev.open'> = (s, { bdf, as }) => {
  const found = groupOfCommand(s, bdf);
  if (!found.ok) return found;
  if (!isVfioDevice(s, bdf)) return refuse('ENODEV', `${bdf} has no vfio cdev: ${notVfioDeviceMessage(s, bdf, found.g)}`, 'kernel-semantics D.4 (cdev open)');
  return done(addDeviceFd(s, as, { bdf, group: found.g, path: 'cdev', cookie: null, iommufd: null, accessGranted: false }).state);
};

/** VFIO_DEVICE_BIND_IOMMUFD: the errno order of D.4, then iommufd_device_bind's per-device claim (D.1, D.3). */
const bindIommufdHandler: Handler<'cdev.bindIommufd'> = (s, _command, refs) => {
  const d = must(refs.device, 'device fd');
  const fd = must(refs.iommufd, 'iommu fd');
  const g = d.group;
  if (d.path !== 'cdev') return refuse('EINVAL', `device fd "${d.name}" came from the group path; only a cdev fd binds to an iommufd`, 'kernel-semantics D.4');
  if (groupFileInUse(s, g)) return refuse('EBUSY', `group ${g} is in use through /dev/vfio/${g} (vfio_device_block_group)`, 'kernel-semantics D.4');
  if (d.iommufd !== null) return refuse('EINVAL', `device fd "${d.name}" is already bound; one device cannot be bound twice`, 'kernel-semantics D.4');
  const elsewhere = deviceFdsOfBdf(s, d.bdf).find((o) => o.id !== d.id && o.accessGranted);
  if (elsewhere) return refuse('EINVAL', `${d.bdf} is already open through "${elsewhere.name}" (vfio_df_open)`, 'kernel-semantics D.4, D.2');
  const gs = groupState(s, g);
  if (gs.owner !== null && !(gs.owner.kind === 'iommufd' && gs.owner.iommufd === fd.id)) {
    return refuse('EPERM', `group ${g}'s DMA is owned by ${formatOwner(groupOwner(s, g))}, not iommufd "${fd.name}"`, 'kernel-semantics D.1 (iommu_device_claim_dma_owner), D.3');
  }
  const v = ownershipViability(s, g);
  if (!v.viable) return refuse('EPERM', `iommu_device_claim_dma_owner() refuses: ${describeNonViable(g, v)}`, 'kernel-semantics D.1, D.3');
  // The first claim attaches the blocking domain (v6.1+); later claims of the same iommufd count up.
  const claimed = updateGroup(s, g, {
    owner: { kind: 'iommufd', iommufd: fd.id },
    ownerCount: gs.ownerCount + 1,
    domain: gs.owner === null ? { kind: 'blocked' } : gs.domain,
  });
  return done(withDevice(claimed, { ...d, iommufd: fd.id, accessGranted: true }, d.id));
};

const cdevOnly = (name: string) => `device fd "${name}" is not a cdev fd: only a device opened through /dev/vfio/devices attaches to an IOMMUFD page table`;

/**
 * ATTACH_IOMMUFD_PT: the first device of a group moves the whole group; a sibling on another HWPT
 * gets EINVAL (v6.4+); an attached device replaces, dragging its attached siblings along (D.3, D.4).
 */
const attachHandler: Handler<'device.attach'> = (s, _command, refs) => {
  const d = must(refs.device, 'device fd');
  const a = must(refs.ioasid, 'IOASID');
  if (d.path !== 'cdev') return refuse('EINVAL', cdevOnly(d.name), 'kernel-semantics D.4');
  if (!d.accessGranted) return refuse('EINVAL', `device fd "${d.name}" is not bound: VFIO_DEVICE_BIND_IOMMUFD first`, 'kernel-semantics D.4 (no access before bind)');
  if (a.iommufd !== d.iommufd) return refuse('ENOENT', `IOASID "${a.name}" is no object of the iommufd "${d.name}" is bound to`, 'kernel-semantics D.4 (unknown pt_id: ENOENT)');
  if (d.attachedTo === a.id) return done(s);
  if (d.attachedTo !== null) {
    let next = s;
    for (const sibling of attachedInGroup(s, d.group)) next = attachDevice(next, sibling, a);
    return done(next);
  }
  const domain = groupState(s, d.group).domain;
  if (domain.kind === 'ioasid' && domain.ioasid !== a.id) {
    return refuse('EINVAL', `group ${d.group} is attached to "${s.ioasids.get(domain.ioasid)?.name}": a device cannot join another page table than its group's`, 'kernel-semantics D.3 (attach rules v6.4+)');
  }
  return done(attachDevice(s, d, a));
};

/** DETACH_IOMMUFD_PT: silent when not attached; the last detach falls back to the blocking domain (D.3, D.4). */
const detachHandler: Handler<'device.detach'> = (s, _command, refs) => {
  const d = must(refs.device, 'device fd');
  if (d.path !== 'cdev') return refuse('EINVAL', cdevOnly(d.name), 'kernel-semantics D.4');
  if (!d.accessGranted) return refuse('EINVAL', `device fd "${d.name}" is not bound: VFIO_DEVICE_BIND_IOMMUFD first`, 'kernel-semantics D.4');
  return done(detachDevice(s, d));
};

/**
 * Closing a cdev fd unbinds it: detach, then release this device's claim (D.4, table E "close A's
 * fd"). A group-path fd releases nothing by itself (D.6 item 8).
 */
const closeHandler: Handler<'device.close'> = (s, command, refs) => {
  const d = must(refs.device, 'device fd');
  if (d.path !== 'cdev') return groupPathDeviceCloseHandler(s, command, refs);
  if (d.iommufd === null) return done(withDevice(s, undefined, d.id));
  return done(withDevice(releaseClaim(detachDevice(s, d), d.group), undefined, d.id));
};

export const upstreamPolicy: Policy = {
  name: 'upstream',
  summary: 'DMA ownership + iommufd + VFIO device cdev, with the group path as Linux 6.1 behaves',
  handlers: {
    'driver.bind': bindHandler(upstreamDriverRules),
    'driver.unbind': unbindHandler(upstreamDriverRules),
    'driver.override': overrideHandler,
    'driver.probe': probeHandler(upstreamDriverRules),
    'group.open': openGroupHandler(cdevBoundIn, 'kernel-semantics D.2 (group open), D.6 item 9'),
    'group.close': groupCloseHandler,
    'group.getStatus': getStatusHandler,
    'container.open': containerOpenHandler,
    'container.close': containerCloseHandler,
    'group.setContainer': setContainerHandler,
    'group.unsetContainer': unsetContainerHandler,
    'container.setIommu': setIommuHandler(false, 'kernel-semantics B.4 (SET_IOMMU: no driver accepted the type)'),
    'group.getDeviceFd': getDeviceFdHandler,
    'device.close': closeHandler,
    'iommufd.open': iommufdOpenHandler,
    'ioasid.alloc': ioasidAllocHandler,
    'ioasid.free': ioasidFreeHandler,
    'cdev.open': cdevOpenHandler,
    'cdev.bindIommufd': bindIommufdHandler,
    'device.attach': attachHandler,
    'device.detach': detachHandler,
  },
};
