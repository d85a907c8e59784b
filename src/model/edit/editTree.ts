// A topology as a tree of objects, so edits can move subtrees without caring about addresses, and
// its way back to a flat topology with bus numbers assigned as firmware does (busNumbers.ts).
import { bdfParts, busOf, formatBdf } from '../topology/bdf.ts';
import type { Bdf, PciFunction, Topology } from '../topology/types.ts';
import { EditRefusal } from './refusal.ts';

export interface EditNode {
  /** A copy of the function; its address, parent and bus range are rewritten on the way out. */
  fn: PciFunction;
  /** Its address in the topology the edit started from; null for a device the edit added. */
  oldBdf: Bdf | null;
  dev: number;
  func: number;
  /** Functions on the bus this bridge opens (VFs excluded), kept in devfn order. */
  children: EditNode[];
  /** A PF's VFs with their VF index (VF i sits at PF routing ID + offset + i * stride). */
  vfs: { index: number; node: EditNode }[];
  /** The bridge above, or for a VF its PF; null on a root bus. */
  up: EditNode | null;
}

export interface EditTree {
  /** Functions on each root bus `dddd:bb`, in devfn order. */
  roots: Map<string, EditNode[]>;
  byOldBdf: Map<Bdf, EditNode>;
  rootBusOrder?: string[];
  sriovEnableOrder?: Bdf[];
}

/** The 16-bit routing ID (requester ID) of an address: bus << 8 | devfn (PCI_DEVID). */
export const routingId = (bus: number, dev: number, func: number) => (bus << 8) | (dev << 3) | func;

export const devfnOrder = (a: EditNode, b: EditNode) => a.dev - b.dev || a.func - b.func;

function newNode(fn: PciFunction, oldBdf: Bdf | null): EditNode {
  const p = bdfParts(fn.bdf);
  return { fn: { ...fn }, oldBdf, dev: p.dev, func: p.fn, children: [], vfs: [], up: null };
}

/** Builds the tree, checking every parent and PF exists and no function is its own ancestor. */
export function treeOf(topology: Topology): EditTree {
  const byOldBdf = new Map<Bdf, EditNode>();
  for (const fn of topology.functions) {
    if (byOldBdf.has(fn.bdf)) throw new EditRefusal(`${fn.bdf} appears twice in the topology`);
    byOldBdf.set(fn.bdf, newNode(fn, fn.bdf));
  }
  const roots = new Map<string, EditNode[]>();
  for (const node of byOldBdf.values()) {
    const { physfn, parent } = node.fn;
    if (physfn !== undefined) {
      const pf = byOldBdf.get(physfn);
      if (!pf) throw new EditRefusal(`VF ${node.oldBdf} names PF ${physfn}, which is not in the topology`);
      node.up = pf;
      pf.vfs.push({ index: vfIndex(pf, node), node });
    } else if (parent === null) {
      const key = busOf(node.fn.bdf);
      roots.set(key, [...(roots.get(key) ?? []), node]);
    } else {
      const bridge = byOldBdf.get(parent);
      if (!bridge) throw new EditRefusal(`${node.oldBdf} names parent bridge ${parent}, which is not in the topology`);
      node.up = bridge;
      bridge.children.push(node);
    }
  }
  for (const node of byOldBdf.values()) {
    node.children.sort(devfnOrder);
    node.vfs.sort((a, b) => a.index - b.index);
    for (let up = node.up, steps = 0; up !== null; up = up.up, steps++) {
      if (steps > byOldBdf.size) throw new EditRefusal(`${node.oldBdf} is its own ancestor in the topology`);
    }
  }
  for (const list of roots.values()) list.sort(devfnOrder);
  return { roots, byOldBdf, rootBusOrder: topology.rootBusOrder, sriovEnableOrder: topology.sriovEnableOrder };
}

/**
 * Which VF a function is: drivers/pci/iov.c pci_iov_virtfn_bus/devfn put VF i at routing ID
 * PF + offset + i * stride (kernel-semantics A.9 item 3), so i follows from the two addresses.
 */
function vfIndex(pf: EditNode, vf: EditNode): number {
  const sriov = pf.fn.sriov;
  const p = bdfParts(pf.fn.bdf);
  const v = bdfParts(vf.fn.bdf);
  const distance = routingId(v.bus, v.dev, v.fn) - routingId(p.bus, p.dev, p.fn) - (sriov?.vfOffset ?? 1);
  const stride = sriov?.vfStride ?? 1;
  if (stride <= 0) return distance === 0 ? 0 : pf.vfs.length;
  return distance >= 0 && distance % stride === 0 ? distance / stride : pf.vfs.length;
}

/** The address of VF `index` of a PF at (bus, dev, func): iov.c pci_iov_virtfn_bus/devfn. */
export function vfAddress(domain: number, pf: { bus: number; dev: number; func: number; sriov: NonNullable<PciFunction['sriov']> }, index: number): Bdf {
  const r = routingId(pf.bus, pf.dev, pf.func) + pf.sriov.vfOffset + index * pf.sriov.vfStride;
  if (r > 0xffff) throw new EditRefusal(`VF ${index} of the PF would have routing ID ${r.toString(16)}, beyond bus ff`);
  return formatBdf({ domain, bus: r >> 8, dev: (r >> 3) & 0x1f, fn: r & 7 });
}

/** Whether `node` is `ancestor` or sits somewhere below it. */
export function isWithin(node: EditNode, ancestor: EditNode): boolean {
  for (let n: EditNode | null = node; n !== null; n = n.up) if (n === ancestor) return true;
  return false;
}
