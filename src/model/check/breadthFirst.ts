// The breadth-first loop both searches share (check.ts, diff.ts): level by level, every command of
// the alphabet from every state of the level, one state per key, within the bounds of the settings.
// What a command does from a state, and what a state is, is the caller's; the loop keeps the tree,
// the counts and the bounds, and yields progress every `chunk` states expanded so a caller can stop
// it with `next(true)`.
import type { CheckSettings } from './settings.ts';
import { searchTree, type SearchTree } from './searchTree.ts';

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

/** A command that cannot be given from this state (it names an object no command made): not a transition. */
export const NOT_RUN = Symbol('not run');
/** A command that ran and reached no state worth looking up (refused, changed nothing, or reported). */
export const STAYED = Symbol('stayed');

/** What a shortcut answers for a command that reaches no state worth looking up. */
export const SHORTCUT_STAYS = -2;
/** What a shortcut answers for a command that cannot be given from the state (see NOT_RUN). */
export const SHORTCUT_NOT_RUN = -3;

export interface SearchSpace<N> {
  root: N;
  /** Whether the root is expanded (a panicked machine runs nothing). */
  expandRoot: boolean;
  /** Equal for states with the same future; see stateKey.ts. */
  keyOf(node: N): number;
  /**
   * Optional: the key command `c` leads to from `node` when it is known without running the command
   * (-1 when it is not, SHORTCUT_STAYS or SHORTCUT_NOT_RUN as `move` would say). A key
   * the tree has already found then costs no run; a new one is still reached through `move`.
   */
  shortcut?(node: N, c: number): number;
  /** What command number `c` of the alphabet does from `node`, the tree's state `at`. */
  move(node: N, at: number, c: number): N | typeof NOT_RUN | typeof STAYED;
  /** A state met for the first time, numbered `at` in the tree; returns whether to expand it. */
  found(node: N, at: number): boolean;
}

export interface SearchEnd {
  tree: SearchTree;
  stoppedBy: StopReason | null;
  progress: SearchProgress;
}

export function* breadthFirst<N>(
  space: SearchSpace<N>,
  alphabetLength: number,
  settings: Pick<CheckSettings, 'maxDepth' | 'maxStates'>,
  now: () => number,
  chunk: number,
): Generator<SearchProgress, SearchEnd, boolean | undefined> {
  const began = now();
  const tree = searchTree(space.keyOf(space.root));
  let level: { node: N; at: number }[] = space.expandRoot ? [{ node: space.root, at: 0 }] : [];
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
    const next: { node: N; at: number }[] = [];
    for (let i = 0; i < level.length; i++) {
      const { node, at } = level[i]!;
      for (let c = 0; c < alphabetLength; c++) {
        const known = space.shortcut ? space.shortcut(node, c) : -1;
        if (known === SHORTCUT_NOT_RUN) continue;
        if (known === SHORTCUT_STAYS || (known >= 0 && tree.has(known))) {
          transitions++;
          continue;
        }
        const reached = space.move(node, at, c);
        if (reached === NOT_RUN || reached === STAYED) {
          if (known >= 0) throw new Error(`internal: the shortcut promised state ${known} for command ${c}, which reached none`);
          if (reached === STAYED) transitions++;
          continue;
        }
        transitions++;
        const key = space.keyOf(reached);
        if (known >= 0 && key !== known) throw new Error(`internal: the shortcut promised state ${known} for command ${c}, which reached ${key}`);
        if (tree.has(key)) continue;
        const j = tree.add(key, at, c);
        if (space.found(reached, j)) next.push({ node: reached, at: j });
        if (tree.size >= settings.maxStates) {
          stoppedBy = 'maxStates';
          depth++;
          break search;
        }
      }
      if (++expanded % chunk === 0 && (yield progress(level.length - i - 1 + next.length))) {
        stoppedBy = 'cancelled';
        break search;
      }
    }
    level = next;
    if (next.length > 0) depth++;
  }
  return { tree, stoppedBy, progress: progress(0) };
}
