// Inputs and outputs of the IOMMU group computation (spec model.md §1 settings, §2 groups).
import type { Bdf } from '../topology/types.ts';

/**
 * Settings that change grouping. `acsOverride` uses the words of the out-of-tree boot parameter
 * `pcie_acs_override=` (kernel-semantics A.7): 'downstream', 'multifunction', 'id:vvvv:dddd'.
 */
export interface GroupingSettings {
  acsOverride: string[];
  /** The 2025 "any non-isolated downstream port spoils the whole switch bus" proposal (A.5). */
  strictSwitch: boolean;
  /**
   * Whether firmware has an ACPI IVRS table (an AMD IOMMU), which the AMD southbridge ACS quirk
   * requires (A.9 item 7). Unset: assumed exactly when a host bridge is AMD's; the notes say so.
   */
  amdIvrs?: boolean;
}

export const DEFAULT_GROUPING_SETTINGS: GroupingSettings = { acsOverride: [], strictSwitch: false };

/** Why a member joined its group. */
export type ReasonKind =
  | 'acs-path' // joined the group of a bridge above it whose path is not ACS-isolated (step 2)
  | 'dma-alias' // a bridge above takes ownership of its requester ID (step 1, A.4)
  | 'same-bus-alias' // a quirk-provided DMA alias on the same bus (step 3)
  | 'multifunction' // non-isolated function of a multifunction slot (step 4)
  | 'strict-switch' // the strict-switch option merged a switch's downstream ports
  | 'kernel-listing'; // taken as given from the kernel's group listing, not computed

export interface GroupReason {
  device: Bdf;
  kind: ReasonKind;
  /**
   * The member of the group through which it joined: the bridge above it, or the alias or slot
   * sibling whose group the search found.
   */
  via: Bdf;
  /** One true sentence, e.g. "below root port 0000:00:1c.0, whose ACS does not isolate it (no ACS capability)". */
  text: string;
}

export interface IommuGroup {
  /** Group number as the kernel would allocate it (lowest free id, in probe order; A.9 item 1). */
  id: number;
  /** Members in probe order; the first is the one that allocated the group. */
  devices: Bdf[];
  /** One reason per member other than the first. */
  reasons: GroupReason[];
}

export interface Grouping {
  groups: IommuGroup[];
  /** Group id of each translated function. */
  groupOf: Map<Bdf, number>;
  /** Functions the IOMMU does not translate (A.9 item 11): in no group. */
  ungrouped: Bdf[];
  /** Facts about the computation a user should know (quirks assumed to have succeeded, ...). */
  notes: string[];
}
