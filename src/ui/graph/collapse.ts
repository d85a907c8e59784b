// Identical siblings (SR-IOV VFs, rows of the same card) are drawn as one node with a count, as
// lstopo does, so a machine with hundreds of VFs stays readable and fast. A set is collapsible when
// its members are leaves of one drawing parent with the same ids, driver and modules, and either
// all share one group or each has a group of its own.
import type { Grouping } from '../../model/grouping/types.ts';
import type { Bdf, PciFunction, Topology } from '../../model/topology/types.ts';
import { busOf } from '../../model/topology/bdf.ts';
import { treeParentOf } from './treeParent.ts';

/** Fewer than this many identical siblings are drawn one by one. */
export const MIN_COLLAPSED = 3;

export interface SiblingSet {
  /** The first member's address: stable for a topology, used for expansion and node ids. */
  key: string;
  members: Bdf[];
  /** 'shared': all in one group (drawn inside it); 'own': one group each (drawn as a stack of groups). */
  grouping: 'shared' | 'own' | 'none';
}

function identity(fn: PciFunction): string {
  const ids = fn.vendor === null || fn.device === null ? `name:${fn.name}` : `${fn.vendor}:${fn.device}`;
  return [ids, fn.classCode, fn.pcieType, fn.headerType, fn.driver, fn.modules.join(','), fn.physfn ?? '', fn.translated].join('|');
}

function groupingOfSet(members: readonly Bdf[], grouping: Grouping, sizes: ReadonlyMap<number, number>): SiblingSet['grouping'] | null {
  const groups = members.map((b) => grouping.groupOf.get(b));
  if (groups.every((g) => g === undefined)) return 'none';
  if (groups.some((g) => g === undefined)) return null;
  if (groups.every((g) => g === groups[0])) return 'shared';
  return new Set(groups).size === groups.length && groups.every((g) => sizes.get(g!) === 1) ? 'own' : null;
}

/** Siblings share a drawing parent, or a root bus when they sit on one. */
const parentKey = (fn: PciFunction) => treeParentOf(fn) ?? `bus ${busOf(fn.bdf)}`;

export function findSiblingSets(topology: Topology, grouping: Grouping): SiblingSet[] {
  const parents = topology.functions.map(parentKey);
  const hasChildren = new Set(parents);
  const isLeaf = (fn: PciFunction) => !hasChildren.has(fn.bdf) && fn.headerType === 'normal';
  // Only a parent with enough leaves can hold a set: the others' leaves need no identity.
  const leavesUnder = new Map<string, number>();
  for (const [i, fn] of topology.functions.entries()) if (isLeaf(fn)) leavesUnder.set(parents[i]!, (leavesUnder.get(parents[i]!) ?? 0) + 1);
  const buckets = new Map<string, Bdf[]>();
  for (const [i, fn] of topology.functions.entries()) {
    if (!isLeaf(fn) || leavesUnder.get(parents[i]!)! < MIN_COLLAPSED) continue;
    const key = `${parents[i]}|${identity(fn)}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(fn.bdf);
    else buckets.set(key, [fn.bdf]);
  }
  const sets: SiblingSet[] = [];
  const sizes = new Map(grouping.groups.map((g) => [g.id, g.devices.length]));
  for (const members of buckets.values()) {
    if (members.length < MIN_COLLAPSED) continue;
    const shape = groupingOfSet(members, grouping, sizes);
    if (shape !== null) sets.push({ key: members[0]!, members, grouping: shape });
  }
  return sets;
}
