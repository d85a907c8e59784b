// The states a breadth-first search has found, each with the state it was first reached from and
// the command that led there. Breadth-first order makes the path back to the start a shortest one.
// States are known by their keys (stateKey.ts), integers below 2^53.
import { integerSet } from './numberTables.ts';

export interface SearchTree {
  /** Whether a state with this key has been found. */
  has(key: number): boolean;
  /** Records a new state reached from `parent` by command `via`; returns its index. */
  add(key: number, parent: number, via: number): number;
  readonly size: number;
  /** Command indices from the start to state `i`. */
  pathTo(i: number): number[];
}

export function searchTree(rootKey: number): SearchTree {
  const keys = integerSet();
  keys.add(rootKey);
  const parent: number[] = [-1];
  const via: number[] = [-1];
  return {
    has: (key) => keys.has(key),
    add(key, from, command) {
      const i = parent.length;
      keys.add(key);
      parent.push(from);
      via.push(command);
      return i;
    },
    get size() {
      return parent.length;
    },
    pathTo(i) {
      const path: number[] = [];
      for (let at = i; at > 0; at = parent[at]!) path.push(via[at]!);
      return path.reverse();
    },
  };
}
