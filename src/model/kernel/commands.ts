// The command vocabulary (spec scenario-format.md "Commands", model.md §5) as zod schemas, and the
// checks that make a command well formed for a machine: known op, arguments present and typed,
// addresses that parse and exist in the topology. References to objects are checked in refs.ts.
import { z } from 'zod';
import { normalizeBdf } from '../topology/bdf.ts';
import type { MachineStatic } from './types.ts';

const bdf = z.string();
const name = z.string().min(1);

const commandSchema = z.discriminatedUnion('op', [
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

export type Command = z.infer<typeof commandSchema>;
export type Op = Command['op'];
export type CommandOf<O extends Op> = Extract<Command, { op: O }>;

export const OPS: readonly Op[] = commandSchema.options.map((o) => o.shape.op.value);

/** The arguments each op takes (optional ones included), in schema order. */
export const ARGUMENTS_OF: ReadonlyMap<Op, readonly string[]> = new Map(
  commandSchema.options.map((o) => [o.shape.op.value, Object.keys(o.shape).filter((k) => k !== 'op')]),
);

/** One schema per op, for tools that build commands field by field (the uAPI console's forms). */
export const COMMAND_SCHEMAS = commandSchema.options;

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
  const parsed = commandSchema.safeParse(raw);
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
