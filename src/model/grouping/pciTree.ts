// The kernel's view of a topology: struct pci_dev and struct pci_bus with their links (bus->self,
// bus->parent), every function's place in probe order, and the indexes the grouping walks need
// (by bus, by slot, by devfn), so no step has to scan all functions.
import { busOf, devfnOf, slotOf } from '../topology/bdf.ts';
import type { Bdf, PciFunction, Topology } from '../topology/types.ts';
import { probeOrder } from './probeOrder.ts';

export interface PciBus {
  /** `dddd:bb` */
  key: string;
  /** bus->self: the bridge above; null on a root bus and on a VF's virtual bus (drivers/pci/iov.c). */
  self: PciNode | null;
  /** bus->parent: null exactly on a root bus (pci_is_root_bus). */
  parent: PciBus | null;
  /** The kernel's bus device list, in device_add (= probe) order. */
  devices: PciNode[];
}

export interface PciNode {
  fn: PciFunction;
  bdf: Bdf;
  devfn: number;
  /** `dddd:bb:dd` (PCI_SLOT) */
  slot: string;
  bus: PciBus;
  /** dev->subordinate: the bus a bridge opens, when functions sit on it. */
  subordinate: PciBus | null;
  /** The PF of a VF. */
  pf: PciNode | null;
  /** Position in the kernel's probe order (kernel-semantics A.9 item 1). */
  order: number;
}

export interface PciTree {
  /** Every function, in probe order. */
  nodes: PciNode[];
  byBdf: ReadonlyMap<Bdf, PciNode>;
  /** Functions of one slot (`dddd:bb:dd`), in probe order. */
  slotMembers(slot: string): readonly PciNode[];
  /** The function at `devfn` on a bus, if any. */
  at(bus: PciBus, devfn: number): PciNode | undefined;
}

/** include/linux/pci.h pci_is_root_bus(): a bus with no parent bus. */
export function isRootBus(bus: PciBus): boolean {
  return bus.parent === null;
}

/** A VF is added (and probed) only after its PF's sriov_numvfs is written (A.9 item 1). */
export function isVf(node: PciNode): boolean {
  return node.pf !== null;
}

/**
 * Whether `other` exists yet when `probing` is being probed: boot devices all exist before the
 * IOMMU probes any of them; VFs appear one by one (for_each_pci_dev sees only added devices).
 */
export function existsWhenProbing(other: PciNode, probing: PciNode): boolean {
  return !isVf(other) || other.order <= probing.order;
}

export function buildPciTree(topology: Topology): PciTree {
  const byBdf = linkNodes(topology);
  const nodes = probeOrder([...byBdf.values()], topology);
  const slots = new Map<string, PciNode[]>();
  nodes.forEach((node, i) => {
    node.order = i;
    node.bus.devices.push(node);
    const members = slots.get(node.slot);
    if (members) members.push(node);
    else slots.set(node.slot, [node]);
  });
  return {
    nodes,
    byBdf,
    slotMembers: (slot) => slots.get(slot) ?? [],
    // Asked only for quirk-given DMA aliases, which are rare: a scan of one bus is enough.
    at: (bus, devfn) => bus.devices.find((n) => n.devfn === devfn),
  };
}

/**
 * Makes a node for every function, on the bus its parent bridge (or, for a VF, its PF) puts it
 * on, checking that the topology is a tree and every bus hangs below one bridge.
 */
function linkNodes(topology: Topology): Map<Bdf, PciNode> {
  const fns = new Map<Bdf, PciFunction>();
  for (const fn of topology.functions) {
    if (fns.has(fn.bdf)) throw new Error(`${fn.bdf} appears twice in the topology`);
    fns.set(fn.bdf, fn);
  }
  const nodes = new Map<Bdf, PciNode>();
  const buses = new Map<string, PciBus>();

  const busWith = (key: string, self: PciNode | null, parent: PciBus | null, who: Bdf): PciBus => {
    const existing = buses.get(key);
    if (!existing) {
      const bus: PciBus = { key, self, parent, devices: [] };
      buses.set(key, bus);
      return bus;
    }
    if (existing.self !== self || existing.parent !== parent) {
      throw new Error(`${who} puts bus ${key} below ${self?.bdf ?? 'nothing'}, but another function puts it below ${existing.self?.bdf ?? 'nothing'}`);
    }
    return existing;
  };

  // `child` is the function that names `bdf` as its PF or parent bridge, for the error when it is
  // missing; `depth` counts the functions below it on the way here, more than there are in a cycle.
  const nodeOf = (bdf: Bdf, child: PciFunction | null, depth: number): PciNode => {
    const done = nodes.get(bdf);
    if (done) return done;
    const fn = fns.get(bdf);
    if (!fn) throw new Error(`${child === null ? bdf : child.physfn === bdf ? `VF ${child.bdf} names PF ${bdf}` : `${child.bdf} names parent bridge ${bdf}`}, which is not in the topology`);
    if (depth > fns.size) throw new Error(`${bdf} is its own ancestor in the topology`);
    const key = busOf(bdf);
    let bus: PciBus;
    let pf: PciNode | null = null;
    if (fn.physfn !== undefined) {
      pf = nodeOf(fn.physfn, fn, depth + 1);
      // A VF on its PF's bus shares it; any other bus number is a virtual bus with no bridge
      // (drivers/pci/iov.c virtfn_add_bus: child bus of the PF's bus, bus->self == NULL).
      bus = key === pf.bus.key ? pf.bus : busWith(key, null, pf.bus, bdf);
    } else if (fn.parent === null) {
      bus = busWith(key, null, null, bdf);
    } else {
      const bridge = nodeOf(fn.parent, fn, depth + 1);
      bus = busWith(key, bridge, bridge.bus, bdf);
      if (bridge.subordinate && bridge.subordinate !== bus) {
        throw new Error(`functions below ${bridge.bdf} sit on two buses, ${bridge.subordinate.key} and ${key}`);
      }
      bridge.subordinate = bus;
    }
    const node: PciNode = { fn, bdf, devfn: canonicalDevfn(bdf), slot: slotOf(bdf), bus, subordinate: null, pf, order: -1 };
    nodes.set(bdf, node);
    return node;
  };

  for (const fn of topology.functions) nodeOf(fn.bdf, null, 0);
  return nodes;
}

/**
 * PCI_DEVFN of a canonical `dddd:bb:dd.f` (busOf and slotOf read it by position too), without the
 * full parse of devfnOf(), which showed in profiles of big machines; anything else goes to devfnOf().
 */
function canonicalDevfn(bdf: Bdf): number {
  const dev = parseInt(bdf.slice(8, 10), 16);
  const func = bdf.charCodeAt(11) - 48;
  return bdf.length === 12 && bdf[10] === '.' && dev <= 0x1f && func >= 0 && func <= 7 ? (dev << 3) | func : devfnOf(bdf);
}
