// From pasted text to a machine the explorer can show: lspci text (and optionally the kernel's
// group listing) into a topology and its groups, with every fact the text could not decide said
// as a warning (kernel-semantics A.10). Shared by scenario files, the command line and the app.
import { compareWithKernel, type GroupDifference } from '../model/grouping/compareWithKernel.ts';
import { computeGroups } from '../model/grouping/computeGroups.ts';
import { groupingFromKernelListing } from '../model/grouping/fromKernelListing.ts';
import type { Grouping, GroupingSettings } from '../model/grouping/types.ts';
import type { Bdf, Topology } from '../model/topology/types.ts';
import { applyGroupListing } from './groups/applyGroupListing.ts';
import { parseGroupListing } from './groups/parseGroupListing.ts';
import { placeOf, type ImportResult, type ImportWarning } from './importResult.ts';
import { parseLspci, type InputGap } from './lspci/parseLspci.ts';

export interface MachineImportOptions {
  /** Name of the lspci input, for messages. */
  source?: string;
  settings: GroupingSettings;
  /** The kernel's group listing pasted beside the lspci text (find /sys/kernel/iommu_groups ...). */
  groupListing?: { text: string; source?: string };
}

export interface ImportedMachine {
  topology: Topology;
  grouping: Grouping;
  /** Computed, or taken from the kernel's listing because the text cannot decide them (A.10). */
  groupsFrom: 'computed' | 'kernel-listing';
  /** The kernel's groups when the input carried them (IOMMU group lines or a listing). */
  kernelGroups: Map<Bdf, number>;
  /** Where computed groups differ from the kernel's listing; empty when none was given or they agree. */
  differences: GroupDifference[];
  gaps: InputGap[];
  warnings: ImportWarning[];
}

/** Gaps that leave the topology itself undecided: only the kernel's own groups can be shown. */
const UNDECIDABLE: readonly InputGap[] = ['bus-tree', 'capabilities'];

export function importMachine(lspciText: string, options: MachineImportOptions): ImportResult<ImportedMachine> {
  const parsed = parseLspci(lspciText, options.source === undefined ? {} : { source: options.source });
  if (!parsed.ok) return parsed;
  let { topology } = parsed;
  const warnings = [...parsed.warnings];
  let kernelGroups = parsed.kernelGroups;

  if (options.groupListing) {
    const listingSource = options.groupListing.source;
    const listing = parseGroupListing(options.groupListing.text, listingSource === undefined ? {} : { source: listingSource });
    if (!listing.ok) return listing;
    const applied = applyGroupListing(topology, listing.groups, listingSource === undefined ? {} : { source: listingSource });
    topology = applied.topology;
    warnings.push(...listing.warnings, ...applied.warnings);
    kernelGroups = listing.groups;
  }

  if (parsed.gaps.some((g) => UNDECIDABLE.includes(g))) {
    if (kernelGroups.size === 0) {
      warnings.push({ line: null, message: `${placeOf(options.source, null)}: the text does not show the PCI tree or the capabilities, so the groups cannot be computed and no kernel listing was given; paste \`sudo lspci -D -vvv -nn\` and the output of \`find /sys/kernel/iommu_groups/ -type l\`.` });
    } else {
      warnings.push({ line: null, message: `${placeOf(options.source, null)}: the text cannot decide the groups, so the kernel's own listing is shown (kernel-semantics A.10).` });
    }
    const grouping = groupingFromKernelListing(topology, kernelGroups);
    return { ok: true, topology, grouping, groupsFrom: 'kernel-listing', kernelGroups, differences: [], gaps: parsed.gaps, warnings };
  }

  const grouping = computeGroups(topology, options.settings);
  const kept = warnings.filter((w) => !isHiddenBitWarning(w) || hiddenBitChangesGroups(topology, grouping, w.bdf!, options.settings));
  const differences = kernelGroups.size > 0 ? compareWithKernel(grouping, kernelGroups).differences : [];
  return { ok: true, topology, grouping, groupsFrom: 'computed', kernelGroups, differences, gaps: parsed.gaps, warnings: kept };
}

/** The parser's warning about a function 0 whose multifunction header bit lspci cannot show. */
function isHiddenBitWarning(w: ImportWarning): boolean {
  return w.gap === 'multifunction-bit' && w.bdf !== undefined;
}

/**
 * A.10: recompute with the bit set and keep the warning only where the groups would differ (for
 * example not below a root port without ACS, which already puts everything below in one group).
 */
function hiddenBitChangesGroups(topology: Topology, grouping: Grouping, bdf: Bdf, settings: GroupingSettings): boolean {
  const withBit: Topology = {
    ...topology,
    functions: topology.functions.map((f) => (f.bdf === bdf ? { ...f, multifunction: true } : f)),
  };
  const other = computeGroups(withBit, settings);
  const partition = (g: Grouping) => g.groups.map((x) => [...x.devices].sort().join(' ')).sort().join('|');
  return partition(other) !== partition(grouping);
}
