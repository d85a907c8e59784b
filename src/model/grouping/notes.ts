// Facts about a grouping a user should know: assumptions the model made where the kernel reads
// hardware or firmware, and every place a quirk, a given verdict or the override decided.
import { shortBdf } from '../topology/bdf.ts';
import type { Topology } from '../topology/types.ts';
import type { AcsVerdict } from './acsEnabled.ts';
import type { AcsJudge } from './acsJudge.ts';
import { standardAcsEnabled } from './acsEnabled.ts';
import { REQ_ACS_FLAGS } from './acsFlags.ts';
import { overrideIsActive, type AcsOverride } from './acsOverride.ts';
import { matchingAcsQuirks } from './acsQuirks.ts';
import { isRootBus, type PciNode, type PciTree } from './pciTree.ts';
import { describe } from './reasons.ts';

/** Where the "ACPI IVRS table present" fact came from. */
export type IvrsSource = { given: boolean } | { amdHost: PciNode } | null;

export interface NotesInput {
  topology: Topology;
  tree: PciTree;
  judge: AcsJudge;
  override: AcsOverride;
  overrideWords: readonly string[];
  ivrs: IvrsSource;
  ungrouped: readonly PciNode[];
}

export function groupingNotes(input: NotesInput): string[] {
  return [...settingNotes(input), ...verdictNotes(input), ...inputNotes(input)];
}

function settingNotes({ override, overrideWords, judge }: NotesInput): string[] {
  const notes: string[] = [];
  if (overrideIsActive(override)) {
    notes.push(`pcie_acs_override=${overrideWords.join(',')} is active: this out-of-tree patch pretends isolation the hardware does not have (the kernel warns "PCIe ACS overrides enabled; This may allow non-IOMMU protected peer-to-peer DMA")`);
  }
  for (const word of override.ignored) notes.push(`pcie_acs_override: "${word}" is ignored (not downstream, multifunction or id:vvvv:dddd, or beyond the 15 id slots)`);
  for (const [bus, spoiler] of judge.spoiled) {
    notes.push(`strict switch (a 2025 proposal, not mainline): bus ${bus.key} below ${describe(bus.self!)} is spoiled by ${spoiler.bdf} (${judge.verdict(spoiler).why}), so its downstream ports and everything below them share one group`);
  }
  return notes;
}

/** Notes for the functions whose ACS verdict the grouping consulted, in probe order. */
function verdictNotes({ judge, ivrs }: NotesInput): string[] {
  const notes: string[] = [];
  // Most verdicts are the ACS capability's own and say nothing: only the others are sorted.
  const worthNoting: [PciNode, AcsVerdict][] = [];
  for (const entry of judge.consulted()) {
    const [node, verdict] = entry;
    if (verdict.decidedBy !== 'standard' || node.fn.acs?.ctrlAssumed || (ivrs === null && node.fn.multifunction && isRootBus(node.bus))) worthNoting.push(entry);
  }
  worthNoting.sort(([a], [b]) => a.order - b.order);
  for (const [node, verdict] of worthNoting) {
    const word = verdict.isolated ? 'isolated' : 'not isolated';
    switch (verdict.decidedBy) {
      case 'function-quirk':
        notes.push(`${node.bdf}: a device quirk given in the topology decides it is ${word}`);
        break;
      case 'acs-override':
        notes.push(`${node.bdf}: pcie_acs_override=${verdict.quirk} pretends it is isolated; the hardware does not isolate it`);
        break;
      case 'kernel-quirk': {
        const note = kernelQuirkNote(node, verdict.quirk!, verdict.why, verdict.isolated, ivrs);
        if (note !== null) notes.push(note);
        break;
      }
      case 'standard':
        if (node.fn.acs?.ctrlAssumed) notes.push(`${node.bdf}: ACS control bits assumed as the kernel enables them (the capability's SV, RR, CR, UF), since the input shows only the capability`);
        if (ivrs === null && isAmdSouthbridgeCandidate(node)) notes.push(`${node.bdf}: pci_quirk_amd_sb_acs does not apply, since no ACPI IVRS table (AMD IOMMU) is assumed`);
        break;
    }
  }
  return notes;
}

function kernelQuirkNote(node: PciNode, callback: string, why: string, isolated: boolean, ivrs: IvrsSource): string | null {
  switch (callback) {
    case 'pci_quirk_intel_pch_acs':
      return `assumed the Intel PCH ACS enable quirk succeeded for ${node.bdf} (pci_quirk_enable_intel_pch_acs programs the chipset at boot; if it failed, the port does not isolate)`;
    case 'pci_quirk_intel_spt_pch_acs':
      return `${node.bdf}: Intel Sunrise/Union Point root port whose ACS registers sit at non-standard offsets; the ACSCtl lspci prints is ignored and the enable quirk is assumed to have set SV, RR, CR, UF`;
    case 'pci_quirk_amd_sb_acs': {
      const basis = ivrs !== null && 'amdHost' in ivrs ? `assumed because host bridge ${ivrs.amdHost.bdf} is AMD` : 'as the settings say';
      return `${node.bdf}: the AMD southbridge quirk counts it as isolated because an ACPI IVRS table (AMD IOMMU) exists (${basis})`;
    }
  }
  // Other quirks are worth a note only where they change the verdict the ACS capability gives.
  if (standardAcsEnabled(node.fn, REQ_ACS_FLAGS).isolated === isolated) return null;
  return `${node.bdf}: ${isolated ? 'isolated' : 'not isolated'}, ${why}, unlike what its ACS capability alone says`;
}

function isAmdSouthbridgeCandidate(node: PciNode): boolean {
  return node.fn.multifunction && isRootBus(node.bus) && matchingAcsQuirks(node.fn).some((q) => q.callback === 'pci_quirk_amd_sb_acs');
}

function inputNotes({ topology, tree, ungrouped }: NotesInput): string[] {
  const notes: string[] = [];
  if (ungrouped.length > 0) {
    notes.push(`not translated by the IOMMU, so in no group (they still count as bridges, slot siblings and alias targets): ${ungrouped.map((n) => n.bdf).join(', ')}`);
  }
  const noIds = tree.nodes.filter((n) => n.fn.vendor === null || n.fn.device === null);
  if (noIds.length > 0) {
    notes.push(`${noIds.length} function(s) without vendor:device ids (${noIds.slice(0, 3).map((n) => shortBdf(n.bdf)).join(', ')}${noIds.length > 3 ? ', ...' : ''}): no device-specific quirk can apply to them`);
  }
  const roots = [...new Set(tree.nodes.filter((n) => isRootBus(n.bus)).map((n) => n.bus.key))];
  if (roots.length > 1 && !topology.rootBusOrder?.length) {
    notes.push(`group numbers assume the root buses ${roots.join(', ')} are scanned in ascending order; the kernel follows the ACPI order`);
  }
  const pfs = new Set(tree.nodes.filter((n) => n.pf).map((n) => n.pf));
  if (pfs.size > 1 && !topology.sriovEnableOrder?.length) {
    notes.push('group numbers of VFs assume their PFs were enabled in probe order');
  }
  return notes;
}
