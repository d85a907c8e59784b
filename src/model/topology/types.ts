// The PCI function model (spec model.md §1). Plain data: a topology is a list of functions,
// each knowing its parent bridge; buses are implied by bus numbers.

/** Canonical PCI address `dddd:bb:dd.f`, lower-case hex. */
export type Bdf = string;

/** The PCIe device/port type (PCI_EXP_TYPE_*), or null for a function without a PCIe capability. */
export type PcieType =
  | 'endpoint' // PCI_EXP_TYPE_ENDPOINT
  | 'legacy-endpoint' // PCI_EXP_TYPE_LEG_END
  | 'rc-endpoint' // PCI_EXP_TYPE_RC_END (RCiEP)
  | 'rc-event-collector' // PCI_EXP_TYPE_RC_EC
  | 'root-port' // PCI_EXP_TYPE_ROOT_PORT
  | 'switch-upstream' // PCI_EXP_TYPE_UPSTREAM
  | 'switch-downstream' // PCI_EXP_TYPE_DOWNSTREAM
  | 'pcie-to-pci-bridge' // PCI_EXP_TYPE_PCI_BRIDGE (PCIe -> PCI/PCI-X)
  | 'pci-to-pcie-bridge'; // PCI_EXP_TYPE_PCIE_BRIDGE (PCI/PCI-X -> PCIe)

/** Configuration header layout: type 0 (normal), 1 (PCI-to-PCI bridge), 2 (CardBus). */
export type HeaderType = 'normal' | 'bridge' | 'cardbus';

/**
 * What a function is, for people (model.md §1 "a kind"). Derived from the PCIe type, the header type
 * and the class code by `kindOf`; grouping never looks at it, only at the fields it comes from.
 */
export type FunctionKind =
  | 'host-bridge'
  | 'root-port'
  | 'switch-upstream'
  | 'switch-downstream'
  | 'pcie-to-pci-bridge'
  | 'pci-to-pcie-bridge'
  | 'pci-bridge'
  | 'pcie-endpoint'
  | 'legacy-endpoint'
  | 'rc-endpoint'
  | 'rc-event-collector'
  | 'pci-endpoint';

/** ACS capability/control bits (include/uapi/linux/pci_regs.h PCI_ACS_*; kernel-semantics A.1, A.9 item 12). */
export interface AcsBits {
  sv: boolean; // Source Validation 0x01
  tb: boolean; // Translation Blocking 0x02
  rr: boolean; // P2P Request Redirect 0x04
  cr: boolean; // P2P Completion Redirect 0x08
  uf: boolean; // Upstream Forwarding 0x10
  ec: boolean; // P2P Egress Control 0x20
  dt: boolean; // Direct Translated P2P 0x40
}

export interface AcsCapability {
  cap: AcsBits;
  ctrl: AcsBits;
  /** True when ctrl was not read but assumed as the kernel would enable it (A.3 default). */
  ctrlAssumed?: boolean;
}

/** Device-specific facts that quirks.c would supply but that lspci cannot show (model.md §1 "quirks"). */
export interface FunctionQuirks {
  /** Force the pci_dev_specific_acs_enabled() verdict; overrides the built-in quirk tables. */
  acs?: 'isolated' | 'not-isolated';
  /** Extra same-bus DMA alias devfns (pci_add_dma_alias), e.g. [0x01] for "function 1 alias". */
  dmaAliasDevfns?: number[];
  /** PCI_DEV_FLAG_PCIE_BRIDGE_ALIAS forced on (normally derived from the ids, A.4). */
  pcieBridgeAlias?: boolean;
  /** PCI_DEV_FLAGS_BRIDGE_XLATE_ROOT forced on (normally derived from the ids, A.4). */
  bridgeXlateRoot?: boolean;
}

export interface SriovInfo {
  totalVfs: number;
  numVfs: number;
  vfOffset: number;
  vfStride: number;
}

export interface PciFunction {
  bdf: Bdf;
  /** Vendor and device ids, null when the input did not carry them (lspci without -n/-nn). */
  vendor: number | null;
  device: number | null;
  /** Subsystem vendor and device ids (lspci "Subsystem: ... [vvvv:dddd]"), when known; a few quirks match on them. */
  subsystem?: { vendor: number; device: number };
  /** Class and subclass, e.g. 0x0604; null when unknown. */
  classCode: number | null;
  /** Readable name, e.g. "NVIDIA Corporation GA102 [GeForce RTX 3080]". */
  name: string;
  pcieType: PcieType | null;
  headerType: HeaderType;
  /** The kernel's pci_dev->multifunction (A.9 item 2): header bit, or any function > 0; never a VF. */
  multifunction: boolean;
  /** ACS extended capability, or null when absent. */
  acs: AcsCapability | null;
  /** Whether an IOMMU translates this function at all (A.9 item 11). Untranslated: no group. */
  translated: boolean;
  quirks?: FunctionQuirks;
  /** Present on a PF with an SR-IOV capability. */
  sriov?: SriovInfo;
  /** On a VF: its PF. */
  physfn?: Bdf;
  /**
   * The bridge whose secondary bus this function sits on, or null on a root bus. A VF on a virtual
   * bus (bus->self == NULL) names its PF's parent, since the kernel's walks skip virtual buses.
   */
  parent: Bdf | null;
  /** For bridges: secondary and subordinate bus numbers. */
  secondaryBus?: number;
  subordinateBus?: number;
  /** Driver bound at start (lspci "Kernel driver in use:"), or null. */
  driver: string | null;
  /** Module names lspci lists ("Kernel modules:"), as printed. */
  modules: string[];
  /** Physical slot label, when known. */
  slot?: string;
  /** The kernel's IOMMU group number, when imported from a listing. */
  kernelGroup?: number;
}

export interface Topology {
  functions: PciFunction[];
  /**
   * Root buses (`dddd:bb`) in the order the kernel scans them (ACPI order; A.9 item 1). Root buses
   * not listed follow in ascending order.
   */
  rootBusOrder?: string[];
  /**
   * PFs in the order their VFs were enabled (`sriov_numvfs` written; A.9 item 1). VFs are probed
   * after all boot devices in this order; PFs not listed follow in probe order.
   */
  sriovEnableOrder?: Bdf[];
}
