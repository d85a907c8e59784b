// Why a function is in its group, in the model's own words: the reason sentence for a member that
// joined, and for the group's first member why it holds the group. Only names what grouping found.
import type { Grouping } from '../model/grouping/types.ts';
import type { Bdf } from '../model/topology/types.ts';

export interface Membership {
  group: number;
  /** The group's member that allocated it (the first probed). */
  first: Bdf;
  /** The member through which this one joined; null for the first member. */
  via: Bdf | null;
  why: string;
}

/** `given`: the groups are the kernel's listing as given (Scenario.givenGrouping), not computed. */
export function membershipOf(grouping: Grouping, bdf: Bdf, given: boolean): Membership | null {
  const id = grouping.groupOf.get(bdf);
  const group = grouping.groups.find((g) => g.id === id);
  if (!group) return null;
  const first = group.devices[0]!;
  const reason = group.reasons.find((r) => r.device === bdf);
  if (reason) return { group: group.id, first, via: reason.via, why: `In group ${group.id} because it is ${reason.text}.` };
  const others = group.devices.length - 1;
  if (given) return { group: group.id, first, via: null, why: `In group ${group.id} because the kernel's own listing puts it there (the groups were not computed).` };
  const why = others === 0
    ? `Alone in group ${group.id}: when it was probed it found no group to join (no non-isolating bridge above it, no DMA alias, no non-isolated function in its slot), so it allocated its own.`
    : `The first of group ${group.id}'s members to be probed: it found no group to join, so it allocated group ${group.id}; the ${others === 1 ? 'other member joined' : `${others} others joined`} it (see their reasons).`;
  return { group: group.id, first, via: null, why };
}

/** Why a device has no group at all. */
export function ungroupedWhy(grouping: Grouping, bdf: Bdf): string | null {
  return grouping.ungrouped.includes(bdf) ? 'In no IOMMU group: the IOMMU does not translate this function.' : null;
}
