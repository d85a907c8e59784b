// The design diff (issue 7 item 3): two policies run side by side on the same bounded world, every
// command applied to both machines, breadth-first over pairs of canonical states. A command the two
// answer differently (success, an errno, a BUG, or other GET_STATUS flags) is a difference, recorded
// by kind ("group.setContainer: legacy ok, upstream EPERM") with the shortest sequence that ends in
// it. The search follows only commands both answer alike: after a difference the machines differ
// for a reason already reported, and every later answer would repeat it in other words. So each
// sequence is a shortest experiment that tells the two designs apart, and all its earlier commands
// are answered alike by both.
import { applyParsed, type ParsedResult } from '../kernel/apply.ts';
import type { Command } from '../kernel/commands.ts';
import type { MachineState, PolicyName } from '../kernel/types.ts';
import { DEFAULT_CHUNK, prepare, type WorldInput } from './input.ts';
import type { SearchProgress, StopReason } from './check.ts';
import { searchTree } from './searchTree.ts';
import { sameKeyedParts, stateKeyFor } from './stateKey.ts';

export interface DiffInput extends WorldInput {
  policies: readonly [PolicyName, PolicyName];
}

export interface DifferenceKind {
  /** "group.setContainer: legacy ok, upstream EPERM". */
  kind: string;
  op: string;
  /** What each policy answered: `ok`, `ok VIABLE`, `ok not VIABLE`, an errno, or `BUG`. */
  outcomes: [string, string];
  /** A shortest sequence whose last command is answered differently. */
  sequence: Command[];
  /** The two answers' sentences for that last command. */
  messages: [string, string];
  /** How many times the search met this kind of difference (each after a different agreeing sequence). */
  count: number;
}

export interface DiffReport extends SearchProgress {
  policies: [PolicyName, PolicyName];
  complete: boolean;
  stoppedBy: StopReason | null;
  /** Shortest first, then by op. */
  differences: DifferenceKind[];
}

/** How a command's answer is compared: the class of the outcome, not its sentence. */
export function outcomeOf(before: MachineState, r: ParsedResult): string {
  if (!r.ok) return r.error.errno ?? r.error.reason;
  if (r.state.panic && !before.panic) return 'BUG';
  if (r.result) return r.result.flags.viable ? 'ok VIABLE' : 'ok not VIABLE';
  return 'ok';
}

function messageOf(r: ParsedResult): string {
  if (!r.ok) return r.error.message;
  return r.state.panic?.message ?? 'ok';
}

interface Pair {
  a: MachineState;
  b: MachineState;
  i: number;
}

export function* diffSteps(input: DiffInput, chunk = DEFAULT_CHUNK): Generator<SearchProgress, DiffReport, boolean | undefined> {
  const [pa, pb] = input.policies;
  const A = prepare(input, pa);
  const B = prepare(input, pb);
  const { settings, world, now } = A;
  const began = now();
  const alphabet = world.alphabet;
  const keyOf = stateKeyFor(world);
  const pairKey = (a: MachineState, b: MachineState) => `${keyOf(a)}\u0000${keyOf(b)}`;
  const tree = searchTree(pairKey(A.start, B.start));
  const kinds = new Map<string, { found: DifferenceKind; at: number; command: number }>();

  let level: Pair[] = [{ a: A.start, b: B.start, i: 0 }];
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
    const next: Pair[] = [];
    for (let at = 0; at < level.length; at++) {
      const { a, b, i } = level[at]!;
      for (let c = 0; c < alphabet.length; c++) {
        const command = alphabet[c]!;
        const ra = applyParsed(a, command, A.rules);
        if (!ra.ok && ra.error.reason === 'invalid-command') continue;
        // A name can be live under one policy and empty under the other (its creation failed
        // there); reusing a live name is a mistake in the log, so such a command is run by neither.
        const rb = applyParsed(b, command, B.rules);
        if (!rb.ok && rb.error.reason === 'invalid-command') continue;
        transitions++;
        const oa = outcomeOf(a, ra);
        const ob = outcomeOf(b, rb);
        if (oa !== ob) {
          const kind = `${command.op}: ${pa} ${oa}, ${pb} ${ob}`;
          const known = kinds.get(kind);
          if (known) known.found.count++;
          else {
            const found: DifferenceKind = { kind, op: command.op, outcomes: [oa, ob], sequence: [], messages: [messageOf(ra), messageOf(rb)], count: 1 };
            kinds.set(kind, { found, at: i, command: c });
          }
          continue;
        }
        if (sameKeyedParts(a, ra.state) && sameKeyedParts(b, rb.state)) continue;
        const key = pairKey(ra.state, rb.state);
        if (tree.find(key) !== undefined) continue;
        const j = tree.add(key, i, c);
        // Both answered alike, so both panicked or neither did; a panicked machine runs nothing.
        if (!ra.state.panic) next.push({ a: ra.state, b: rb.state, i: j });
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

  const differences = [...kinds.values()].map(({ found, at, command }) => ({
    ...found,
    sequence: [...tree.pathTo(at), command].map((c) => alphabet[c]!),
  }));
  differences.sort((x, y) => x.sequence.length - y.sequence.length || x.op.localeCompare(y.op) || x.kind.localeCompare(y.kind));
  return { policies: [pa, pb], ...progress(0), complete: stoppedBy === null, stoppedBy, differences };
}
