// drivers/pci/pci.c pci_acs_path_enabled(start, NULL, flags) (kernel-semantics A.2): walk from a
// function up through each bridge (pdev->bus->self) to the root bus; fail at the first function
// that does not isolate.
import { isRootBus, type PciBus, type PciNode } from './pciTree.ts';

export interface PathVerdict<V extends { isolated: boolean }> {
  at: PciNode;
  verdict: V;
}

/** The first function on the path from `start` to the root that fails `verdictOf`, or null when all pass. */
export function pciAcsPathEnabled<V extends { isolated: boolean }>(start: PciNode, verdictOf: (node: PciNode) => V): PathVerdict<V> | null {
  for (let node: PciNode | null = start; node !== null; node = isRootBus(node.bus) ? null : upstreamBridge(node.bus)) {
    const verdict = verdictOf(node);
    if (!verdict.isolated) return { at: node, verdict };
  }
  return null;
}

/** The next bridge above a bus (pdev->bus->self), skipping bridge-less virtual buses. */
function upstreamBridge(bus: PciBus): PciNode | null {
  for (let b: PciBus | null = bus; b !== null; b = b.parent) if (b.self) return b.self;
  return null;
}
