// The checker's counterexamples are truly shortest: on a world small enough, every command sequence
// up to a length is tried one by one, with no state merged (brute force), and the shortest length
// breaking each invariant is compared with the checker's. What the checker reports as holding,
// brute force does not break either. Both use the same commands; what is under test is the
// breadth-first search with its canonical keys.
import { describe, expect, it } from 'vitest';
import { applyParsed } from '../kernel/apply.ts';
import { checkInvariants, type InvariantId } from '../kernel/invariants.ts';
import { replay } from '../kernel/replay.ts';
import type { MachineState, PolicyName } from '../kernel/types.ts';
import { checkSteps } from './check.ts';
import { prepare } from './input.ts';
import { runToEnd } from './run.ts';
import { tinyWorld } from './testing/worlds.ts';
import { searchAlphabet } from './world.ts';

/** The shortest length breaking each invariant among all sequences of at most `maxLength` commands. */
function bruteForce(policy: PolicyName, maxLength: number): Map<InvariantId, number> {
  const { start, world, rules } = prepare(tinyWorld(), policy);
  const alphabet = searchAlphabet(world, rules);
  const shortest = new Map<InvariantId, number>();
  const visit = (s: MachineState, length: number): void => {
    for (const c of checkInvariants(s)) if (!c.holds && (shortest.get(c.id) ?? Infinity) > length) shortest.set(c.id, length);
    if (length === maxLength || s.panic) return;
    for (const command of alphabet) {
      const r = applyParsed(s, command, rules);
      if (!r.ok && r.error.reason === 'invalid-command') continue;
      // A command that returns the very same state can be dropped from any sequence: no shortest one has it.
      if (r.state === s) continue;
      visit(r.state, length + 1);
    }
  };
  visit(start, 0);
  return shortest;
}

describe('shortest counterexamples, against brute force on a tiny world', () => {
  it('legacy: the lengths of the checker agree with every sequence of up to 5 commands', () => {
    const input = tinyWorld();
    const report = runToEnd(checkSteps({ ...input, policy: 'legacy' }));
    expect(report.complete).toBe(true);
    const brute = bruteForce('legacy', 5);
    expect([...brute.keys()].sort()).toEqual(['I3', 'I5']);
    for (const inv of report.invariants) {
      if (inv.holds) {
        expect(brute.has(inv.id)).toBe(false);
        continue;
      }
      expect(inv.counterexample!.length).toBe(brute.get(inv.id));
      const replayed = replay(input.topology, input.grouping, inv.counterexample!, 'legacy');
      if (!replayed.ok) throw new Error(replayed.message);
      expect(replayed.report.invariants.find((i) => i.id === inv.id)).toMatchObject({ holds: false, step: inv.counterexample!.length });
    }
  });
});
