// Device <-> IOASID attachments and what they do to the group's domain. Domains are per group, so the
// first attach moves the whole group and the last detach moves it back to the blocked domain
// (C.2 rows 5-6; D.3 attach/detach).
import { deviceFdsOfGroup, groupState, updateGroup, withDevice } from './state.ts';
import type { DeviceFd, GroupId, Ioasid, MachineState } from './types.ts';

/** Devices of a group attached to an IOASID. */
export function attachedInGroup(s: MachineState, g: GroupId): DeviceFd[] {
  return deviceFdsOfGroup(s, g).filter((d) => d.attachedTo !== null);
}

/** Attaches one device; the group's domain becomes the IOASID's. */
export function attachDevice(s: MachineState, d: DeviceFd, a: Ioasid): MachineState {
  const next = withDevice(s, { ...d, attachedTo: a.id }, d.id);
  return updateGroup(next, d.group, { domain: { kind: 'ioasid', ioasid: a.id } });
}

/** Detaches one device; with none left attached, the owned group falls back to the blocked domain. */
export function detachDevice(s: MachineState, d: DeviceFd): MachineState {
  if (d.attachedTo === null) return s;
  const next = withDevice(s, { ...d, attachedTo: null }, d.id);
  return attachedInGroup(next, d.group).length > 0 ? next : updateGroup(next, d.group, { domain: { kind: 'blocked' } });
}

/** Releases one bound device's claim; the last release returns the group to its default domain. */
export function releaseClaim(s: MachineState, g: GroupId): MachineState {
  const gs = groupState(s, g);
  if (gs.ownerCount > 1) return updateGroup(s, g, { ownerCount: gs.ownerCount - 1 });
  return updateGroup(s, g, { owner: null, ownerCount: 0, blockDma: false, blockDmaDriver: null, domain: { kind: 'default' } });
}
