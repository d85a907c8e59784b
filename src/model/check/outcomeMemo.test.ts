// Remembered answers (outcomeMemo.ts) must change nothing but the time a search takes: the same
// states, transitions, depth and shortest counterexamples as running every command in full. The
// search itself also checks, for every state it finds, that a remembered key is the key the full run
// reached (breadthFirst.ts), so these searches fail loudly if a remembered answer is wrong.
import { describe, expect, it } from 'vitest';
import { POLICIES } from '../kernel/apply.ts';
import type { Handler, Policy } from '../kernel/policy.ts';
import { POLICY_NAMES, type PolicyName } from '../kernel/types.ts';
import { checkSteps, type CheckReport } from './check.ts';
import { prepare, type WorldInput } from './input.ts';
import { outcomeMemo } from './outcomeMemo.ts';
import { runToEnd } from './run.ts';
import { stateKeyParts } from './stateKey.ts';
import { loadScenario, SEED, SHPC_BRIDGE, tinyWorld } from './testing/worlds.ts';

/** The report without its time, which differs from run to run. */
function search(world: WorldInput, policy: PolicyName, shortcuts: boolean, policyImpl?: Policy): CheckReport {
  return { ...runToEnd(checkSteps({ ...world, policy, shortcuts, ...(policyImpl ? { policyImpl } : {}) })), seconds: 0 };
}

const worldOf = (file: string): WorldInput => {
  const s = loadScenario(file);
  return { topology: s.topology, grouping: s.grouping, settings: s.check };
};

describe('remembered answers', () => {
  it.each(POLICY_NAMES)('finds what the full search finds on the seed scenario under %s', (policy) => {
    const world = worldOf(SEED);
    expect(search(world, policy, true)).toEqual(search(world, policy, false));
  });

  it.each(POLICY_NAMES)('finds what the full search finds on the SHPC bridge scenario under %s', (policy) => {
    const world = worldOf(SHPC_BRIDGE);
    expect(search(world, policy, true)).toEqual(search(world, policy, false));
  });

  it('does not remember a driver command whose answer reads userspace objects', () => {
    // A driver_override that the kernel refuses while any group is in use: an answer decided by
    // the groups, which a shortcut keyed by the driver setting alone would get wrong.
    const real = POLICIES.legacy;
    const override = real.handlers['driver.override'] as Handler<'driver.override'>;
    const guarded: Handler<'driver.override'> = (s, command, refs) =>
      s.groups.size > 0 ? { ok: false, error: { errno: 'EBUSY', message: 'a group is in use', rule: 'test', reason: 'kernel' } } : override(s, command, refs);
    const policyImpl: Policy = { ...real, handlers: { ...real.handlers, 'driver.override': guarded } };
    const world = tinyWorld();
    const withShortcut = search(world, 'legacy', true, policyImpl);
    expect(withShortcut).toEqual(search(world, 'legacy', false, policyImpl));
    expect(withShortcut.states).not.toBe(search(world, 'legacy', false).states);
  });

  it('does not remember a userspace command whose answer reads the drivers', () => {
    // Opening a container refused while the GPU is on its first driver: decided by a driver.
    const real = POLICIES.legacy;
    const open = real.handlers['container.open'] as Handler<'container.open'>;
    const guarded: Handler<'container.open'> = (s, command, refs) =>
      s.drivers.get('0000:01:00.0') === undefined ? { ok: false, error: { errno: 'EBUSY', message: 'the GPU is on its first driver', rule: 'test', reason: 'kernel' } } : open(s, command, refs);
    const { start, world } = prepare(tinyWorld(), 'legacy');
    const c = world.alphabet.findIndex((command) => command.op === 'container.open');
    const answer = (policy: Policy) => outcomeMemo(world.alphabet, policy, stateKeyParts(world)).successor(start, c);
    expect(answer(real)).toBeGreaterThanOrEqual(0);
    expect(answer({ ...real, handlers: { ...real.handlers, 'container.open': guarded } })).toBe(-1);
  });
});
