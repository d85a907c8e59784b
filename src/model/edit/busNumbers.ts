// Bus numbers as firmware assigns them: depth-first, in scan order (drivers/pci/probe.c
// pci_scan_child_bus_extend / pci_scan_bridge_extend). Root buses keep their numbers; every bridge
// gets secondary = the next free bus and subordinate = the last bus below it.
import { formatBdf } from '../topology/bdf.ts';
import type { Bdf, PciFunction, Topology } from '../topology/types.ts';
import { devfnOrder, routingId, vfAddress, type EditNode, type EditTree } from './editTree.ts';
import { EditRefusal } from './refusal.ts';

export interface Numbered {
  topology: Topology;
  /** Every function whose address changed, old -> new (added devices have no old address). */
  renamed: Map<Bdf, Bdf>;
}

const hex2 = (n: number) => n.toString(16).padStart(2, '0');
const isBridge = (n: EditNode) => n.fn.headerType !== 'normal';

export function numberBuses(tree: EditTree): Numbered {
  const functions: PciFunction[] = [];
  const renamed = new Map<Bdf, Bdf>();
  const taken = new Set<Bdf>();

  const emit = (node: EditNode, bdf: Bdf, parent: Bdf | null) => {
    if (taken.has(bdf)) throw new EditRefusal(`two functions would both be at ${bdf}`);
    taken.add(bdf);
    node.fn.bdf = bdf;
    node.fn.parent = parent;
    if (node.oldBdf !== null && node.oldBdf !== bdf) renamed.set(node.oldBdf, bdf);
    functions.push(node.fn);
  };

  const scanBus = (domain: number, bus: number, limit: number, devices: EditNode[], self: EditNode | null): number => {
    devices.sort(devfnOrder);
    let max = bus;
    for (const node of devices) {
      emit(node, formatBdf({ domain, bus, dev: node.dev, fn: node.func }), self?.fn.bdf ?? null);
      const sriov = node.fn.sriov;
      if (node.vfs.length === 0 || sriov === undefined) continue;
      for (const { index, node: vf } of node.vfs) {
        const address = vfAddress(domain, { bus, dev: node.dev, func: node.func, sriov }, index);
        // A VF names its PF's parent: the kernel's walks skip the virtual bus (types.ts PciFunction.parent).
        emit(vf, address, self?.fn.bdf ?? null);
        vf.fn.physfn = node.fn.bdf;
      }
    }
    // probe.c: "Reserve buses for SR-IOV capability" (iov.c pci_iov_bus_range, up to TotalVFs).
    max += sriovBusRange(devices, bus);
    if (max > limit) throw new EditRefusal(busesExhausted(domain, bus, limit));
    for (const bridge of devices.filter(isBridge)) {
      const secondary = max + 1;
      if (secondary > limit) throw new EditRefusal(busesExhausted(domain, bus, limit));
      max = scanBus(domain, secondary, limit, bridge.children, bridge);
      bridge.fn.secondaryBus = secondary;
      bridge.fn.subordinateBus = max;
    }
    return max;
  };

  const roots = [...tree.roots.keys()].map((key) => ({ key, domain: parseInt(key.slice(0, 4), 16), bus: parseInt(key.slice(5, 7), 16) }));
  roots.sort((a, b) => a.domain - b.domain || a.bus - b.bus);
  roots.forEach((root, i) => {
    const next = roots[i + 1];
    // A root bus owns the numbers up to the next root bus of its domain (the host bridge's _CRS range).
    const limit = next && next.domain === root.domain ? next.bus - 1 : 0xff;
    scanBus(root.domain, root.bus, limit, tree.roots.get(root.key)!, null);
  });

  functions.sort((a, b) => (a.bdf < b.bdf ? -1 : a.bdf > b.bdf ? 1 : 0));
  const topology: Topology = { functions };
  if (tree.rootBusOrder) topology.rootBusOrder = tree.rootBusOrder;
  if (tree.sriovEnableOrder) {
    const live = new Set(functions.map((f) => f.bdf));
    topology.sriovEnableOrder = tree.sriovEnableOrder.map((b) => renamed.get(b) ?? b).filter((b) => live.has(b));
  }
  return { topology, renamed };
}

/** iov.c pci_iov_bus_range(): the buses above `bus` the VFs of its PFs can reach at TotalVFs. */
function sriovBusRange(devices: EditNode[], bus: number): number {
  let last = bus;
  for (const node of devices) {
    const s = node.fn.sriov;
    if (!s || s.totalVfs === 0) continue;
    const r = routingId(bus, node.dev, node.func) + s.vfOffset + (s.totalVfs - 1) * s.vfStride;
    last = Math.max(last, Math.min(r >> 8, 0xff));
  }
  return last - bus;
}

function busesExhausted(domain: number, bus: number, limit: number): string {
  const where = `${domain.toString(16).padStart(4, '0')}:${hex2(bus)}`;
  return limit === 0xff
    ? `the buses below ${where} would need bus numbers beyond ff`
    : `the buses below ${where} would need bus ${hex2(limit + 1)}, which the next root bus owns`;
}
