// The iommu fd and its IOASIDs, shared by rfc-v2 (/dev/ioasid, C.1) and upstream (iommufd IOAS /
// HWPT, D.3, D.5), and the device fds both create.
import type { Bdf } from '../topology/types.ts';
import type { Handler } from './policy.ts';
import { done, refuse } from './outcome.ts';
import { must } from './refs.ts';
import { newObject, withDevice, withIommufd, withIoasid } from './state.ts';
import type { DeviceFd, GroupId, MachineState } from './types.ts';

export const iommufdOpenHandler: Handler<'iommufd.open'> = (s, { as }) => {
  const created = newObject(s, 'iommufd', as);
  return done(withIommufd(created.state, { id: created.id, name: as }));
};

/** An IOASID lives in one iommu fd; a nested one's parent must live in the same fd. */
export const ioasidAllocHandler: Handler<'ioasid.alloc'> = (s, { as }, refs) => {
  const fd = must(refs.iommufd, 'iommu fd');
  if (refs.parent && refs.parent.iommufd !== fd.id) {
    return refuse('EINVAL', `parent IOASID "${refs.parent.name}" belongs to another iommu fd than "${fd.name}"`, 'kernel-semantics C.1 (IOASIDs are fd-local), D.3');
  }
  const created = newObject(s, 'ioasid', as);
  return done(withIoasid(created.state, { id: created.id, name: as, iommufd: fd.id, parent: refs.parent?.id ?? null }, created.id));
};

/** IOMMU_DESTROY of an IOAS/HWPT still in use is EBUSY (D.5; C.2 row 11 takes the upstream answer). */
export const ioasidFreeHandler: Handler<'ioasid.free'> = (s, _command, refs) => {
  const a = must(refs.ioasid, 'IOASID');
  const attached = [...s.devices.values()].filter((d) => d.attachedTo === a.id);
  if (attached.length > 0) {
    return refuse('EBUSY', `IOASID "${a.name}" is in use: ${attached.map((d) => `"${d.name}"`).join(', ')} attached`, 'kernel-semantics D.5, C.2 row 11');
  }
  const children = [...s.ioasids.values()].filter((c) => c.parent === a.id);
  if (children.length > 0) {
    return refuse('EBUSY', `IOASID "${a.name}" is the parent of ${children.map((c) => `"${c.name}"`).join(', ')}`, 'kernel-semantics D.5');
  }
  return done(withIoasid(s, undefined, a.id));
};

export interface NewDeviceFd {
  bdf: Bdf;
  group: GroupId;
  path: DeviceFd['path'];
  cookie: number | null;
  iommufd: string | null;
  accessGranted: boolean;
}

/** Creates a device fd named `as`. */
export function addDeviceFd(s: MachineState, as: string, fd: NewDeviceFd): { state: MachineState; device: DeviceFd } {
  const created = newObject(s, 'device', as);
  const device: DeviceFd = { id: created.id, name: as, attachedTo: null, ...fd };
  return { state: withDevice(created.state, device, created.id), device };
}
