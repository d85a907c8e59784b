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
import { breadthFirst, NOT_RUN, STAYED, type SearchProgress, type StopReason } from './breadthFirst.ts';
import { DEFAULT_CHUNK, prepare, type WorldInput } from './input.ts';
import { pair, sameKeyedParts, stateKeyFor } from './stateKey.ts';

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
}

/** Small numbers for keys as they are met, so the pairing of two stays small and exact. */
function denseNumbers(): (key: number) => number {
  const numbers = new Map<number, number>();
  return (key) => {
    let n = numbers.get(key);
    if (n === undefined) numbers.set(key, (n = numbers.size));
    return n;
  };
}

export function* diffSteps(input: DiffInput, chunk = DEFAULT_CHUNK): Generator<SearchProgress, DiffReport, boolean | undefined> {
  const [pa, pb] = input.policies;
  const A = prepare(input, pa);
  const B = prepare(input, pb);
  const alphabet = A.world.alphabet;
  // One key function per machine: each remembers the parts it read last (stateKey.ts).
  const [keyA, keyB] = [stateKeyFor(A.world), stateKeyFor(B.world)];
  const [denseA, denseB] = [denseNumbers(), denseNumbers()];
  const kinds = new Map<string, { found: DifferenceKind; at: number; command: number }>();

  const { tree, stoppedBy, progress } = yield* breadthFirst<Pair>(
    {
      root: { a: A.start, b: B.start },
      expandRoot: true,
      keyOf: ({ a, b }) => pair(denseA(keyA(a)), denseB(keyB(b))),
      move({ a, b }, at, c) {
        const command = alphabet[c]!;
        const ra = applyParsed(a, command, A.rules, 'verdict');
        if (!ra.ok && ra.error.reason === 'invalid-command') return NOT_RUN;
        // A name can be live under one policy and empty under the other (its creation failed
        // there); reusing a live name is a mistake in the log, so such a command is run by neither.
        const rb = applyParsed(b, command, B.rules, 'verdict');
        if (!rb.ok && rb.error.reason === 'invalid-command') return NOT_RUN;
        const oa = outcomeOf(a, ra);
        const ob = outcomeOf(b, rb);
        if (oa !== ob) {
          const kind = `${command.op}: ${pa} ${oa}, ${pb} ${ob}`;
          const known = kinds.get(kind);
          if (known) known.found.count++;
          else {
            // The first of its kind is described: the command again, with every sentence.
            const messages: [string, string] = [messageOf(applyParsed(a, command, A.rules)), messageOf(applyParsed(b, command, B.rules))];
            const found: DifferenceKind = { kind, op: command.op, outcomes: [oa, ob], sequence: [], messages, count: 1 };
            kinds.set(kind, { found, at, command: c });
          }
          return STAYED;
        }
        if (sameKeyedParts(a, ra.state) && sameKeyedParts(b, rb.state)) return STAYED;
        return { a: ra.state, b: rb.state };
      },
      // Both answered alike, so both panicked or neither did; a panicked machine runs nothing.
      found: ({ a }) => !a.panic,
    },
    alphabet.length,
    A.settings,
    A.now,
    chunk,
  );

  const differences = [...kinds.values()].map(({ found, at, command }) => ({
    ...found,
    sequence: [...tree.pathTo(at), command].map((c) => alphabet[c]!),
  }));
  differences.sort((x, y) => x.sequence.length - y.sequence.length || x.op.localeCompare(y.op) || x.kind.localeCompare(y.kind));
  return { policies: [pa, pb], ...progress, complete: stoppedBy === null, stoppedBy, differences };
}
