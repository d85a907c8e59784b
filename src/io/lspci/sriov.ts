// SR-IOV: lspci marks no function as a VF. A PF's capability shows `Number of VFs: N` and
// `VF offset: o, stride: s`; VF i has routing ID PF_RID + o + i*s (kernel-semantics A.9 item 3,
// drivers/pci/iov.c pci_iov_virtfn_bus/devfn). Only -vv and more print these numbers.
import { formatBdf, shortBdf, type BdfParts } from '../../model/topology/bdf.ts';
import type { Bdf, PciFunction } from '../../model/topology/types.ts';
import type { WarningLog } from '../importResult.ts';
import type { BlockFields } from './blockFields.ts';

export interface SriovNode {
  fn: PciFunction;
  parts: BdfParts;
  fields: BlockFields;
}

/**
 * Records each PF's SR-IOV numbers and marks the listed functions at its VF routing IDs with
 * `physfn`. Returns true when some PF's VF numbers were not shown (so VFs could not be told).
 */
export function recogniseVfs(nodes: readonly SriovNode[], byBdf: ReadonlyMap<Bdf, SriovNode>, log: WarningLog): boolean {
  let numbersMissing = false;
  // Every VF of a real listing is a listed function, so all PFs together look up about as many
  // addresses as there are functions; garbled numbers (65535 VFs on every PF) must not cost more.
  const budget = { left: 2 * nodes.length + 4096 };
  for (const pf of nodes) {
    const { sriovHeader, sriovCounts, sriovRouting } = pf.fields;
    if (sriovHeader === undefined && sriovCounts === undefined && sriovRouting === undefined) continue;
    const what = shortBdf(pf.fn.bdf);
    if (!sriovCounts || !sriovRouting) {
      if (sriovCounts?.value.numVfs === 0) continue;
      numbersMissing = true;
      const line = sriovHeader ?? sriovCounts?.line ?? sriovRouting!.line;
      log.add(line, `${what} has an SR-IOV capability but its VF numbers (Number of VFs, VF offset, stride) are not shown (lspci -vv shows them); its VFs, if enabled, look like ordinary functions here.`, pf.fn.bdf);
      continue;
    }
    const { totalVfs, numVfs } = sriovCounts.value;
    const { vfOffset, vfStride } = sriovRouting.value;
    pf.fn.sriov = { totalVfs, numVfs, vfOffset, vfStride };
    if (budget.left <= 0) continue;
    markVfs(pf, numVfs, vfOffset, vfStride, sriovRouting.line, byBdf, log, budget);
    if (budget.left <= 0) {
      log.add(sriovRouting.line, `the PFs up to ${what} claim far more VFs than the listing holds; VFs of the PFs after it were not looked for.`, pf.fn.bdf);
    }
  }
  return numbersMissing;
}

function markVfs(pf: SriovNode, numVfs: number, offset: number, stride: number, line: number, byBdf: ReadonlyMap<Bdf, SriovNode>, log: WarningLog, budget: { left: number }): void {
  const what = shortBdf(pf.fn.bdf);
  const pfRid = (pf.parts.bus << 8) | (pf.parts.dev << 3) | pf.parts.fn;
  // With stride 0 every VF would share one routing ID; only the first can be told.
  const count = stride === 0 ? Math.min(numVfs, 1) : numVfs;
  const missing: Bdf[] = [];
  for (let i = 0; i < count && budget.left > 0; i++, budget.left--) {
    const rid = pfRid + offset + i * stride;
    if (rid > 0xffff) {
      log.add(line, `VF ${i} of ${what} would have routing ID ${rid.toString(16)}, beyond bus ff; VF offset or stride is wrong and its remaining VFs are not recognised.`, pf.fn.bdf);
      return;
    }
    const bdf = formatBdf({ domain: pf.parts.domain, bus: rid >> 8, dev: (rid >> 3) & 0x1f, fn: rid & 7 });
    const vf = byBdf.get(bdf);
    if (!vf) {
      missing.push(bdf);
    } else if (vf === pf || vf.fields.sriovCounts !== undefined) {
      log.add(line, `VF ${i} of ${what} would be ${shortBdf(bdf)}, which is ${vf === pf ? 'the PF itself' : 'a PF itself'}; not marked as a VF.`, pf.fn.bdf);
    } else if (vf.fn.physfn !== undefined && vf.fn.physfn !== pf.fn.bdf) {
      log.add(line, `${shortBdf(bdf)} is a VF address of both ${shortBdf(vf.fn.physfn)} and ${what}; it stays with ${shortBdf(vf.fn.physfn)}.`, bdf);
    } else {
      vf.fn.physfn = pf.fn.bdf;
    }
  }
  if (missing.length > 0) {
    log.add(line, `${what} has ${numVfs} VFs enabled, but ${missing.length} of their addresses (first ${shortBdf(missing[0]!)}) are not in the listing (was it filtered?).`, pf.fn.bdf);
  }
}
