// Groups taken as the kernel reported them (kernel-semantics A.10: when the text cannot decide the
// topology, "import the kernel's groups as given"). Used for flat lspci listings and for tests.
import type { Bdf, Topology } from '../topology/types.ts';
import type { Grouping, IommuGroup } from './types.ts';

/** Builds a Grouping from `bdf -> kernel group number`; functions not listed are untranslated. */
export function groupingFromKernelListing(topology: Topology, listing: ReadonlyMap<Bdf, number>): Grouping {
  const byId = new Map<number, IommuGroup>();
  const groupOf = new Map<Bdf, number>();
  const ungrouped: Bdf[] = [];
  for (const f of topology.functions) {
    const id = listing.get(f.bdf);
    if (id === undefined) {
      ungrouped.push(f.bdf);
      continue;
    }
    groupOf.set(f.bdf, id);
    const g = byId.get(id);
    if (g) g.devices.push(f.bdf);
    else byId.set(id, { id, devices: [f.bdf], reasons: [] });
  }
  const groups = [...byId.values()].sort((a, b) => a.id - b.id);
  for (const g of groups) {
    g.reasons = g.devices.slice(1).map((device) => ({
      device,
      kind: 'kernel-listing' as const,
      via: g.devices[0]!,
      text: `the kernel's own listing puts it in group ${g.id}`,
    }));
  }
  return { groups, groupOf, ungrouped, notes: ['groups taken as the kernel listed them, not computed'] };
}
