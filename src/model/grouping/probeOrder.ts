// The order in which the IOMMU probes functions, which decides group numbers (kernel-semantics
// A.9 item 1): boot devices in device_add order, then VFs as their PFs were enabled.
import type { Topology } from '../topology/types.ts';
import type { PciBus, PciNode } from './pciTree.ts';

/**
 * drivers/pci/bus.c pci_bus_add_devices(): on each bus every function in devfn order, then each
 * bridge's secondary bus, recursively, depth first. Root buses come in ACPI order
 * (`topology.rootBusOrder`), the rest ascending. VFs follow all boot devices
 * (drivers/pci/iov.c pci_iov_add_virtfn, at sriov_numvfs time), PF by PF in enable order.
 */
export function probeOrder(nodes: readonly PciNode[], topology: Topology): PciNode[] {
  const bootByBus = new Map<PciBus, PciNode[]>();
  const vfsByPf = new Map<PciNode, PciNode[]>();
  for (const node of nodes) {
    if (node.pf) push(vfsByPf, node.pf, node);
    else push(bootByBus, node.bus, node);
  }
  const ordered: PciNode[] = [];
  const addBus = (bus: PciBus) => {
    const members = (bootByBus.get(bus) ?? []).sort((a, b) => a.devfn - b.devfn);
    ordered.push(...members);
    for (const dev of members) if (dev.subordinate) addBus(dev.subordinate);
  };
  for (const root of rootBusScanOrder([...bootByBus.keys()].filter((b) => b.parent === null), topology)) addBus(root);

  if (vfsByPf.size === 0) return ordered;
  const pfs = ordered.filter((n) => vfsByPf.has(n)); // in boot order
  const enableRank = new Map((topology.sriovEnableOrder ?? []).map((bdf, i) => [bdf.toLowerCase(), i]));
  const rank = (pf: PciNode) => enableRank.get(pf.bdf) ?? enableRank.size;
  for (const pf of pfs.sort((a, b) => rank(a) - rank(b))) {
    ordered.push(...vfsByPf.get(pf)!.sort((a, b) => (a.bdf < b.bdf ? -1 : 1)));
  }
  return ordered;
}

/** Root buses as `topology.rootBusOrder` lists them (`dddd:bb`, or `bb` for domain 0000), then ascending. */
function rootBusScanOrder(roots: PciBus[], topology: Topology): PciBus[] {
  const listed = (topology.rootBusOrder ?? []).map((k) => (k.includes(':') ? k : `0000:${k.padStart(2, '0')}`).toLowerCase());
  const rank = new Map(listed.map((key, i) => [key, i]));
  const r = (bus: PciBus) => rank.get(bus.key) ?? listed.length;
  return roots.sort((a, b) => r(a) - r(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
