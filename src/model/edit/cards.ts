// Cards in slots: which functions travel together, and where a card may be plugged in.
import { kindLabel, kindOf } from '../topology/kind.ts';
import { shortBdf } from '../topology/bdf.ts';
import { devfnOrder, isWithin, type EditNode, type EditTree } from './editTree.ts';
import { EditRefusal, editBdf } from './refusal.ts';

const what = (n: EditNode) => `${kindLabel(kindOf(n.fn))} ${shortBdf(n.fn.bdf)}`;

/** The node at a user-given address, or an error naming it. */
export function nodeAt(tree: EditTree, text: unknown, role: string): EditNode {
  if (typeof text !== 'string') throw new EditRefusal(`${role} must be a PCI address, not ${JSON.stringify(text)}`);
  const node = tree.byOldBdf.get(editBdf(text));
  if (!node) throw new EditRefusal(`${role} ${text} is not in the topology`);
  return node;
}

/** The list a node sits in: its bridge's children, or its root bus. */
function siblingsOf(tree: EditTree, node: EditNode): EditNode[] {
  if (node.up) return node.up.children;
  for (const list of tree.roots.values()) if (list.includes(node)) return list;
  throw new Error(`internal: ${node.fn.bdf} is on no bus`);
}

/**
 * A card: every function of the slot (PCI_SLOT, same bus and device number) a function belongs to;
 * a VF belongs to its PF's card. Their VFs and everything below them travel with them.
 */
export function cardOf(tree: EditTree, node: EditNode): EditNode[] {
  const fn = node.fn.physfn !== undefined && node.up ? node.up : node;
  return siblingsOf(tree, fn).filter((n) => n.dev === fn.dev);
}

/** Takes a card off its bus. */
export function unplug(tree: EditTree, card: EditNode[]): void {
  const list = siblingsOf(tree, card[0]!);
  for (const n of card) list.splice(list.indexOf(n), 1);
  for (const [key, roots] of tree.roots) if (roots.length === 0) tree.roots.delete(key);
}

/**
 * Whether the bus a bridge opens is a PCIe link (one device) or a conventional PCI bus (slots).
 * PCIe ports and a PCI-to-PCIe bridge open a link; a PCIe-to-PCI or PCI-to-PCI bridge a PCI bus.
 */
function opensPcieLink(bridge: EditNode): boolean {
  const t = bridge.fn.pcieType;
  return t === 'root-port' || t === 'switch-downstream' || t === 'pci-to-pcie-bridge';
}

/** A card with a PCIe capability on its first function needs a PCIe link. */
const isPcieCard = (card: EditNode[]) => card.some((n) => n.fn.pcieType !== null);

/** The device number a card gets on `bus`, or an error saying why it does not fit. */
function deviceNumberOn(target: EditNode | null, bus: EditNode[], card: EditNode[], busName: string): number {
  if (target && opensPcieLink(target)) {
    // A PCIe link carries one device, number 0 (probe.c only_one_child() scans device 0 only).
    const holder = bus[0];
    if (holder) throw new EditRefusal(`${what(target)} already holds a card (${shortBdf(holder.fn.bdf)}); a PCIe link has room for one device. Remove or move that card first.`);
    return 0;
  }
  if (target && isPcieCard(card)) {
    throw new EditRefusal(`${what(card[0]!)} is a PCIe device and does not fit the conventional PCI bus behind ${what(target)}`);
  }
  // Conventional PCI (and a root bus): slots are wired to IDSEL lines; take the lowest free one.
  const used = new Set(bus.map((n) => n.dev));
  for (let dev = 0; dev < 32; dev++) if (!used.has(dev)) return dev;
  throw new EditRefusal(`${busName} has no free device number (all 32 are taken)`);
}

/** Plugs a card onto the bus bridge `target` opens, or onto a root bus when `target` is null. */
export function plug(tree: EditTree, card: EditNode[], target: EditNode | null, rootKey?: string): void {
  const bus = target ? target.children : tree.roots.get(rootKey!)!;
  const dev = deviceNumberOn(target, bus, card, target ? `the bus below ${what(target)}` : `root bus ${rootKey}`);
  for (const n of card) {
    n.dev = dev;
    n.up = target;
    // A physical slot label belongs to the slot the card left.
    delete n.fn.slot;
    bus.push(n);
  }
  bus.sort(devfnOrder);
}

/** Checks that `target` is a bridge a card can be plugged below. */
export function checkTarget(target: EditNode): void {
  if (target.fn.headerType === 'normal') throw new EditRefusal(`${what(target)} is not a bridge or port: nothing can be plugged below it`);
  if (target.fn.pcieType === 'switch-upstream') {
    throw new EditRefusal(`${what(target)} is a switch upstream port: the bus it opens is inside the switch and holds only its downstream ports`);
  }
}

/** Checks that a card may move below `target` (not into itself, not where it already is). */
export function checkMove(card: EditNode[], target: EditNode): void {
  checkTarget(target);
  const first = card[0]!;
  if (first.up === null) throw new EditRefusal(`${what(first)} sits on a root bus: it is part of the root complex, not a card that can be moved`);
  const inside = card.find((n) => isWithin(target, n));
  if (inside) throw new EditRefusal(`cannot move ${shortBdf(inside.fn.bdf)} below ${shortBdf(target.fn.bdf)}, which is part of that card`);
  if (first.up === target) throw new EditRefusal(`${shortBdf(first.fn.bdf)} already sits below ${what(target)}`);
}
