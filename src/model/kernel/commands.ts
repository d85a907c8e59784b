// The command vocabulary (spec scenario-format.md "Commands", model.md §5) as zod schemas, and the
// checks that make a command well formed for a machine: known op, arguments present and typed,
// addresses that parse and exist in the topology. References to objects are checked in refs.ts.
import { z } from 'zod';
import { normalizeBdf } from '../topology/bdf.ts';
import type { MachineStatic } from './types.ts';

/**
 * The schema, built on first use: zod takes tens of milliseconds to build it, and a page that only
 * shows a machine never parses a command.
 */
function buildCommandSchema() {
  const bdf = z.string();
  const name = z.string().min(1);
  return z.discriminatedUnion('op', [
    z.object({ op: z.literal('driver.bind'), bdf, driver: name }),
    z.object({ op: z.literal('driver.unbind'), bdf }),
    z.object({ op: z.literal('driver.override'), bdf, driver: z.string().nullable() }),
    z.object({ op: z.literal('driver.probe'), bdf }),
    z.object({ op: z.literal('group.open'), bdf }),
    z.object({ op: z.literal('group.close'), bdf }),
    z.object({ op: z.literal('group.getStatus'), bdf }),
    z.object({ op: z.literal('container.open'), as: name }),
    z.object({ op: z.literal('container.close'), container: name }),
    z.object({ op: z.literal('group.setContainer'), bdf, container: name }),
    z.object({ op: z.literal('group.unsetContainer'), bdf }),
    z.object({ op: z.literal('container.setIommu'), container: name, type: z.enum(['type1', 'external']) }),
    z.object({ op: z.literal('group.getDeviceFd'), bdf, as: name }),
    z.object({ op: z.literal('group.getDeviceFdNew'), bdf, iommufd: name, cookie: z.number().int().nonnegative(), as: name }),
    z.object({ op: z.literal('iommufd.open'), as: name }),
    z.object({ op: z.literal('ioasid.alloc'), iommufd: name, as: name, parent: name.optional() }),
    z.object({ op: z.literal('ioasid.free'), ioasid: name }),
    z.object({ op: z.literal('device.attach'), device: name, ioasid: name }),
    z.object({ op: z.literal('device.detach'), device: name }),
    z.object({ op: z.literal('device.close'), device: name }),
    z.object({ op: z.literal('cdev.open'), bdf, as: name }),
    z.object({ op: z.literal('cdev.bindIommufd'), device: name, iommufd: name }),
  ]);
}

type CommandSchema = ReturnType<typeof buildCommandSchema>;
let commandSchema: CommandSchema | undefined;
const schema = () => (commandSchema ??= buildCommandSchema());

export type Command = z.infer<CommandSchema>;
export type Op = Command['op'];
export type CommandOf<O extends Op> = Extract<Command, { op: O }>;

/**
 * The arguments each op takes (optional ones included), in schema order; written out, since the
 * model checker reads it at import (refs.ts). commands.test.ts holds it to the schema.
 */
export const ARGUMENTS_OF: ReadonlyMap<Op, readonly string[]> = new Map<Op, readonly string[]>([
  ['driver.bind', ['bdf', 'driver']],
  ['driver.unbind', ['bdf']],
  ['driver.override', ['bdf', 'driver']],
  ['driver.probe', ['bdf']],
  ['group.open', ['bdf']],
  ['group.close', ['bdf']],
  ['group.getStatus', ['bdf']],
  ['container.open', ['as']],
  ['container.close', ['container']],
  ['group.setContainer', ['bdf', 'container']],
  ['group.unsetContainer', ['bdf']],
  ['container.setIommu', ['container', 'type']],
  ['group.getDeviceFd', ['bdf', 'as']],
  ['group.getDeviceFdNew', ['bdf', 'iommufd', 'cookie', 'as']],
  ['iommufd.open', ['as']],
  ['ioasid.alloc', ['iommufd', 'as', 'parent']],
  ['ioasid.free', ['ioasid']],
  ['device.attach', ['device', 'ioasid']],
  ['device.detach', ['device']],
  ['device.close', ['device']],
  ['cdev.open', ['bdf', 'as']],
  ['cdev.bindIommufd', ['device', 'iommufd']],
]);

export const OPS: readonly Op[] = [...ARGUMENTS_OF.keys()];

/** One schema per op, for tools that build commands field by field (the uAPI console's forms). */
export const commandSchemas = () => schema().options;

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
  const parsed = schema().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const argument = String(issue.path[0] ?? 'op');
    const given = record[argument];
    const message = given === undefined
      ? `${op}: argument "${argument}" is missing`
      : `${op}: argument "${argument}" is invalid (${issue.message}), got ${JSON.stringify(given)}`;
    return { ok: false, argument, message };
  }
  const command = parsed.data;
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
