// The command vocabulary (spec scenario-format.md "Commands", model.md §5) as a table of ops and
// their arguments, and the checks that make a command well formed for a machine: known op,
// arguments present and typed, addresses that parse and exist in the topology. References to
// objects are checked in refs.ts. Not a zod schema (files, links and sessions use zod): every page
// applies commands from its start, and zod on the start path costs its whole parse (about 95 KB).
import { normalizeBdf } from '../topology/bdf.ts';
import type { MachineStatic } from './types.ts';

export type Command =
  | { op: 'driver.bind'; bdf: string; driver: string }
  | { op: 'driver.unbind'; bdf: string }
  | { op: 'driver.override'; bdf: string; driver: string | null }
  | { op: 'driver.probe'; bdf: string }
  | { op: 'group.open'; bdf: string }
  | { op: 'group.close'; bdf: string }
  | { op: 'group.getStatus'; bdf: string }
  | { op: 'container.open'; as: string }
  | { op: 'container.close'; container: string }
  | { op: 'group.setContainer'; bdf: string; container: string }
  | { op: 'group.unsetContainer'; bdf: string }
  | { op: 'container.setIommu'; container: string; type: 'type1' | 'external' }
  | { op: 'group.getDeviceFd'; bdf: string; as: string }
  | { op: 'group.getDeviceFdNew'; bdf: string; iommufd: string; cookie: number; as: string }
  | { op: 'iommufd.open'; as: string }
  | { op: 'ioasid.alloc'; iommufd: string; as: string; parent?: string }
  | { op: 'ioasid.free'; ioasid: string }
  | { op: 'device.attach'; device: string; ioasid: string }
  | { op: 'device.detach'; device: string }
  | { op: 'device.close'; device: string }
  | { op: 'cdev.open'; bdf: string; as: string }
  | { op: 'cdev.bindIommufd'; device: string; iommufd: string };

export type Op = Command['op'];
export type CommandOf<O extends Op> = Extract<Command, { op: O }>;

/**
 * What an argument holds: a PCI address, a name (an object's or a driver's), a driver name or
 * null (driver_override cleared), one of a few words, or a count.
 */
export type ArgumentKind = { type: 'bdf' } | { type: 'name' } | { type: 'driver-or-null' } | { type: 'choice'; options: readonly string[] } | { type: 'count' };

export interface Argument {
  name: string;
  kind: ArgumentKind;
  optional?: boolean;
}

const BDF = { name: 'bdf', kind: { type: 'bdf' } } as const;
const named = <A extends string>(name: A) => ({ name, kind: { type: 'name' } }) as const;

/** Each op's arguments, in the order the spec lists them. */
const ARGUMENTS = {
  'driver.bind': [BDF, named('driver')],
  'driver.unbind': [BDF],
  'driver.override': [BDF, { name: 'driver', kind: { type: 'driver-or-null' } }],
  'driver.probe': [BDF],
  'group.open': [BDF],
  'group.close': [BDF],
  'group.getStatus': [BDF],
  'container.open': [named('as')],
  'container.close': [named('container')],
  'group.setContainer': [BDF, named('container')],
  'group.unsetContainer': [BDF],
  'container.setIommu': [named('container'), { name: 'type', kind: { type: 'choice', options: ['type1', 'external'] } }],
  'group.getDeviceFd': [BDF, named('as')],
  'group.getDeviceFdNew': [BDF, named('iommufd'), { name: 'cookie', kind: { type: 'count' } }, named('as')],
  'iommufd.open': [named('as')],
  'ioasid.alloc': [named('iommufd'), named('as'), { ...named('parent'), optional: true }],
  'ioasid.free': [named('ioasid')],
  'device.attach': [named('device'), named('ioasid')],
  'device.detach': [named('device')],
  'device.close': [named('device')],
  'cdev.open': [BDF, named('as')],
  'cdev.bindIommufd': [named('device'), named('iommufd')],
} as const satisfies { readonly [O in Op]: readonly Argument[] };

// The table names exactly the arguments each Command type has: a compile error otherwise.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type TableMatchesTypes = { [O in Op]: Same<Exclude<keyof CommandOf<O>, 'op'>, (typeof ARGUMENTS)[O][number]['name']> }[Op];
const tableMatchesTypes: false extends TableMatchesTypes ? never : true = true;
void tableMatchesTypes;

/** Each op's arguments, in spec order (the uAPI console's forms are made from it). */
export const ARGUMENTS_OF: ReadonlyMap<Op, readonly Argument[]> = new Map(Object.entries(ARGUMENTS) as [Op, readonly Argument[]][]);

export const OPS: readonly Op[] = [...ARGUMENTS_OF.keys()];

const isName = (v: unknown) => typeof v === 'string' && v.length > 0;

/** Why a value does not fit its kind, or null when it does. */
function misfit(kind: ArgumentKind, value: unknown): string | null {
  switch (kind.type) {
    case 'bdf':
      return typeof value === 'string' ? null : 'expected an address as a string';
    case 'name':
      return isName(value) ? null : 'expected a non-empty string';
    case 'driver-or-null':
      return value === null || typeof value === 'string' ? null : 'expected a driver name or null';
    case 'choice':
      return kind.options.includes(value as string) ? null : `expected one of ${kind.options.join(', ')}`;
    case 'count':
      return Number.isInteger(value) && (value as number) >= 0 ? null : 'expected a whole number, 0 or more';
  }
}

export type ParsedCommand = { ok: true; command: Command } | { ok: false; argument: string; message: string };

const opList = () => OPS.join(', ');

/** Validates a command given as plain data and returns it with canonical addresses. */
export function parseCommand(st: MachineStatic, raw: unknown): ParsedCommand {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, argument: 'op', message: 'a command must be an object with an "op"' };
  }
  const record = raw as Record<string, unknown>;
  const op = record['op'];
  if (typeof op !== 'string' || !(OPS as readonly string[]).includes(op)) {
    return { ok: false, argument: 'op', message: `unknown op ${JSON.stringify(op)}; known ops: ${opList()}` };
  }
  // Fields the op does not take are dropped, not refused.
  const fields: Record<string, unknown> = { op };
  for (const { name, kind, optional } of ARGUMENTS_OF.get(op as Op)!) {
    const given = record[name];
    if (given === undefined) {
      if (optional) continue;
      return { ok: false, argument: name, message: `${op}: argument "${name}" is missing` };
    }
    const why = misfit(kind, given);
    if (why !== null) return { ok: false, argument: name, message: `${op}: argument "${name}" is invalid (${why}), got ${JSON.stringify(given)}` };
    fields[name] = given;
  }
  const command = fields as Command;
  if (!('bdf' in command)) return { ok: true, command };
  let canonical: string;
  try {
    canonical = normalizeBdf(command.bdf);
  } catch (e) {
    return { ok: false, argument: 'bdf', message: `${op}: argument "bdf": ${(e as Error).message}` };
  }
  if (!st.functions.has(canonical)) {
    return { ok: false, argument: 'bdf', message: `${op}: argument "bdf": ${canonical} is not a function of this topology` };
  }
  const normalized = { ...command, bdf: canonical };
  // Writing an empty string to driver_override clears it, as writing "\n" does (D.6, w phase N).
  if (normalized.op === 'driver.override' && normalized.driver === '') return { ok: true, command: { ...normalized, driver: null } };
  return { ok: true, command: normalized };
}
