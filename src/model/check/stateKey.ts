// The canonical key of a machine state: two states with the same key have the same future under
// the world's commands (same answers, same invariants), so the search visits one of them.
//
// What is left out, and why that is safe:
// - object ids and `nextId`: objects are renamed by creation order (a Map keeps insertion order,
//   and ids only grow), so opening and closing a container twice gives the state it started from;
// - the `as` names: the world's names of one kind are interchangeable (its commands are the same
//   for each), and every live device fd, IOASID and iommu fd holds its own name, so which name
//   holds which object is a renaming. A name whose object is gone and a name never given differ
//   only in how a reference to them is refused (EBADF, ENOENT, or not run at all), which changes
//   nothing;
// - device fd cookies: no rule reads them (C.2 row 3); and device fds are listed sorted, since
//   nothing refers to a device fd;
// - functions and groups outside the world: no command of the world touches them.
//
// The key is built from two parts, each turned into a number the first time its codes are met:
// the drivers and overrides of the world's functions, and the userspace objects (groups, containers,
// iommu fds, IOASIDs, device fds). Most commands change one part and hand the other on as the same
// objects, so the part they did not touch is recognised by identity and its codes are not walked
// again. The numbers stand for the exact codes, and the key pairs them (and the panic bit) into one
// number without loss, so two keys are equal exactly when all codes are; a number is also what a
// Map looks up fastest.
import type { Domain, GroupState, MachineState, UserOwner } from '../kernel/types.ts';
import type { Bdf } from '../topology/types.ts';
import { sequenceInterner } from './numberTables.ts';
import { WorldError, type World } from './world.ts';

export type StateKey = (s: MachineState) => number;

/** A state's key and the numbers of its two parts (the drivers' shortcut, driverOutcomes.ts, reads them). */
export interface StateKeyParts {
  /** The number of the drivers and overrides of the world's functions: equal exactly when they are. */
  drivers(s: MachineState): number;
  /** The number of the userspace objects, renamed by creation order. */
  objects(s: MachineState): number;
  key: StateKey;
}

/** The key of a state with these part numbers. */
export function keyOfParts(drivers: number, objects: number, panicked: boolean): number {
  return pair(drivers, objects) * 2 + (panicked ? 1 : 0);
}

const DOMAIN_KINDS = { default: 0, blocked: 1, container: 2, ioasid: 3 } as const;
const IOMMU_TYPES = { none: 0, type1: 1, external: 2 } as const;
const PATHS = { group: 0, new: 1, cdev: 2 } as const;

/** Part numbers stay below this, so the pairing of two of them stays an exact integer (below 2^53). */
const MAX_PART_ID = 2 ** 25;

/** Numbers for code sequences: equal sequences get the same number, different ones different numbers. */
function interner(): (codes: number[], length: number) => number {
  const intern = sequenceInterner();
  let count = 0;
  return (codes, length) => {
    const id = intern(codes, length);
    if (id === count) {
      if (count >= MAX_PART_ID) throw new WorldError(`check: the world reaches more than ${MAX_PART_ID} distinct driver settings or object states; bound it further (check.maxStates, fewer objects)`);
      count++;
    }
    return id;
  };
}

/** Cantor's pairing: one integer for two, small while both are small (V8 keeps it unboxed then). */
export function pair(a: number, b: number): number {
  return ((a + b) * (a + b + 1)) / 2 + b;
}

/**
 * The key function of a world. It remembers the last parts it read (by identity) and their numbers,
 * so one key function should serve states of one machine; the search expands one state's successors
 * in a row, which share all but the part a command changed.
 */
export function stateKeyFor(world: World): StateKey {
  return stateKeyParts(world).key;
}

