// Holds computed groups against the kernel's own listing. Group numbers depend on probe order,
// root-bus order and hot-plug (kernel-semantics A.9 item 1, A.10), so partitions are compared,
// never numbers.
import { shortBdf } from '../topology/bdf.ts';
import type { Bdf } from '../topology/types.ts';
import type { Grouping } from './types.ts';

export interface GroupDifference {
  /** The kernel's group (its number and members); null for a function the kernel lists in no group. */
  kernelGroup: { id: number; devices: Bdf[] } | null;
  /** The computed groups that hold those functions (ids and members). */
  computed: { id: number; devices: Bdf[] }[];
  text: string;
}

export interface KernelComparison {
  identical: boolean;
  differences: GroupDifference[];
}

const list = (devices: readonly Bdf[]) => devices.map(shortBdf).join(' ');

/** Compares the computed partition with `bdf -> kernel group` and describes every mismatch. */
export function compareWithKernel(grouping: Grouping, kernel: ReadonlyMap<Bdf, number>): KernelComparison {
  const kernelGroups = new Map<number, Bdf[]>();
  for (const [bdf, id] of [...kernel].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const members = kernelGroups.get(id);
    if (members) members.push(bdf);
    else kernelGroups.set(id, [bdf]);
  }
  const computedById = new Map(grouping.groups.map((g) => [g.id, [...g.devices].sort()]));
  const differences: GroupDifference[] = [];

  for (const [id, devices] of [...kernelGroups].sort(([a], [b]) => a - b)) {
    const ids = [...new Set(devices.map((d) => grouping.groupOf.get(d)).filter((g) => g !== undefined))];
    const computed = ids.map((g) => ({ id: g, devices: computedById.get(g)! }));
    const missing = devices.filter((d) => !grouping.groupOf.has(d));
    const same = ids.length === 1 && missing.length === 0 && computed[0]!.devices.length === devices.length;
    if (same) continue;
    const parts = computed.map((c) => `{${list(c.devices)}} (group ${c.id})`);
    if (missing.length > 0) parts.push(`no group for ${list(missing)}`);
    differences.push({
      kernelGroup: { id, devices },
      computed,
      text: `kernel group ${id} {${list(devices)}}: computed ${parts.join(' and ')}`,
    });
  }

  // Functions the model groups but the kernel lists in no group (e.g. not translated by its IOMMU).
  const extra = [...grouping.groupOf.keys()].filter((d) => !kernel.has(d)).sort();
  for (const bdf of extra) {
    const g = grouping.groupOf.get(bdf)!;
    differences.push({
      kernelGroup: null,
      computed: [{ id: g, devices: computedById.get(g)! }],
      text: `${shortBdf(bdf)} is in computed group ${g} but in no group of the kernel's listing`,
    });
  }
  return { identical: differences.length === 0, differences };
}
