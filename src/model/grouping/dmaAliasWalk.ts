// DMA aliases as the grouping sees them: the upward walk of drivers/pci/search.c
// pci_for_each_dma_alias() and the same-bus relation pci_devs_are_dma_aliases()
// (kernel-semantics A.4). The pci_real_dma_dev() clause (VMD) is not modelled (A.10).
import { shortBdf } from '../topology/bdf.ts';
import { bridgeXlateRootSource, dmaAliasDevfns, pcieBridgeAliasSource } from './dmaAliasQuirks.ts';
import { isRootBus, type PciBus, type PciNode, type PciTree } from './pciTree.ts';

/** One call of the walk's callback: `dev` takes (or shares) the requester ID `rid`. */
export type DmaAliasHop =
  | { dev: PciNode; kind: 'self' }
  | { dev: PciNode; kind: 'quirk-alias'; rid: string; source: string }
  /** A PCIe-to-PCI bridge (or a quirk-flagged one) tags traffic with (secondary bus, 00.0). */
  | { dev: PciNode; kind: 'pcie-to-pci-bridge' | 'pcie-bridge-alias'; rid: string; source?: string }
  /** A conventional bridge or a PCI-to-PCIe bridge forwards with its own requester ID. */
  | { dev: PciNode; kind: 'pci-bridge' | 'pci-to-pcie-bridge'; rid: string };

export interface DmaAliasWalk {
  hops: DmaAliasHop[];
  /** The walk stopped at a bridge with PCI_DEV_FLAGS_BRIDGE_XLATE_ROOT. */
  stoppedAt: { bridge: PciNode; source: string } | null;
}

/** A same-bus DMA alias partner and where the alias comes from. */
export interface DmaAliasPartner {
  dev: PciNode;
  /** Whose dma_alias_mask holds the other's devfn, and why. */
  owner: PciNode;
  source: string;
}

const rid = (bus: string, devfn: number) => shortBdf(`${bus}:${(devfn >> 3).toString(16).padStart(2, '0')}.${devfn & 7}`);

/** A bridge's hop of the walk: the kinds that carry a requester ID of the bridge's making. */
export type BridgeHop = Exclude<DmaAliasHop, { kind: 'self' | 'quirk-alias' }>;

/** The walk's loop over the bridges above `start` (search.c pci_for_each_dma_alias). */
function bridgeWalkFrom(start: PciBus): { hops: BridgeHop[]; stoppedAt: DmaAliasWalk['stoppedAt'] } {
  const hops: BridgeHop[] = [];
  for (let bus = start; !isRootBus(bus); bus = bus.parent!) {
    const tmp = bus.self;
    if (tmp === null) continue; // virtual bus (SR-IOV)
    const xlate = bridgeXlateRootSource(tmp);
    if (xlate !== null) return { hops, stoppedAt: { bridge: tmp, source: xlate } };
    // Requester IDs are spelled only for the hops that add one: PCIe ports, the usual case, add none.
    switch (tmp.fn.pcieType) {
      case 'root-port':
      case 'switch-upstream':
      case 'switch-downstream':
        break; // PCIe ports forward requester IDs unchanged
      case 'pcie-to-pci-bridge':
        hops.push({ dev: tmp, kind: 'pcie-to-pci-bridge', rid: rid(bus.key, 0) });
        break;
      case 'pci-to-pcie-bridge':
        hops.push({ dev: tmp, kind: 'pci-to-pcie-bridge', rid: rid(tmp.bus.key, tmp.devfn) });
        break;
      case null: {
        const flagged = pcieBridgeAliasSource(tmp);
        hops.push(flagged !== null
          ? { dev: tmp, kind: 'pcie-bridge-alias', rid: rid(bus.key, 0), source: flagged }
          : { dev: tmp, kind: 'pci-bridge', rid: rid(tmp.bus.key, tmp.devfn) });
        break;
      }
      default:
        break; // a bridge of another PCIe type adds no alias (A.9 item 12)
    }
  }
  return { hops, stoppedAt: null };
}

/** The DMA-alias facts of one topology, computed once per function. */
export class DmaAliases {
  private readonly bridgeWalks = new Map<PciBus, { hops: BridgeHop[]; stoppedAt: DmaAliasWalk['stoppedAt'] }>();
  private readonly masks = new Map<PciNode, ReadonlyMap<number, string>>();
  /** `bus/devfn` -> functions on that bus whose dma_alias_mask holds devfn. */
  private readonly aliasedBy = new Map<string, PciNode[]>();

  constructor(private readonly tree: PciTree) {
    for (const node of tree.nodes) {
      const mask = dmaAliasDevfns(node);
      if (mask.size === 0) continue;
      this.masks.set(node, mask);
      for (const devfn of mask.keys()) {
        const key = `${node.bus.key}/${devfn}`;
        const list = this.aliasedBy.get(key);
        if (list) list.push(node);
        else this.aliasedBy.set(key, [node]);
      }
    }
  }

  /** Whether `node` aliases, or is aliased by, anything on its bus. */
  has(node: PciNode): boolean {
    return this.masks.size > 0 && (this.masks.has(node) || this.aliasedBy.has(`${node.bus.key}/${node.devfn}`));
  }

  /** search.c pci_for_each_dma_alias(): every requester ID `node`'s DMA may carry, bottom up. */
  walk(node: PciNode): DmaAliasWalk {
    const hops: DmaAliasHop[] = [{ dev: node, kind: 'self' }];
    for (const [devfn, source] of this.masks.get(node) ?? []) {
      hops.push({ dev: node, kind: 'quirk-alias', rid: rid(node.bus.key, devfn), source });
    }
    const above = this.bridgeWalk(node.bus);
    return { hops: [...hops, ...above.hops], stoppedAt: above.stoppedAt };
  }

  /**
   * The bridges' part of the walk from a function on `bus`: the same for every function on it, so
   * made once per bus (a big machine walks thousands of functions on a few hundred buses).
   */
  bridgeWalk(bus: PciBus): { hops: readonly BridgeHop[]; stoppedAt: DmaAliasWalk['stoppedAt'] } {
    let walk = this.bridgeWalks.get(bus);
    if (walk === undefined) this.bridgeWalks.set(bus, (walk = bridgeWalkFrom(bus)));
    return walk;
  }

  /** search.c pci_devs_are_dma_aliases(): functions on `node`'s bus that it aliases or that alias it. */
  partners(node: PciNode): DmaAliasPartner[] {
    const found: DmaAliasPartner[] = [];
    for (const [devfn, source] of this.masks.get(node) ?? []) {
      const dev = this.tree.at(node.bus, devfn);
      if (dev && dev !== node) found.push({ dev, owner: node, source });
    }
    for (const owner of this.aliasedBy.get(`${node.bus.key}/${node.devfn}`) ?? []) {
      if (owner !== node && !found.some((p) => p.dev === owner)) found.push({ dev: owner, owner, source: this.masks.get(owner)!.get(node.devfn)! });
    }
    return found;
  }
}
