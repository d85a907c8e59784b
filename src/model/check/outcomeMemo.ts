// Remembered answers (issue 7: speed). A search meets some hundreds of driver settings and some
// hundreds of sets of userspace objects, in tens of thousands of combinations, and tries every
// command from each; most answers depend on one side only: a driver command on the drivers and
// overrides (ENODEV for a driver that does not match, EBUSY for a bound device, a driver_override
// write), a container, iommu fd, IOASID or device fd command on the userspace objects.
//
// So the first time a command runs from one side's setting, it runs on a copy of the state whose
// other side cannot be read: any read throws. If the command finishes, its answer was decided by
// that side (and the machine's fixed facts) alone, and is remembered for the side's setting, as the
// setting it leads to, or "stays", or "not run". If it reads the other side, that is remembered too,
// and the command runs in full from states with that setting.
//
// A side's setting is named by the key's part numbers (stateKey.ts). The objects' number renames
// objects by creation order; a command names objects by their `as` names, so the objects side is
// keyed by the objects' number together with what each name of the world holds (never named, gone,
// or the object at a given position): two states alike in both answer each command alike, up to a
// renaming that no key sees. The search still runs a command in full before it records a state it
// found (breadthFirst.ts checks that it reaches the promised key), so every path in the tree is one
// the kernel model ran.
import { applyParsed } from '../kernel/apply.ts';
import type { Command } from '../kernel/commands.ts';
import type { Policy } from '../kernel/policy.ts';
import { REFERENCE_ARGS } from '../kernel/refs.ts';
import type { MachineState, ObjectKind } from '../kernel/types.ts';
import { SHORTCUT_NOT_RUN, SHORTCUT_STAYS } from './breadthFirst.ts';
import { sequenceInterner } from './numberTables.ts';
import { keyOfParts, sameObjects, type StateKeyParts } from './stateKey.ts';

/** A shortcut's answer when the command must run to be known. */
const RUN_IT = -1;

// Memo entries: not tried yet, reads the hidden side, stays, not run; or the number of the side's setting reached (≥ 0).
const UNKNOWN = -1;
const READS_HIDDEN = -2;
const STAYS = -3;
const NOT_RUN = -4;

/** Thrown (a plain object: no stack trace to capture) by any read of a hidden part. */
const HIDDEN_READ = Object.freeze({ hiddenRead: true });

function hiddenRead(): never {
  throw HIDDEN_READ;
}

/** A map every read of which throws. */
class HiddenMap implements ReadonlyMap<never, never> {
  get size(): number {
    return hiddenRead();
  }
  get = hiddenRead;
  has = hiddenRead;
  forEach = hiddenRead;
  entries = hiddenRead;
  keys = hiddenRead;
  values = hiddenRead;
  [Symbol.iterator] = hiddenRead;
}

const HIDDEN = new HiddenMap() as ReadonlyMap<never, never>;

const objectsHidden = (s: MachineState): MachineState => ({ ...s, groups: HIDDEN, containers: HIDDEN, iommufds: HIDDEN, ioasids: HIDDEN, devices: HIDDEN, names: HIDDEN });
const driversHidden = (s: MachineState): MachineState => ({ ...s, drivers: HIDDEN, overrides: HIDDEN });

/** The sysfs driver commands: they name functions only, never a userspace object. */
const DRIVER_OPS: ReadonlySet<string> = new Set(['driver.bind', 'driver.unbind', 'driver.override', 'driver.probe']);

const KIND_CODES: Readonly<Record<ObjectKind, number>> = { container: 0, iommufd: 1, ioasid: 2, device: 3 };

/** The `as` and reference names the alphabet uses, in a fixed order. */
function worldNames(alphabet: readonly Command[]): string[] {
  const names = new Set<string>();
  for (const c of alphabet) {
    const args = c as Record<string, unknown>;
    for (const argument of [...Object.keys(REFERENCE_ARGS), 'as']) if (typeof args[argument] === 'string') names.add(args[argument]);
  }
  return [...names].sort();
}

function positionIn(objects: ReadonlyMap<string, unknown>, id: string): number {
  let i = 0;
  for (const k of objects.keys()) {
    if (k === id) return i;
    i++;
  }
  return -1;
}

