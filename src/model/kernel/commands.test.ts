// The command vocabulary's table: every op parses with its arguments, and says which one is wrong.
import { describe, expect, it } from 'vitest';
import { computeGroups } from '../grouping/computeGroups.ts';
import { gpuPair } from './test-support/topologies.ts';
import { ARGUMENTS_OF, OPS, parseCommand, type ArgumentKind } from './commands.ts';
import { createMachine } from './machine.ts';

const st = createMachine(gpuPair, computeGroups(gpuPair), { policy: 'upstream' }).static;
const good = (kind: ArgumentKind): unknown => ({ bdf: '01:00.0', name: 'x', 'driver-or-null': 'vfio-pci', choice: 'type1', count: 7 })[kind.type];
const bad = (kind: ArgumentKind): unknown => ({ bdf: 1, name: '', 'driver-or-null': 3, choice: 'type9', count: -1 })[kind.type];
const commandOf = (op: string, without?: string, wrong?: string) =>
  Object.fromEntries([['op', op], ...ARGUMENTS_OF.get(op as never)!.filter((a) => a.name !== without).map((a) => [a.name, a.name === wrong ? bad(a.kind) : good(a.kind)])]);

describe('the command vocabulary', () => {
  it('has the 22 ops of the spec, in its order', () => {
    expect(OPS).toHaveLength(22);
    expect(OPS[0]).toBe('driver.bind');
    expect(OPS.at(-1)).toBe('cdev.bindIommufd');
  });

  it.each(OPS)('%s parses with every argument it takes, and with none it does not', (op) => {
    const parsed = parseCommand(st, { ...commandOf(op), unknown: 1 });
    expect(parsed.ok && parsed.command).toEqual({ ...commandOf(op), ...('bdf' in commandOf(op) ? { bdf: '0000:01:00.0' } : {}) });
  });

  it.each(OPS.flatMap((op) => ARGUMENTS_OF.get(op)!.map((a) => [op, a.name, a.optional === true] as const)))('%s without "%s" is refused unless it is optional', (op, name, optional) => {
    const parsed = parseCommand(st, commandOf(op, name));
    if (optional) expect(parsed.ok).toBe(true);
    else expect(parsed).toEqual({ ok: false, argument: name, message: `${op}: argument "${name}" is missing` });
  });

  it.each(OPS.flatMap((op) => ARGUMENTS_OF.get(op)!.map((a) => [op, a.name] as const)))('%s with a wrong "%s" is refused, naming it and the value', (op, name) => {
    const parsed = parseCommand(st, commandOf(op, undefined, name));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.argument).toBe(name);
    expect(!parsed.ok && parsed.message).toMatch(new RegExp(`^${op.replace('.', '\\.')}: argument "${name}" is invalid \\(expected .+\\), got `));
  });

  it('takes null for a cleared driver_override and reads an empty one as cleared', () => {
    expect(parseCommand(st, { op: 'driver.override', bdf: '01:00.0', driver: null })).toEqual({ ok: true, command: { op: 'driver.override', bdf: '0000:01:00.0', driver: null } });
    expect(parseCommand(st, { op: 'driver.override', bdf: '01:00.0', driver: '' })).toEqual({ ok: true, command: { op: 'driver.override', bdf: '0000:01:00.0', driver: null } });
  });

  it('refuses a fractional cookie and a bind to an empty driver name', () => {
    expect(parseCommand(st, { op: 'group.getDeviceFdNew', bdf: '01:00.0', iommufd: 'i', cookie: 1.5, as: 'd' }).ok).toBe(false);
    expect(parseCommand(st, { op: 'driver.bind', bdf: '01:00.0', driver: '' }).ok).toBe(false);
  });
});
