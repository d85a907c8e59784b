// The June 2021 "Plan for /dev/ioasid RFC v2" (block_dma) as the state machine of kernel-semantics
// C.2, with the readings of C.3 that model.md §4 fixes. It keeps the legacy container path (type1)
// for compatibility and adds VFIO_EXTERNAL_IOMMU, GET_DEVICE_FD_NEW(iommu fd, cookie), attach/detach.
import { attachDevice, detachDevice, releaseClaim } from './attachment.ts';
import { bindHandler, overrideHandler, probeHandler, type DriverRules, unbindHandler } from './driverBinding.ts';
import { blockDmaCulprit, blockDmaViability, describeNonViable } from './facts.ts';
import { addDeviceFd, ioasidAllocHandler, ioasidFreeHandler, iommufdOpenHandler } from './iommufdObjects.ts';
import { groupPathDeviceCloseHandler, legacyGetDeviceFdHandler, legacyPolicy, legacyUnbindBlocker, noIommu, vfioNotifierBug } from './legacy.ts';
import { done, refuse } from './outcome.ts';
import type { Handler, Policy } from './policy.ts';
import { must } from './refs.ts';
import { deviceFdsOfBdf, driverOf, groupIdOf, groupState, updateGroup } from './state.ts';
import type { Container, MachineState, Panic } from './types.ts';
import { closeGroupPathFd, isVfioDevice, notVfioDeviceMessage, openGroupOf, setIommuHandler } from './vfioGroup.ts';

/**
 * BUS_NOTIFY_BOUND_DRIVER: the iommu layer re-checks viability while block_dma is set and BUG_ONs
 * after the driver has probed (C.2 row 8, C.3 items 8-9). A group in a legacy (non-external)
 * container still has vfio's own notifier (B.3); for external containers the plan makes it redundant.
 */
function rfcNotifierBug(s: MachineState, bdf: string, driver: string): Panic | null {
  const g = groupIdOf(s, bdf);
  if (g === undefined) return null;
  const gs = groupState(s, g);
  if (gs.blockDma && gs.blockDmaDriver !== null) {
    const culprit = blockDmaCulprit(s, bdf, driver, gs.blockDmaDriver);
    if (culprit !== null) {
      return {
        message: `kernel BUG in the iommu layer's BUS_NOTIFY_BOUND_DRIVER check: group ${g} has block_dma set and ${bdf} is now ${culprit}, so the group is no longer viable`,
        culprit: bdf,
        rule: 'kernel-semantics C.2 row 8, C.3 item 9',
      };
    }
  }
  const container = gs.container === null ? undefined : s.containers.get(gs.container);
  return container && container.iommu !== 'external' ? vfioNotifierBug(s, bdf, driver) : null;
}

const rfcDriverRules: DriverRules = {
  ownershipRefusal: () => null, // the plan refuses no probe; BUG_ON is its only enforcement (C.3 item 8)
  notifierBug: rfcNotifierBug,
  unbindBlocker: legacyUnbindBlocker,
};

/** The legacy GET_DEVICE_FD cannot serve an external container (C.3 item 11, an assumption). */
const legacyIommuProblem = (c: Container) =>
  noIommu(c) ?? (c.iommu === 'external' ? `container "${c.name}" uses VFIO_EXTERNAL_IOMMU: get the device with GET_DEVICE_FD_NEW` : null);

/**
 * VFIO_GROUP_GET_DEVICE_FD_NEW(name, iommu fd, cookie) binds the device to the iommu fd and returns
 * the fd only after the group is in block_dma (C.2 rows 3-4; C.3 items 3, 4, 12).
 */
const getDeviceFdNewHandler: Handler<'group.getDeviceFdNew'> = (s, { bdf, cookie, as }, refs) => {
  const fd = must(refs.iommufd, 'iommu fd');
  const found = openGroupOf(s, bdf);
  if (!found.ok) return found;
  const g = found.g;
  const gs = groupState(s, g);
  const container = gs.container === null ? undefined : s.containers.get(gs.container);
  if (!container) return refuse('EINVAL', `group ${g} is in no container: SET_CONTAINER and SET_IOMMU(VFIO_EXTERNAL_IOMMU) first`, 'kernel-semantics C.2 row 3');
  if (container.iommu !== 'external') {
    return refuse('EINVAL', `container "${container.name}" has IOMMU ${container.iommu}, not VFIO_EXTERNAL_IOMMU`, 'kernel-semantics C.2 row 3');
  }
  if (!isVfioDevice(s, bdf)) return refuse('ENODEV', notVfioDeviceMessage(s, bdf, g), 'kernel-semantics C.2 row 3 (d must be a vfio_device)');
  const driver = driverOf(s, bdf)!;
  const bound = deviceFdsOfBdf(s, bdf).find((d) => d.path === 'new');
  if (bound) return refuse('EINVAL', `${bdf} is already bound to an iommu fd through "${bound.name}"; a device binds once`, 'kernel-semantics C.3 item 12');
  let next = s;
  if (gs.blockDma) {
    if (gs.owner?.kind !== 'iommufd' || gs.owner.iommufd !== fd.id) {
      const owner = gs.owner?.kind === 'iommufd' ? (s.iommufds.get(gs.owner.iommufd)?.name ?? gs.owner.iommufd) : 'another owner';
      return refuse('EBUSY', `group ${g} is in block_dma for iommu fd "${owner}", not "${fd.name}"`, 'kernel-semantics C.3 item 3, C.2 row 4');
    }
  } else {
    const v = blockDmaViability(s, g, driver);
    if (!v.viable) return refuse('EINVAL', describeNonViable(g, v), 'kernel-semantics C.2 row 3, C.3 item 4');
    // iommu_group_set_block_dma(): the whole group moves to the blocked domain.
    next = updateGroup(next, g, { blockDma: true, blockDmaDriver: driver, owner: { kind: 'iommufd', iommufd: fd.id }, ownerCount: 0, domain: { kind: 'blocked' } });
  }
  next = updateGroup(next, g, { ownerCount: groupState(next, g).ownerCount + 1 });
  return done(addDeviceFd(next, as, { bdf, group: g, path: 'new', cookie, iommufd: fd.id, accessGranted: true }).state);
};