/** One side's remembered answers: by the side's setting number and command. */
function answerTable(width: number) {
  let table = new Int32Array(width * 256).fill(UNKNOWN);
  return {
    /** Makes room for setting `n`. */
    reserve(n: number) {
      if ((n + 1) * width <= table.length) return;
      const bigger = new Int32Array(Math.max(table.length * 2, (n + 1) * width)).fill(UNKNOWN);
      bigger.set(table);
      table = bigger;
    },
    get: (n: number, c: number) => table[n * width + c]!,
    set: (n: number, c: number, v: number) => void (table[n * width + c] = v),
  };
}

export interface OutcomeMemo {
  /** The key `alphabet[c]` leads to from `s`, or SHORTCUT_STAYS / SHORTCUT_NOT_RUN, or -1 (run it); `s` must not have panicked. */
  successor(s: MachineState, c: number): number;
}

export function outcomeMemo(alphabet: readonly Command[], rules: Policy, parts: StateKeyParts): OutcomeMemo {
  const width = alphabet.length;
  const isDriverOp = alphabet.map((c) => DRIVER_OPS.has(c.op));
  const names = worldNames(alphabet);
  const byDrivers = answerTable(width);
  const byObjects = answerTable(width);
  const objectsAndNames = sequenceInterner();
  const nameCodes: number[] = [];
  let current: MachineState | null = null;
  let drivers = 0;
  let objects = 0;
  let objectsWithNames = 0;

  /** The number of the objects side: the objects' number and what each world name holds. */
  const objectsSide = (s: MachineState): number => {
    nameCodes[0] = objects;
    for (let i = 0; i < names.length; i++) {
      const ref = s.names.get(names[i]!);
      let code = 0;
      if (ref !== undefined) {
        const holder = ref.kind === 'container' ? s.containers : ref.kind === 'iommufd' ? s.iommufds : ref.kind === 'ioasid' ? s.ioasids : s.devices;
        const at = ref.id === null ? -1 : positionIn(holder, ref.id);
        code = at === -1 ? 1 : 2 + at * 4 + KIND_CODES[ref.kind];
      }
      nameCodes[i + 1] = code;
    }
    return objectsAndNames(nameCodes, names.length + 1);
  };

  /** Runs `alphabet[c]` from `s` with one side hidden, and says what it did to the other side. */
  const learn = (s: MachineState, c: number): number => {
    const driverOp = isDriverOp[c]!;
    let r;
    try {
      r = applyParsed(driverOp ? objectsHidden(s) : driversHidden(s), alphabet[c]!, rules, 'verdict');
    } catch (e) {
      if (e === HIDDEN_READ) return READS_HIDDEN;
      throw e;
    }
    if (!r.ok) return r.error.reason === 'invalid-command' ? NOT_RUN : r.error.reason === 'kernel' ? STAYS : READS_HIDDEN;
    // A panic is decided by both sides (a notifier looks at the group a driver binds into).
    if (r.state.panic !== null) return READS_HIDDEN;
    // A command cannot change the hidden side without reading it, so only its own side can differ.
    if (driverOp) return r.state.drivers === s.drivers && r.state.overrides === s.overrides ? STAYS : parts.drivers(r.state);
    return sameObjects(r.state, s) ? STAYS : parts.objects(r.state);
  };

  return {
    successor(s, c) {
      if (s !== current) {
        current = s;
        drivers = parts.drivers(s);
        objects = parts.objects(s);
        objectsWithNames = objectsSide(s);
        byDrivers.reserve(drivers);
        byObjects.reserve(objectsWithNames);
      }
      const driverOp = isDriverOp[c]!;
      const table = driverOp ? byDrivers : byObjects;
      const setting = driverOp ? drivers : objectsWithNames;
      let known = table.get(setting, c);
      if (known === UNKNOWN) {
        known = learn(s, c);
        table.set(setting, c, known);
      }
      if (known === READS_HIDDEN) return RUN_IT;
      if (known === STAYS) return SHORTCUT_STAYS;
      if (known === NOT_RUN) return SHORTCUT_NOT_RUN;
      return driverOp ? keyOfParts(known, objects, false) : keyOfParts(drivers, known, false);
    },
  };
}
