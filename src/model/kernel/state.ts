// Reading and updating the machine state without mutating it. Every updater copies only the one
// small map it changes; per-function data stays in `static` and in overlays of what changed.
import type { Bdf } from '../topology/types.ts';
import {
  IDLE_GROUP,
  type Container,
  type DeviceFd,
  type GroupId,
  type GroupState,
  type Ioasid,
  type Iommufd,
  type MachineState,
  type NameRef,
  type ObjectKind,
  type Panic,
} from './types.ts';

export function driverOf(s: MachineState, bdf: Bdf): string | null {
  const changed = s.drivers.get(bdf);
  return changed !== undefined ? changed : (s.static.functions.get(bdf)?.driver ?? null);
}

export function overrideOf(s: MachineState, bdf: Bdf): string | null {
  return s.overrides.get(bdf) ?? null;
}

export function groupIdOf(s: MachineState, bdf: Bdf): GroupId | undefined {
  return s.static.grouping.groupOf.get(bdf);
}

export function membersOf(s: MachineState, g: GroupId): readonly Bdf[] {
  return s.static.members.get(g) ?? [];
}

export function groupState(s: MachineState, g: GroupId): GroupState {
  return s.groups.get(g) ?? IDLE_GROUP;
}

function isIdle(gs: GroupState): boolean {
  return !gs.fdOpen && gs.container === null && !gs.blockDma && gs.owner === null && gs.domain.kind === 'default';
}

/** The map with `k` set to `v` (deleted for undefined); the same map when that changes nothing, so a command that changes nothing yields equal parts. */
function withEntry<K, V>(m: ReadonlyMap<K, V>, k: K, v: V | undefined): ReadonlyMap<K, V> {
  if (v === undefined ? !m.has(k) : m.get(k) === v) return m;
  const next = new Map(m);
  if (v === undefined) next.delete(k);
  else next.set(k, v);
  return next;
}

export function withDriver(s: MachineState, bdf: Bdf, driver: string | null): MachineState {
  const start = s.static.functions.get(bdf)?.driver ?? null;
  return { ...s, drivers: withEntry(s.drivers, bdf, driver === start ? undefined : driver) };
}

export function withOverride(s: MachineState, bdf: Bdf, driver: string | null): MachineState {
  return { ...s, overrides: withEntry(s.overrides, bdf, driver ?? undefined) };
}

/** Replaces a group's state; an idle group is dropped so the map holds only busy groups. */
export function withGroup(s: MachineState, g: GroupId, gs: GroupState): MachineState {
  return { ...s, groups: withEntry(s.groups, g, isIdle(gs) ? undefined : gs) };
}

export function updateGroup(s: MachineState, g: GroupId, change: Partial<GroupState>): MachineState {
  return withGroup(s, g, { ...groupState(s, g), ...change });
}

export function withContainer(s: MachineState, c: Container | undefined, id: string): MachineState {
  return { ...s, containers: withEntry(s.containers, id, c) };
}

export function withDevice(s: MachineState, d: DeviceFd | undefined, id: string): MachineState {
  return { ...s, devices: withEntry(s.devices, id, d) };
}

export function withIoasid(s: MachineState, a: Ioasid | undefined, id: string): MachineState {
  return { ...s, ioasids: withEntry(s.ioasids, id, a) };
}

export function withIommufd(s: MachineState, f: Iommufd): MachineState {
  return { ...s, iommufds: withEntry(s.iommufds, f.id, f) };
}

export function withPanic(s: MachineState, panic: Panic): MachineState {
  return { ...s, panic };
}

/** Allocates an internal id for a new object and gives it its `as` name. */
export function newObject(s: MachineState, kind: ObjectKind, name: string): { state: MachineState; id: string } {
  const id = `${kind}#${s.nextId}`;
  const ref: NameRef = { kind, id };
  return { state: { ...s, nextId: s.nextId + 1, names: withEntry(s.names, name, ref) }, id };
}

/** Groups currently in a container. */
export function groupsInContainer(s: MachineState, container: string): GroupId[] {
  const out: GroupId[] = [];
  for (const [g, gs] of s.groups) if (gs.container === container) out.push(g);
  return out;
}

/** Open device fds of a group, optionally only those of some paths. */
export function deviceFdsOfGroup(s: MachineState, g: GroupId, paths?: readonly DeviceFd['path'][]): DeviceFd[] {
  const out: DeviceFd[] = [];
  for (const d of s.devices.values()) if (d.group === g && (paths === undefined || paths.includes(d.path))) out.push(d);
  return out;
}

/** Device fds obtained through the group file; they keep it alive and count as container users. */
export function groupPathFds(s: MachineState, g: GroupId): DeviceFd[] {
  return deviceFdsOfGroup(s, g, ['group', 'new']);
}

export function deviceFdsOfBdf(s: MachineState, bdf: Bdf): DeviceFd[] {
  return [...s.devices.values()].filter((d) => d.bdf === bdf);
}
