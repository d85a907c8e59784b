// The optional "strict switch" rule: the 2025 proposal (Jason Gunthorpe, pci_bus_isolated() in
// drivers/pci/search.c, linux-pci 30 Jun 2025; kernel-semantics A.5) that "any non-permissive DSP
// spoils the whole bus". Not mainline; off by default.
//
// Reading implemented here: a switch-internal bus (one whose bridge is a switch upstream port) is
// spoiled when any switch downstream port on it fails pci_acs_enabled(REQ_ACS_FLAGS), with quirks
// and pcie_acs_override counted. On a spoiled bus
//   1. every downstream port counts as not isolated in pci_acs_path_enabled(), so everything below
//      any of them walks up to its downstream port (step 2 of pci_device_group), and
//   2. the downstream ports count as DMA aliases of one another (as pci_devs_are_dma_aliases), so
//      they share one group (step 3).
// The upstream port and anything else on the bus above are grouped as in mainline.
import type { PciBus, PciNode, PciTree } from './pciTree.ts';

/** Spoiled switch buses, each with the first (in probe order) downstream port that spoils it. */
export function spoiledSwitchBuses(tree: PciTree, isolated: (dsp: PciNode) => boolean): Map<PciBus, PciNode> {
  const spoiled = new Map<PciBus, PciNode>();
  for (const node of tree.nodes) {
    if (!isSwitchDownstreamPort(node) || spoiled.has(node.bus)) continue;
    if (!isolated(node)) spoiled.set(node.bus, node);
  }
  return spoiled;
}

/** A downstream port on a switch-internal bus. */
export function isSwitchDownstreamPort(node: PciNode): boolean {
  return node.fn.pcieType === 'switch-downstream' && node.bus.self?.fn.pcieType === 'switch-upstream';
}
