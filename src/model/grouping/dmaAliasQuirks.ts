// Which requester IDs a function uses besides its own, and which bridges change requester IDs,
// from drivers/pci/quirks.c of Linux 6.1 (kernel-semantics A.4 "DMA-alias quirks", A.9 item 12)
// and the per-function overrides of the model (types.ts FunctionQuirks).
import { isRootBus, type PciNode } from './pciTree.ts';

const RICOH = 0x1180;
const GLENFLY = 0x6766;
const MARVELL_EXT = 0x1b4b;
const TTI = 0x1103;
const JMICRON = 0x197b;
const LITEON = 0x1c28;
const ADAPTEC2 = 0x9005;
const INTEL = 0x8086;
const BROADCOM = 0x14e4;

/** vendor:device as one number, the key of the id tables below. */
const ids = (vendor: number, devices: number[]) => devices.map((d) => vendor * 0x10000 + d);
const idOf = (node: PciNode) => (node.fn.vendor === null || node.fn.device === null ? -1 : node.fn.vendor * 0x10000 + node.fn.device);
const devfn = (slot: number, fn: number) => (slot << 3) | fn;

// quirks.c quirk_dma_func0_alias: Ricoh card readers, Glenfly audio use function 0's requester ID.
const FUNC0_ALIAS = new Set(ids(RICOH, [0xe832, 0xe476]).concat(ids(GLENFLY, [0x3d40, 0x3d41])));

// quirks.c quirk_dma_func1_alias: Marvell SATA (bugzilla 42679), HighPoint, JMicron JMB388, Plextor M6E.
const FUNC1_ALIAS = new Set([
  ...ids(MARVELL_EXT, [0x9120, 0x9123, 0x9125, 0x9128, 0x9130, 0x9170, 0x9172, 0x917a, 0x9182, 0x9183, 0x91a0, 0x9215, 0x9220, 0x9230, 0x9235]),
  ...ids(TTI, [0x0642, 0x0645]),
  ...ids(JMICRON, [0x2392]),
  ...ids(LITEON, [0x0122]),
]);

// quirks.c quirk_mic_x200_dma_alias: the NTB forwards with three fixed requester IDs.
const MIC_X200 = new Set(ids(INTEL, [0x2260, 0x2264]));

// quirks.c quirk_pex_vca_alias: Intel VCA cards alias functions 0-4 of every slot.
const PEX_VCA = new Set(ids(INTEL, [0x2954, 0x2955, 0x2956, 0x2958, 0x2959, 0x295a]));

// quirks.c quirk_use_pcie_bridge_dma_alias: conventional-looking bridges that are really PCIe-to-PCI.
const PCIE_BRIDGE_ALIAS_IDS = new Set([
  ...ids(0x1b21, [0x1080]), // ASMedia ASM1083/1085
  ...ids(0x10e3, [0x8113]), // Tundra 8113
  ...ids(0x1283, [0x8892, 0x8893]), // ITE 8892, 8893
  ...ids(INTEL, [0x244e]), // Intel 82801
]);

// quirks.c quirk_bridge_cavm_thrx2_pcie_root: the IOMMU sits at this bridge, not at the root bus.
const BRIDGE_XLATE_ROOT_IDS = new Set(ids(BROADCOM, [0x9000, 0x9084]));

const NO_ALIASES: ReadonlyMap<number, string> = new Map();

/**
 * The dma_alias_mask of a function (pci_add_dma_alias): devfn -> what the function does, as a
 * predicate to follow its address ("uses function 1's requester ID (quirk_dma_func1_alias)").
 */
export function dmaAliasDevfns(node: PciNode): ReadonlyMap<number, string> {
  // Made only for a function that has an alias: nearly none do, and a big machine has thousands.
  let aliases: Map<number, string> | null = null;
  const add = (d: number, why: string) => void (aliases ??= new Map()).set(d, why);
  const { fn } = node;
  const slot = node.devfn >> 3;
  const func = node.devfn & 7;
  const id = idOf(node);
  if (FUNC0_ALIAS.has(id) && func !== 0) add(devfn(slot, 0), "uses function 0's requester ID (quirk_dma_func0_alias)");
  if (FUNC1_ALIAS.has(id) && func !== 1) add(devfn(slot, 1), "uses function 1's requester ID (quirk_dma_func1_alias)");
  // quirks.c fixed_dma_alias_tbl: Adaptec 3405 and 3805 (subsystem 9005:02bb, 9005:02bc) use 01.0.
  if (id === ADAPTEC2 * 0x10000 + 0x0285 && fn.subsystem?.vendor === ADAPTEC2 && (fn.subsystem.device === 0x02bb || fn.subsystem.device === 0x02bc)) {
    add(devfn(1, 0), 'has a hidden DMA engine at 01.0 (quirk_fixed_dma_alias)');
  }
  if (MIC_X200.has(id)) {
    for (const d of [devfn(0x10, 0), devfn(0x11, 0), devfn(0x12, 3)]) add(d, 'forwards with the fixed requester IDs 10.0, 11.0, 12.3 (quirk_mic_x200_dma_alias)');
  }
  if (PEX_VCA.has(id)) {
    for (let s = 0; s < 0x20; s++) for (let f = 0; f < 5; f++) add(devfn(s, f), "uses functions 0-4 of every slot (quirk_pex_vca_alias)");
  }
  for (const d of fn.quirks?.dmaAliasDevfns ?? []) add(d, 'has DMA aliases given in the topology');
  return aliases ?? NO_ALIASES;
}

/**
 * PCI_DEV_FLAG_PCIE_BRIDGE_ALIAS, with where it comes from, or null. The quirk sets it only on a
 * conventional bridge off the root bus whose parent is PCIe and not a PCIe-to-PCI bridge.
 */
export function pcieBridgeAliasSource(node: PciNode): string | null {
  const forced = node.fn.quirks?.pcieBridgeAlias;
  if (forced !== undefined) return forced ? 'a PCIe-bridge alias flag given in the topology' : null;
  if (!PCIE_BRIDGE_ALIAS_IDS.has(idOf(node))) return null;
  const parent = node.bus.self;
  const applies =
    !isRootBus(node.bus) && node.fn.headerType === 'bridge' && node.fn.pcieType === null &&
    parent !== null && parent.fn.pcieType !== null && parent.fn.pcieType !== 'pcie-to-pci-bridge';
  return applies ? 'quirk_use_pcie_bridge_dma_alias' : null;
}

/** PCI_DEV_FLAGS_BRIDGE_XLATE_ROOT, with where it comes from, or null. */
export function bridgeXlateRootSource(node: PciNode): string | null {
  const forced = node.fn.quirks?.bridgeXlateRoot;
  if (forced !== undefined) return forced ? 'a translation-root flag given in the topology' : null;
  return BRIDGE_XLATE_ROOT_IDS.has(idOf(node)) ? 'quirk_bridge_cavm_thrx2_pcie_root' : null;
}
