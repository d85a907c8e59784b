// Test support: groupings in the short form people write (`01:00.0`), for compact assertions.
import { normalizeBdf, shortBdf } from '../../topology/bdf.ts';
import type { Topology } from '../../topology/types.ts';
import { computeGroups } from '../computeGroups.ts';
import { DEFAULT_GROUPING_SETTINGS, type Grouping, type GroupingSettings, type GroupReason } from '../types.ts';

/** Members of every group, short addresses, groups in id order, members in probe order. */
export function groupList(g: Grouping): string[][] {
  return g.groups.map((group) => group.devices.map(shortBdf));
}

/** The partition as a comparable value: each group sorted, groups sorted. */
export function partition(g: Grouping): string[][] {
  return groupList(g).map((members) => [...members].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

export function groupsOf(t: Topology, settings: Partial<GroupingSettings> = {}): string[][] {
  return partition(computeGroups(t, { ...DEFAULT_GROUPING_SETTINGS, ...settings }));
}

/** The reason a function joined its group; throws when it has none (it opened its group). */
export function reasonOf(g: Grouping, bdf: string): GroupReason {
  const device = normalizeBdf(bdf);
  const reason = g.groups.flatMap((group) => group.reasons).find((r) => r.device === device);
  if (!reason) throw new Error(`${device} has no reason: it is the first of its group or in none`);
  return reason;
}
