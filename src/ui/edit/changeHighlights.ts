// What the last edit changed, as the graph marks it: devices by kind of change, and the groups
// involved after the edit. Computed once per change (the store replaces lastChange, never edits it).
import { diffGroupings, type GroupChange, type GroupChangeKind } from '../../model/edit/groupDiff.ts';
import type { GroupingChange } from '../../store/explorerStore.ts';

export interface ChangeHighlights {
  changes: GroupChange[];
  /** Device (new address) -> the change that names it. */
  devices: ReadonlyMap<string, GroupChangeKind>;
  /** Group ids after the edit that a change involves. */
  groups: ReadonlySet<number>;
}

const EMPTY: ChangeHighlights = { changes: [], devices: new Map(), groups: new Set() };
const cache = new WeakMap<GroupingChange, ChangeHighlights>();

export function changeHighlights(change: GroupingChange | null): ChangeHighlights {
  if (change === null) return EMPTY;
  const known = cache.get(change);
  if (known) return known;
  const changes = diffGroupings(change.before, change.after, change.renamed);
  const devices = new Map<string, GroupChangeKind>();
  const groups = new Set<number>();
  for (const c of changes) {
    for (const d of c.devices) if (!devices.has(d)) devices.set(d, c.kind);
    for (const g of c.after) groups.add(g.id);
  }
  const result = { changes, devices, groups };
  cache.set(change, result);
  return result;
}
