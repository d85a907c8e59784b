// Legacy VFIO around v5.13 with type1 (kernel-semantics B): group + container + device fd, viability
// by vfio_dev_viable, no viability check at SET_CONTAINER / SET_IOMMU, and the notifier's BUG_ON.
import { bindHandler, openFdsBlockUnbind, overrideHandler, probeHandler, type DriverRules, unbindHandler } from './driverBinding.ts';
import { isVfioDriver } from './drivers.ts';
import { describeNonViable, legacyCulprit, legacyViability } from './facts.ts';
import { addDeviceFd } from './iommufdObjects.ts';
import { done, refuse } from './outcome.ts';
import type { Handler, Policy } from './policy.ts';
import { must } from './refs.ts';
import { driverOf, groupIdOf, groupState, membersOf } from './state.ts';
import type { Container, MachineState, Panic } from './types.ts';
import {
  closeGroupPathFd,
  containerCloseHandler,
  containerOpenHandler,
  groupCloseHandler,
  isVfioDevice,
  joinContainer,
  notVfioDeviceMessage,
  openGroupHandler,
  openGroupOf,
  setIommuHandler,
  unsetContainerHandler,
} from './vfioGroup.ts';

/**
 * vfio_iommu_group_notifier, BOUND_DRIVER: BUG_ON(vfio_group_nb_verify()) when the group has
 * container users and the new driver makes the device non-viable (B.3). The driver has already
 * probed when this fires.
 */
export function vfioNotifierBug(s: MachineState, bdf: string, driver: string): Panic | null {
  const g = groupIdOf(s, bdf);
  if (g === undefined) return null;
  const container = groupState(s, g).container;
  if (container === null) return null;
  if (legacyCulprit(s, bdf, driver) === null) return null;
  const name = s.containers.get(container)?.name ?? container;
  return {
    message: `kernel BUG in vfio_iommu_group_notifier: ${bdf} was bound to ${driver} while group ${g} is in use by container "${name}"; vfio stops the system to keep the group isolated`,
    culprit: bdf,
    rule: 'kernel-semantics B.3 (BUG_ON(vfio_group_nb_verify))',
  };
}

/**
 * vfio_unregister_group_dev waits for the device's fds and, when the group's last vfio device goes,
 * until the group has left its container (B.4, driver unbind row).
 */
export function legacyUnbindBlocker(s: MachineState, bdf: string, driver: string): string | null {
  const fds = openFdsBlockUnbind(s, bdf, driver);
  if (fds || !isVfioDriver(driver)) return fds;
  const g = groupIdOf(s, bdf);
  if (g === undefined || groupState(s, g).container === null) return null;
  const otherVfio = membersOf(s, g).some((m) => m !== bdf && isVfioDriver(driverOf(s, m) ?? ''));
  return otherVfio ? null : `vfio waits until group ${g}, whose last vfio device this is, has left its container`;
}

export const legacyDriverRules: DriverRules = {
  ownershipRefusal: () => null, // v5.13 has no DMA ownership: any matching driver may probe
  notifierBug: vfioNotifierBug,
  unbindBlocker: legacyUnbindBlocker,
};

/** VFIO_GROUP_GET_STATUS: VIABLE per vfio_group_viable (B.2), CONTAINER_SET (B.4). */
export const legacyGetStatusHandler: Handler<'group.getStatus'> = (s, { bdf }) => {
  const found = openGroupOf(s, bdf);
  if (!found.ok) return found;
  const gs = groupState(s, found.g);
  return { ok: true, state: s, result: { flags: { viable: legacyViability(s, found.g, true).viable, containerSet: gs.container !== null } } };
};

/** vfio_group_set_container: no viability check (B.4, derived); attaches to the IOMMU if the container has one. */
export const legacySetContainerHandler: Handler<'group.setContainer'> = (s, { bdf }, refs) => {
  const c = must(refs.container, 'container');
  const found = openGroupOf(s, bdf);
  if (!found.ok) return found;
  if (groupState(s, found.g).container !== null) return refuse('EINVAL', `group ${found.g} is already in a container`, 'kernel-semantics B.4 (SET_CONTAINER)');
  return done(joinContainer(s, found.g, c, { kind: 'default' }));
};

/**
 * vfio_group_get_device_fd (v5.13): container users, an IOMMU and viability first (EINVAL), then the
 * device lookup (ENODEV) (B.4). `iommuProblem` says why a container's IOMMU cannot serve.
 */
export function legacyGetDeviceFdHandler(iommuProblem: (c: Container) => string | null, rule: string): Handler<'group.getDeviceFd'> {
  return (s, { bdf, as }) => {
    const found = openGroupOf(s, bdf);
    if (!found.ok) return found;
    const g = found.g;
    const containerId = groupState(s, g).container;
    if (containerId === null) return refuse('EINVAL', `group ${g} is in no container: SET_CONTAINER first`, rule);
    const problem = iommuProblem(s.containers.get(containerId)!);
    if (problem) return refuse('EINVAL', problem, rule);
    const v = legacyViability(s, g);
    if (!v.viable) return refuse('EINVAL', describeNonViable(g, v), rule);
    if (!isVfioDevice(s, bdf)) return refuse('ENODEV', notVfioDeviceMessage(s, bdf, g), 'kernel-semantics B.4 (no such device: ENODEV)');
    return done(addDeviceFd(s, as, { bdf, group: g, path: 'group', cookie: null, iommufd: null, accessGranted: true }).state);
  };
}

export const noIommu = (c: Container) => (c.iommu === 'none' ? `container "${c.name}" has no IOMMU: VFIO_SET_IOMMU first` : null);

/** device fd close: container_users-- ; the group leaves its container when nothing holds it (B.1, B.4). */
export const groupPathDeviceCloseHandler: Handler<'device.close'> = (s, _command, refs) => {
  const d = must(refs.device, 'device fd');
  return done(closeGroupPathFd(s, d.id, d.group));
};

export const legacyPolicy: Policy = {
  name: 'legacy',
  summary: 'VFIO around v5.13 with type1: group, container, device fd; BUG_ON when a host driver binds into a group in use',
  handlers: {
    'driver.bind': bindHandler(legacyDriverRules),
    'driver.unbind': unbindHandler(legacyDriverRules),
    'driver.override': overrideHandler,
    'driver.probe': probeHandler(legacyDriverRules),
    'group.open': openGroupHandler(() => null, 'kernel-semantics B.4 (group open: EBUSY)'),
    'group.close': groupCloseHandler,
    'group.getStatus': legacyGetStatusHandler,
    'container.open': containerOpenHandler,
    'container.close': containerCloseHandler,
    'group.setContainer': legacySetContainerHandler,
    'group.unsetContainer': unsetContainerHandler,
    'container.setIommu': setIommuHandler(false, 'kernel-semantics B.4 (SET_IOMMU: no driver accepted the type)'),
    'group.getDeviceFd': legacyGetDeviceFdHandler(noIommu, 'kernel-semantics B.4 (GET_DEVICE_FD)'),
    'device.close': groupPathDeviceCloseHandler,
  },
};
