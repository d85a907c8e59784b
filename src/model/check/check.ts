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
import { DEFAULT_CHUNK, prepare, type CheckInput } from './input.ts';
import { searchTree } from './searchTree.ts';
import { sameKeyedParts, stateKeyFor } from './stateKey.ts';
import { searchAlphabet, type WorldGroup } from './world.ts';

export type StopReason = 'maxStates' | 'maxDepth' | 'cancelled';

export interface SearchProgress {
  states: number;
  transitions: number;
  /** Commands in the longest sequence explored so far. */
  depth: number;
  /** States found but not yet expanded. */
  frontier: number;
  seconds: number;
}

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
  const began = now();
  const alphabet = searchAlphabet(world, rules);
  const keyOf = stateKeyFor(world);
  const tree = searchTree(keyOf(start));
  const broken = new Map<InvariantId, { state: number; message: string }>();
  const judge = (s: MachineState, i: number) => {
    for (const c of checkInvariants(s)) if (!c.holds && !broken.has(c.id)) broken.set(c.id, { state: i, message: c.message });
  };
  judge(start, 0);

  let level: { s: MachineState; i: number }[] = start.panic ? [] : [{ s: start, i: 0 }];
  let depth = 0;
  let transitions = 0;
  let expanded = 0;
  let stoppedBy: StopReason | null = null;
  const progress = (frontier: number): SearchProgress => ({ states: tree.size, transitions, depth, frontier, seconds: (now() - began) / 1000 });

  search: while (level.length > 0) {
    if (settings.maxDepth !== null && depth >= settings.maxDepth) {
      stoppedBy = 'maxDepth';
      break;
    }
    const next: { s: MachineState; i: number }[] = [];
    for (let at = 0; at < level.length; at++) {
      const { s, i } = level[at]!;
      for (let c = 0; c < alphabet.length; c++) {
        const r = applyParsed(s, alphabet[c]!, rules);
        if (!r.ok && r.error.reason === 'invalid-command') continue; // names an object no command made yet
        transitions++;
        if (sameKeyedParts(s, r.state)) continue;
        const key = keyOf(r.state);
        if (tree.find(key) !== undefined) continue;
        const j = tree.add(key, i, c);
        judge(r.state, j);
        if (!r.state.panic) next.push({ s: r.state, i: j });
        if (tree.size >= settings.maxStates) {
          stoppedBy = 'maxStates';
          depth++;
          break search;
        }
      }
      if (++expanded % chunk === 0 && (yield progress(level.length - at - 1 + next.length))) {
        stoppedBy = 'cancelled';
        break search;
      }
    }
    level = next;
    if (next.length > 0) depth++;
  }

  const invariants = INVARIANT_IDS.map((id): InvariantFinding => {
    const b = broken.get(id);
    if (b) return { id, holds: false, counterexample: tree.pathTo(b.state).map((c) => alphabet[c]!), message: b.message };
    const scope = stoppedBy === null ? `in all ${tree.size} states` : `in the ${tree.size} states explored before the search stopped (${stoppedBy})`;
    return { id, holds: true, counterexample: null, message: `holds ${scope}` };
  });
  return {
    policy: input.policy,
    ...progress(0),
    complete: stoppedBy === null,
    stoppedBy,
    invariants,
    world: { devices: [...world.bdfs], groups: [...world.groups], commands: alphabet.length },
  };
}
