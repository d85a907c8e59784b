// Identical siblings in one line: 64 VFs of a NIC, eight functions of a storage card. A run is
// at least MIN_RUN leaf functions in a row that a reader could not tell apart in the tree: same ids,
// driver, viability mark and name (up to a trailing number), and groups that are one group or
// consecutive numbers, so "g5-68" says exactly which groups they are.
import type { PciFunction } from '../../model/topology/types.ts';

export const MIN_RUN = 4;

/** What the tree shows of a function besides its address. */
export interface FunctionFacts {
  group: number | null;
  driver: string | null;
  /** Its driver keeps its group from being viable. */
  culprit: boolean;
}

export type Sibling = { kind: 'one'; fn: PciFunction } | { kind: 'run'; fns: PciFunction[] };

const TRAILING_NUMBER = /\s*\d+$/;

function sameLook(a: PciFunction, b: PciFunction, fa: FunctionFacts, fb: FunctionFacts): boolean {
  return (
    a.vendor === b.vendor &&
    a.device === b.device &&
    a.classCode === b.classCode &&
    a.physfn === b.physfn &&
    a.name.replace(TRAILING_NUMBER, '') === b.name.replace(TRAILING_NUMBER, '') &&
    fa.driver === fb.driver &&
    fa.culprit === fb.culprit
  );
}

/** Groups of a run: all none, all one group, or each the next number. */
function groupsFollow(first: FunctionFacts, prev: FunctionFacts, next: FunctionFacts, length: number): boolean {
  if (first.group === null || next.group === null || prev.group === null) return first.group === null && next.group === null;
  if (length === 1) return next.group === prev.group || next.group === prev.group + 1;
  const step = first.group === prev.group ? 0 : 1;
  return next.group === prev.group + step;
}

/**
 * Splits siblings (in address order) into single functions and runs. `isLeaf` says whether a
 * function has nothing below it in the tree; only leaves are collapsed.
 */
export function siblingRuns(fns: readonly PciFunction[], facts: (fn: PciFunction) => FunctionFacts, isLeaf: (fn: PciFunction) => boolean): Sibling[] {
  const out: Sibling[] = [];
  let i = 0;
  while (i < fns.length) {
    const first = fns[i]!;
    let j = i + 1;
    if (isLeaf(first)) {
      const f0 = facts(first);
      while (j < fns.length) {
        const next = fns[j]!;
        const fn = facts(next);
        if (!isLeaf(next) || !sameLook(first, next, f0, fn) || !groupsFollow(f0, facts(fns[j - 1]!), fn, j - i)) break;
        j++;
      }
    }
    if (j - i >= MIN_RUN) out.push({ kind: 'run', fns: fns.slice(i, j) });
    else for (let k = i; k < j; k++) out.push({ kind: 'one', fn: fns[k]! });
    i = j;
  }
  return out;
}

/** The run's common name: "Ethernet VF 0-63" when the names count up, else the shared stem. */
export function runName(fns: readonly PciFunction[]): string {
  const first = fns[0]!;
  if (fns.every((f) => f.name === first.name)) return first.name;
  const stem = first.name.replace(TRAILING_NUMBER, '');
  const numbers = fns.map((f) => Number(f.name.slice(f.name.replace(TRAILING_NUMBER, '').length)));
  const counting = fns.every((f) => TRAILING_NUMBER.test(f.name)) && numbers.every((n, k) => n === numbers[0]! + k);
  return counting ? `${stem} ${numbers[0]}-${numbers[numbers.length - 1]}` : stem;
}
