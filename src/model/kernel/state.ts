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
  // Copied entry by entry: V8 (Node 20) runs `new Map(m)` through the iterator protocol, about three
  // times slower for the few entries these maps hold, and a model checker copies millions of them.
  const next = new Map<K, V>();
  for (const [key, value] of m) next.set(key, value);
  if (v === undefined) next.delete(k);
  else next.set(k, v);
  return next;
}

type MapPart = 'drivers' | 'overrides' | 'groups' | 'containers' | 'iommufds' | 'ioasids' | 'devices';

/**
 * `s` with one map replaced, or `s` itself when the map is the one it has (so a command that changes
 * nothing returns the state it was given). Built as one literal of fixed shape: V8 copies
 * `{ ...s, part }` on a slower path, and a model checker makes millions of states.
 */
function withPart<P extends MapPart>(s: MachineState, part: P, m: MachineState[P]): MachineState {
  if (s[part] === m) return s;
  return {
    static: s.static,
    drivers: part === 'drivers' ? (m as MachineState['drivers']) : s.drivers,
    overrides: part === 'overrides' ? (m as MachineState['overrides']) : s.overrides,
    groups: part === 'groups' ? (m as MachineState['groups']) : s.groups,
    containers: part === 'containers' ? (m as MachineState['containers']) : s.containers,
    iommufds: part === 'iommufds' ? (m as MachineState['iommufds']) : s.iommufds,
    ioasids: part === 'ioasids' ? (m as MachineState['ioasids']) : s.ioasids,
    devices: part === 'devices' ? (m as MachineState['devices']) : s.devices,
    names: s.names,
    nextId: s.nextId,
    panic: s.panic,
  };
}

export function withDriver(s: MachineState, bdf: Bdf, driver: string | null): MachineState {
  const start = s.static.functions.get(bdf)?.driver ?? null;
  return withPart(s, 'drivers', withEntry(s.drivers, bdf, driver === start ? undefined : driver));
}

export function withOverride(s: MachineState, bdf: Bdf, driver: string | null): MachineState {
  return withPart(s, 'overrides', withEntry(s.overrides, bdf, driver ?? undefined));
}

/** Replaces a group's state; an idle group is dropped so the map holds only busy groups. */
export function withGroup(s: MachineState, g: GroupId, gs: GroupState): MachineState {
  return withPart(s, 'groups', withEntry(s.groups, g, isIdle(gs) ? undefined : gs));
}

/** A group's state with some fields changed; one literal of fixed shape, as in withPart. */
export function updateGroup(s: MachineState, g: GroupId, change: Partial<GroupState>): MachineState {
  const gs = groupState(s, g);
  return withGroup(s, g, {
    fdOpen: change.fdOpen ?? gs.fdOpen,
    container: change.container !== undefined ? change.container : gs.container,
    blockDma: change.blockDma ?? gs.blockDma,
    blockDmaDriver: change.blockDmaDriver !== undefined ? change.blockDmaDriver : gs.blockDmaDriver,
    domain: change.domain ?? gs.domain,
    owner: change.owner !== undefined ? change.owner : gs.owner,
    ownerCount: change.ownerCount ?? gs.ownerCount,
  });
}

export function withContainer(s: MachineState, c: Container | undefined, id: string): MachineState {
  return withPart(s, 'containers', withEntry(s.containers, id, c));
}

export function withDevice(s: MachineState, d: DeviceFd | undefined, id: string): MachineState {
  return withPart(s, 'devices', withEntry(s.devices, id, d));
}

export function withIoasid(s: MachineState, a: Ioasid | undefined, id: string): MachineState {
  return withPart(s, 'ioasids', withEntry(s.ioasids, id, a));
}

export function withIommufd(s: MachineState, f: Iommufd): MachineState {
  return withPart(s, 'iommufds', withEntry(s.iommufds, f.id, f));
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
  const out: DeviceFd[] = [];
  for (const d of s.devices.values()) if (d.bdf === bdf) out.push(d);
  return out;
}
