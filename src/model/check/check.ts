// The model checker (issue 7 item 1): breadth-first search over every command sequence of a
// bounded world, one state per canonical key, invariants I1-I5 (model.md §6) judged in every state
// found; for each broken invariant the first state that breaks it, whose path is therefore a
// shortest breaking sequence. A panicked machine runs nothing (model.md §3), so it is not expanded.
//
// The search is a generator, so a caller decides when it runs: it yields progress every `chunk`
// states expanded, and `next(true)` stops it with what it has found (a Web Worker's cancel button).
import { applyParsed } from '../kernel/apply.ts';
import type { Command } from '../kernel/commands.ts';
import { checkInvariants, INVARIANT_IDS, type InvariantId } from '../kernel/invariants.ts';
import type { MachineState, PolicyName } from '../kernel/types.ts';
import { breadthFirst, NOT_RUN, STAYED, type SearchProgress, type StopReason } from './breadthFirst.ts';
import { DEFAULT_CHUNK, prepare, type CheckInput } from './input.ts';
import { outcomeMemo } from './outcomeMemo.ts';
import { sameKeyedParts, stateKeyParts } from './stateKey.ts';
import { searchAlphabet, type WorldGroup } from './world.ts';

export type { SearchProgress, StopReason } from './breadthFirst.ts';

export interface InvariantFinding {
  id: InvariantId;
  holds: boolean;
  /** A shortest sequence that breaks it, as plain commands (scenario-format.md); null while it holds. */
  counterexample: Command[] | null;
  /** Why it broke in the counterexample's last state, or that it held. */
  message: string;
}

export interface CheckReport extends SearchProgress {
  policy: PolicyName;
  /** False when a bound or a cancel stopped the search: an invariant that holds was then not refuted within it. */
  complete: boolean;
  stoppedBy: StopReason | null;
  invariants: InvariantFinding[];
  world: { devices: string[]; groups: WorldGroup[]; commands: number };
}

/**
 * Explores the world of `input` under its policy. Transitions count every command applied that
 * reached the kernel, refusals included; states count distinct canonical states, the start included.
 */
export function* checkSteps(input: CheckInput, chunk = DEFAULT_CHUNK): Generator<SearchProgress, CheckReport, boolean | undefined> {
  const { settings, start, world, rules, now } = prepare(input, input.policy, input.policyImpl);
  const alphabet = searchAlphabet(world, rules);
  const broken = new Map<InvariantId, { state: number; message: string }>();
  const judge = (s: MachineState, at: number) => {
    for (const c of checkInvariants(s)) if (!c.holds && !broken.has(c.id)) broken.set(c.id, { state: at, message: c.message });
  };
  judge(start, 0);
  const parts = stateKeyParts(world);
  const memo = input.shortcuts === false ? null : outcomeMemo(alphabet, rules, parts);

  const { tree, stoppedBy, progress } = yield* breadthFirst<MachineState>(
    {
      root: start,
      expandRoot: !start.panic,
      keyOf: parts.key,
      ...(memo ? { shortcut: (s: MachineState, c: number) => memo.successor(s, c) } : {}),
      move(s, _at, c) {
        const r = applyParsed(s, alphabet[c]!, rules, 'verdict');
        if (!r.ok && r.error.reason === 'invalid-command') return NOT_RUN; // names an object no command made yet
        return sameKeyedParts(s, r.state) ? STAYED : r.state;
      },
      found(s, at) {
        judge(s, at);
        return !s.panic;
      },
    },
    alphabet.length,
    settings,
    now,
    chunk,
  );

  const invariants = INVARIANT_IDS.map((id): InvariantFinding => {
    const b = broken.get(id);
    if (b) return { id, holds: false, counterexample: tree.pathTo(b.state).map((c) => alphabet[c]!), message: b.message };
    const scope = stoppedBy === null ? `in all ${tree.size} states` : `in the ${tree.size} states explored before the search stopped (${stoppedBy})`;
    return { id, holds: true, counterexample: null, message: `holds ${scope}` };
  });
  return {
    policy: input.policy,
    ...progress,
    complete: stoppedBy === null,
    stoppedBy,
    invariants,
    world: { devices: [...world.bdfs], groups: [...world.groups], commands: alphabet.length },
  };
}
