// Mutation test (issue 7 "Done means"): a policy with its viability check taken out must be caught
// by the checker with a short counterexample, on a world where the real policy keeps the same
// invariant. The broken copies are built here by wrapping one handler of the real policy object
// so that it no longer sees the drivers of the other devices of the group; no product file changes.
import { describe, expect, it } from 'vitest';
import { POLICIES } from '../kernel/apply.ts';
import type { Op } from '../kernel/commands.ts';
import type { Handler, Policy } from '../kernel/policy.ts';
import type { PolicyName } from '../kernel/types.ts';
import { checkSteps, type CheckReport } from './check.ts';
import { runToEnd } from './run.ts';
import type { CheckSettingsInput } from './settings.ts';
import { tinyWorld } from './testing/worlds.ts';

/** The handler, run as if every function but the one the command names had no driver. */
function blindToSiblings<O extends Op>(handler: Handler<O>): Handler<O> {
  return (s, command, refs) => {
    const named = 'bdf' in command ? command.bdf : null;
    const unbound = new Map([...s.static.functions.keys()].filter((b) => b !== named).map((b) => [b, null]));
    const outcome = handler({ ...s, drivers: new Map([...s.drivers, ...unbound]) }, command, refs);
    // The handlers changed no driver; the machine keeps its own.
    return outcome.ok ? { ...outcome, state: { ...outcome.state, drivers: s.drivers } } : outcome;
  };
}

function mutant<O extends Op>(policy: PolicyName, op: O): Policy {
  const real = POLICIES[policy];
  return { ...real, handlers: { ...real.handlers, [op]: blindToSiblings(real.handlers[op] as Handler<O>) } };
}

function check(policy: PolicyName, settings: CheckSettingsInput, policyImpl?: Policy): CheckReport {
  const input = tinyWorld();
  return runToEnd(checkSteps({ ...input, settings: { ...input.settings, ...settings }, policy, ...(policyImpl ? { policyImpl } : {}) }));
}

const i3 = (r: CheckReport) => r.invariants.find((i) => i.id === 'I3')!;

describe('a policy without its viability check is caught', () => {
  it('upstream, SET_CONTAINER claiming a group while snd_hda_intel is bound: I3 broken in 4 commands', () => {
    expect(i3(check('upstream', {})).holds).toBe(true);
    const r = check('upstream', {}, mutant('upstream', 'group.setContainer'));
    expect(i3(r).holds).toBe(false);
    expect(i3(r).counterexample!.map((c) => c.op)).toEqual(['container.open', 'group.open', 'group.setContainer', 'container.setIommu']);
    expect(i3(r).message).toContain('0000:01:00.1 is bound to snd_hda_intel');
  });

  it('rfc-v2, the first GET_DEVICE_FD_NEW setting block_dma on a non-viable group: I3 broken in 6 commands', () => {
    const newPath: CheckSettingsInput = { without: ['type1', 'pci-stub', 'cdev'] };
    expect(i3(check('rfc-v2', newPath)).holds).toBe(true);
    const r = check('rfc-v2', newPath, mutant('rfc-v2', 'group.getDeviceFdNew'));
    expect(i3(r).holds).toBe(false);
    expect(i3(r).counterexample!.map((c) => c.op)).toEqual(['container.open', 'iommufd.open', 'group.open', 'group.setContainer', 'container.setIommu', 'group.getDeviceFdNew']);
  });
});
