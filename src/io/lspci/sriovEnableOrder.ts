// The order in which the PFs' VFs were enabled, recovered from the kernel's group numbers: VFs are
// probed when `sriov_numvfs` is written, after all boot devices, PF after PF (kernel-semantics A.9
// item 1; oracle n). A group holding only VFs was allocated for them, so the PF whose VFs got the
// lowest such group was enabled first. VFs that joined a boot-time group reveal nothing, and their
// PF's place does not change any number, so it is left out ("PFs not listed follow", types.ts).
import type { Bdf, PciFunction } from '../../model/topology/types.ts';

/** PFs in VF-enable order, or undefined when no VF group tells it. */
export function sriovEnableOrderFromGroups(functions: readonly PciFunction[]): Bdf[] | undefined {
  const groupHasBootDevice = new Set<number>();
  for (const f of functions) if (f.physfn === undefined && f.kernelGroup !== undefined) groupHasBootDevice.add(f.kernelGroup);
  const firstVfGroup = new Map<Bdf, number>();
  for (const f of functions) {
    if (f.physfn === undefined || f.kernelGroup === undefined || groupHasBootDevice.has(f.kernelGroup)) continue;
    firstVfGroup.set(f.physfn, Math.min(firstVfGroup.get(f.physfn) ?? Infinity, f.kernelGroup));
  }
  if (firstVfGroup.size === 0) return undefined;
  return [...firstVfGroup.keys()].sort((a, b) => firstVfGroup.get(a)! - firstVfGroup.get(b)!);
}