const notBoundMessage = (name: string) => `device fd "${name}" is not bound to an iommu fd: only devices from GET_DEVICE_FD_NEW attach`;

/** All bound devices of a group share one IOASID: the first attach moves the group (C.2 row 5, C.3 item 5). */
const attachHandler: Handler<'device.attach'> = (s, _command, refs) => {
  const d = must(refs.device, 'device fd');
  const a = must(refs.ioasid, 'IOASID');
  if (d.path !== 'new') return refuse('EINVAL', notBoundMessage(d.name), 'kernel-semantics C.2 row 5 (d must be bound)');
  if (a.iommufd !== d.iommufd) return refuse('ENOENT', `IOASID "${a.name}" does not exist in the iommu fd "${d.name}" is bound to`, 'kernel-semantics C.1 (IOASIDs are fd-local)');
  if (d.attachedTo !== null) {
    return refuse('EBUSY', `"${d.name}" is already attached to IOASID "${s.ioasids.get(d.attachedTo)?.name}"; detach it first`, 'kernel-semantics C.2 row 5, D.3 (v6.2: one attachment per device)');
  }
  const domain = groupState(s, d.group).domain;
  if (domain.kind === 'ioasid' && domain.ioasid !== a.id) {
    return refuse('EINVAL', `group ${d.group} is on IOASID "${s.ioasids.get(domain.ioasid)?.name}": all devices of a group must attach to a single IOASID`, 'kernel-semantics C.2 row 5, C.3 item 5');
  }
  return done(attachDevice(s, d, a));
};

/** The last attached device's detach moves the group back to the blocked domain (C.2 row 6, C.3 item 6). */
const detachHandler: Handler<'device.detach'> = (s, _command, refs) => {
  const d = must(refs.device, 'device fd');
  if (d.path !== 'new') return refuse('EINVAL', notBoundMessage(d.name), 'kernel-semantics C.2 row 6');
  if (d.attachedTo === null) return refuse('EINVAL', `"${d.name}" is not attached`, 'kernel-semantics C.2 row 6 (d must be attached)');
  return done(detachDevice(s, d));
};

/**
 * Closing the device fd unbinds it from the iommu fd (C.2 row 7): detach first (C.3 item 7); the
 * last unbind runs unset_block_dma and the group returns to its default domain.
 */
const closeHandler: Handler<'device.close'> = (s, command, refs) => {
  const d = must(refs.device, 'device fd');
  if (d.path !== 'new') return groupPathDeviceCloseHandler(s, command, refs);
  const detached = detachDevice(s, d);
  return done(closeGroupPathFd(releaseClaim(detached, d.group), d.id, d.group));
};

export const rfcV2Policy: Policy = {
  name: 'rfc-v2',
  summary: 'The June 2021 block_dma plan: legacy VFIO plus VFIO_EXTERNAL_IOMMU, GET_DEVICE_FD_NEW and IOASID attach; BUG_ON when viability breaks',
  handlers: {
    ...legacyPolicy.handlers,
    'driver.bind': bindHandler(rfcDriverRules),
    'driver.unbind': unbindHandler(rfcDriverRules),
    'driver.override': overrideHandler,
    'driver.probe': probeHandler(rfcDriverRules),
    'container.setIommu': setIommuHandler(true, 'kernel-semantics C.2 row 2'),
    'group.getDeviceFd': legacyGetDeviceFdHandler(legacyIommuProblem, 'kernel-semantics B.4 (GET_DEVICE_FD), C.3 item 11'),
    'group.getDeviceFdNew': getDeviceFdNewHandler,
    'iommufd.open': iommufdOpenHandler,
    'ioasid.alloc': ioasidAllocHandler,
    'ioasid.free': ioasidFreeHandler,
    'device.attach': attachHandler,
    'device.detach': detachHandler,
    'device.close': closeHandler,
  },
};
