// The order in which the kernel scanned the root buses, recovered from its group numbers: groups
// are numbered in probe order and root buses are probed one whole hierarchy after another in ACPI
// order (kernel-semantics A.9 item 1; oracle o probes bus 40 before bus 20). So the root bus whose
// hierarchy holds the lowest group number came first. VFs are left out: they are probed later.
import { busOf } from '../../model/topology/bdf.ts';
import type { Bdf, PciFunction } from '../../model/topology/types.ts';

/** Root buses (`dddd:bb`) in scan order, or undefined when the groups cannot tell it. */
export function rootBusOrderFromGroups(functions: readonly PciFunction[]): string[] | undefined {
  const byBdf = new Map(functions.map((f) => [f.bdf, f]));
  const rootOf = new Map<Bdf, string>();
  const findRoot = (f: PciFunction): string => {
    const known = rootOf.get(f.bdf);
    if (known !== undefined) return known;
    const parent = f.parent === null ? undefined : byBdf.get(f.parent);
    const root = parent ? findRoot(parent) : busOf(f.bdf);
    rootOf.set(f.bdf, root);
    return root;
  };
  const lowestGroup = new Map<string, number>();
  const roots = new Set<string>();
  for (const f of functions) {
    if (f.physfn !== undefined) continue;
    const root = findRoot(f);
    roots.add(root);
    if (f.kernelGroup !== undefined) lowestGroup.set(root, Math.min(lowestGroup.get(root) ?? Infinity, f.kernelGroup));
  }
  if (roots.size < 2 || lowestGroup.size < roots.size) return undefined;
  return [...roots].sort((a, b) => lowestGroup.get(a)! - lowestGroup.get(b)! || (a < b ? -1 : 1));
}