export function stateKeyParts(world: World): StateKeyParts {
  const bdfs = world.bdfs;
  const groups = world.groups.map((g) => g.id);
  // A device fd's code holds its function's index times 256 (objectsPart).
  if (bdfs.length > 256) throw new WorldError(`check: the explored groups hold ${bdfs.length} functions; the checker handles at most 256`);
  const bdfIndex = new Map<Bdf, number>(bdfs.map((b, i) => [b, i]));
  // Driver names get codes as they are met; 0 is "no entry", 1 is "unbound".
  const driverCodes = new Map<string, number>();
  const driverCode = (d: string) => {
    let code = driverCodes.get(d);
    if (code === undefined) driverCodes.set(d, (code = driverCodes.size + 2));
    return code;
  };
  // Reused between keys: each part writes its codes from the start (emptying an array would drop
  // its storage, and every key would grow a new one).
  const driverCodesOf: number[] = [];
  const objectCodes: number[] = [];
  const driversId = interner();
  const objectsId = interner();
  let lastDrivers: MachineState['drivers'] | null = null;
  let lastOverrides: MachineState['overrides'] | null = null;
  let lastDriversId = 0;
  let lastObjects: MachineState | null = null;
  let lastObjectsId = 0;

  const driversPart = (s: MachineState): number => {
    if (s.drivers === lastDrivers && s.overrides === lastOverrides) return lastDriversId;
    const codes = driverCodesOf;
    let n = 0;
    for (const bdf of bdfs) {
      // No driver entry means the start driver (state.ts withDriver drops the others).
      const driver = s.drivers.get(bdf);
      const override = s.overrides.get(bdf);
      codes[n++] = driver === undefined ? 0 : driver === null ? 1 : driverCode(driver);
      codes[n++] = override === undefined ? 0 : driverCode(override);
    }
    lastDrivers = s.drivers;
    lastOverrides = s.overrides;
    return (lastDriversId = driversId(codes, n));
  };

  const objectsPart = (s: MachineState): number => {
    const last = lastObjects;
    if (last !== null && sameObjects(last, s)) return lastObjectsId;
    const codes = objectCodes;
    codes.length = 0;
    const { containers, iommufds, ioasids } = s;
    for (const g of groups) {
      const gs = s.groups.get(g);
      if (gs === undefined) codes.push(0);
      else pushGroup(codes, gs, containers, iommufds, ioasids, driverCode);
    }
    codes.push(containers.size);
    for (const c of containers.values()) codes.push((c.fdOpen ? 4 : 0) + IOMMU_TYPES[c.iommu]);
    codes.push(iommufds.size, ioasids.size);
    for (const a of ioasids.values()) codes.push(at(iommufds, a.iommufd), a.parent === null ? 0 : at(ioasids, a.parent) + 1);
    for (const d of s.devices.values()) {
      const iommufd = d.iommufd === null ? 0 : at(iommufds, d.iommufd) + 1;
      const attached = d.attachedTo === null ? 0 : at(ioasids, d.attachedTo) + 1;
      codes.push(bdfIndex.get(d.bdf)! * 256 + PATHS[d.path] * 64 + iommufd * 16 + attached * 2 + (d.accessGranted ? 1 : 0));
    }
    // Device fds are a set: nothing refers to one, so their order is not part of the state.
    if (s.devices.size > 1) sortTail(codes, codes.length - s.devices.size);
    lastObjects = s;
    return (lastObjectsId = objectsId(codes, codes.length));
  };

  return {
    drivers: driversPart,
    objects: objectsPart,
    key: (s) => keyOfParts(driversPart(s), objectsPart(s), s.panic !== null),
  };
}

/** Whether two states hold the very same userspace objects (the parts the objects code reads). */
export function sameObjects(a: MachineState, b: MachineState): boolean {
  return a.groups === b.groups && a.containers === b.containers && a.iommufds === b.iommufds && a.ioasids === b.ioasids && a.devices === b.devices;
}

/**
 * Whether `b` shares every part the key reads with `a` (the same objects, not copies): then their
 * keys are equal without computing them. A refusal returns the state itself, or a copy whose only
 * change is an `as` name left holding nothing.
 */
export function sameKeyedParts(a: MachineState, b: MachineState): boolean {
  return (
    a === b ||
    (a.drivers === b.drivers &&
      a.overrides === b.overrides &&
      a.groups === b.groups &&
      a.containers === b.containers &&
      a.iommufds === b.iommufds &&
      a.ioasids === b.ioasids &&
      a.devices === b.devices &&
      a.panic === b.panic)
  );
}

/** Position of an object in creation order; the maps hold a few objects, so a walk beats building an index. */
function at(objects: ReadonlyMap<string, unknown>, id: string): number {
  let i = 0;
  for (const k of objects.keys()) {
    if (k === id) return i;
    i++;
  }
  throw new Error(`internal: ${id} refers to no live object`);
}

function domainCode(d: Domain, containers: ReadonlyMap<string, unknown>, ioasids: ReadonlyMap<string, unknown>): number {
  const index = d.kind === 'container' ? at(containers, d.container) : d.kind === 'ioasid' ? at(ioasids, d.ioasid) : 0;
  return index * 4 + DOMAIN_KINDS[d.kind];
}

function ownerCode(o: UserOwner | null, containers: ReadonlyMap<string, unknown>, iommufds: ReadonlyMap<string, unknown>): number {
  if (o === null) return 0;
  return o.kind === 'container' ? at(containers, o.container) * 2 + 1 : at(iommufds, o.iommufd) * 2 + 2;
}

function pushGroup(
  codes: number[],
  gs: GroupState,
  containers: ReadonlyMap<string, unknown>,
  iommufds: ReadonlyMap<string, unknown>,
  ioasids: ReadonlyMap<string, unknown>,
  driverCode: (d: string) => number,
): void {
  codes.push(
    1 + (gs.fdOpen ? 2 : 0) + (gs.blockDma ? 4 : 0),
    gs.container === null ? 0 : at(containers, gs.container) + 1,
    gs.blockDmaDriver === null ? 0 : driverCode(gs.blockDmaDriver),
    domainCode(gs.domain, containers, ioasids),
    ownerCode(gs.owner, containers, iommufds),
    gs.ownerCount,
  );
}

/** Sorts codes[first..] in place (a few device fds: insertion sort). */
function sortTail(codes: number[], first: number): void {
  for (let i = first + 1; i < codes.length; i++) {
    const v = codes[i]!;
    let j = i - 1;
    while (j >= first && codes[j]! > v) {
      codes[j + 1] = codes[j]!;
      j--;
    }
    codes[j + 1] = v;
  }
}
