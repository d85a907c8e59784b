// computeGroups(): the IOMMU groups Linux forms for a PCI topology (spec model.md §2), by running
// pci_device_group() for every translated function in the kernel's probe order.
import { kindOf } from '../topology/kind.ts';
import type { Bdf, Topology } from '../topology/types.ts';
import { AcsJudge } from './acsJudge.ts';
import { parseAcsOverride } from './acsOverride.ts';
import { AMD_IOMMU_HOST_VENDORS } from './acsQuirks.ts';
import { pciDeviceGroup } from './deviceGroup.ts';
import { DmaAliases } from './dmaAliasWalk.ts';
import { groupingNotes, type IvrsSource } from './notes.ts';
import { buildPciTree, isRootBus, type PciNode, type PciTree } from './pciTree.ts';
import { reasonFor } from './reasons.ts';
import { DEFAULT_GROUPING_SETTINGS, type Grouping, type GroupingSettings, type IommuGroup } from './types.ts';

export function computeGroups(topology: Topology, settings: GroupingSettings = DEFAULT_GROUPING_SETTINGS): Grouping {
  const tree = buildPciTree(topology);
  const override = parseAcsOverride(settings.acsOverride);
  const ivrs = ivrsSource(tree, settings);
  const judge = new AcsJudge(tree, { env: { amdIvrs: ivrs !== null }, override }, settings.strictSwitch);
  const aliases = new DmaAliases(tree);

  // Group id by probe position (-1: none yet), the lookup pci_device_group() makes most often.
  const groupAt = new Int32Array(tree.nodes.length).fill(-1);
  const groupOf = new Map<Bdf, number>();
  const groups: IommuGroup[] = [];
  const ungrouped: PciNode[] = [];
  const look = { tree, judge, aliases, groupOf: (n: PciNode) => (groupAt[n.order]! < 0 ? undefined : groupAt[n.order]) };
  for (let i = 0; i < tree.nodes.length; i++) {
    const node = tree.nodes[i]!;
    // A function the IOMMU does not translate is never probed and owns no group (A.9 item 11).
    if (!node.fn.translated) {
      ungrouped.push(node);
      continue;
    }
    const finding = pciDeviceGroup(node, look);
    let id: number;
    if (finding.step === 'new') {
      // iommu_group_alloc(): the lowest free id; boot-time probing frees none, so the next one.
      id = groups.length;
      groups.push({ id, devices: [node.bdf], reasons: [] });
    } else {
      id = finding.group;
      groups[id]!.devices.push(node.bdf);
      groups[id]!.reasons.push(reasonFor(node, finding, judge));
    }
    groupAt[node.order] = id;
    groupOf.set(node.bdf, id);
  }

  return {
    groups,
    groupOf,
    ungrouped: ungrouped.map((n) => n.bdf),
    notes: groupingNotes({ topology, tree, judge, override, overrideWords: settings.acsOverride, ivrs, ungrouped }),
  };
}

/**
 * Whether an ACPI IVRS table (AMD IOMMU) exists, which pci_quirk_amd_sb_acs asks firmware: as the
 * settings say, else assumed exactly when a host bridge on a root bus is AMD's (or ATI's, Hygon's).
 */
function ivrsSource(tree: PciTree, settings: GroupingSettings): IvrsSource {
  if (settings.amdIvrs !== undefined) return settings.amdIvrs ? { given: true } : null;
  const amdHost = tree.nodes.find(
    (n) => isRootBus(n.bus) && kindOf(n.fn) === 'host-bridge' && n.fn.vendor !== null && AMD_IOMMU_HOST_VENDORS.includes(n.fn.vendor),
  );
  return amdHost ? { amdHost } : null;
}
