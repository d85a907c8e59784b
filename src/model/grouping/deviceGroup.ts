// drivers/iommu/iommu.c pci_device_group() for one function, incremental as in the kernel: it joins
// the first existing group it finds and allocates a new one only when it finds none (kernel-semantics
// A.5, corrected by A.9 item 10). It returns how it found the group, for the reasons.
import type { AcsJudge, PathFailure } from './acsJudge.ts';
import type { BridgeHop, DmaAliases } from './dmaAliasWalk.ts';
import { existsWhenProbing, isRootBus, type PciNode, type PciTree } from './pciTree.ts';

/** How one function is related to the next on the way to a group (steps 3 and 4). */
export interface SearchLink {
  from: PciNode;
  to: PciNode;
  /** A DMA alias on the same bus, a non-isolated sibling in a multifunction slot, or the strict-switch rule. */
  via: 'dma-alias' | 'slot' | 'strict-switch';
  /** For a DMA alias: whose mask holds the other, and what it does. */
  alias?: { owner: PciNode; source: string };
}

export type { BridgeHop } from './dmaAliasWalk.ts';

export type Finding =
  /** Step 1: a bridge that takes ownership of the requester ID already has a group. */
  | { step: 'alias-walk'; group: number; holder: PciNode; hop: BridgeHop }
  /** Step 2: the bridge directly above a non-isolated path already has a group. */
  | { step: 'acs-path'; group: number; holder: PciNode; failure: PathFailure }
  /** Steps 3 and 4: a same-bus alias or slot sibling of `owner` (maybe through more of them) has a group. */
  | { step: 'alias-search'; group: number; holder: PciNode; owner: PciNode; links: SearchLink[] }
  /** Step 5: none found, so iommu_group_alloc(). */
  | { step: 'new' };

export interface GroupLookup {
  tree: PciTree;
  judge: AcsJudge;
  aliases: DmaAliases;
  /** iommu_group_get(): the group a function already has. */
  groupOf(node: PciNode): number | undefined;
}

/** pci_device_group(dev): where `dev` belongs, given the groups of the functions probed before it. */
export function pciDeviceGroup(dev: PciNode, look: GroupLookup): Finding {
  // Step 1 (get_pci_alias_or_group): walk the DMA aliases; the last device seen owns the DMA. The
  // walk's first hops are dev itself and its quirk aliases (dev has no group yet), then the bridges.
  let owner = dev;
  for (const hop of look.aliases.bridgeWalk(dev.bus).hops) {
    owner = hop.dev;
    const group = look.groupOf(hop.dev);
    if (group !== undefined) return { step: 'alias-walk', group, holder: hop.dev, hop };
  }

  // Step 2: climb while the path above is not ACS-isolated; join the first bridge with a group.
  for (let bus = owner.bus; !isRootBus(bus); bus = bus.parent!) {
    if (bus.self === null) continue; // virtual bus
    const failure = look.judge.pathFailure(bus.self);
    if (failure === null) break;
    owner = bus.self;
    const group = look.groupOf(owner);
    if (group !== undefined) return { step: 'acs-path', group, holder: owner, failure };
  }

  // Steps 3 and 4 share one devfn bitmap, as in the kernel.
  const search = new AliasSearch(dev, look);
  const found = search.aliasGroup(owner) ?? search.functionAliasGroup(owner);
  if (found) return { step: 'alias-search', group: found.group, holder: found.holder, owner, links: found.links };
  return NEW_GROUP;
}

/** Most functions of a big machine allocate a group: one finding serves them all. */
const NEW_GROUP: Finding = Object.freeze({ step: 'new' });

/** The links of a function without DMA aliases, nearly every one: shared, never written. */
const NO_LINKS: readonly SearchLink[] = Object.freeze([]);

interface Found {
  group: number;
  holder: PciNode;
  links: SearchLink[];
}

/**
 * The kernel's `devfns` bitmap, for every search at once: devfn d was tried by the current search
 * when triedBy[d] holds its number. A big machine runs thousands of searches; none allocates one.
 */
const triedBy = new Int32Array(256);
let searches = 0;

/** get_pci_alias_group() and get_pci_function_alias_group(), with their shared `devfns` bitmap. */
class AliasSearch {
  private readonly number: number;

  constructor(private readonly probing: PciNode, private readonly look: GroupLookup) {
    if (searches === 0x7fffffff) {
      triedBy.fill(0);
      searches = 0;
    }
    this.number = ++searches;
  }

  /** iommu.c get_pci_alias_group(): the node's own group, else that of a same-bus alias (or its slot). */
  aliasGroup(node: PciNode): Found | null {
    if (triedBy[node.devfn] === this.number) return null;
    triedBy[node.devfn] = this.number;
    const group = this.look.groupOf(node);
    if (group !== undefined) return { group, holder: node, links: [] };
    for (const link of this.sameBusAliases(node)) {
      const found = this.aliasGroup(link.to) ?? this.functionAliasGroup(link.to);
      if (found) return { ...found, links: [link, ...found.links] };
    }
    return null;
  }

  /** iommu.c get_pci_function_alias_group(): non-isolated siblings of a non-isolated multifunction function. */
  functionAliasGroup(node: PciNode): Found | null {
    const { judge, tree } = this.look;
    if (!node.fn.multifunction || judge.verdict(node).isolated) return null;
    for (const sibling of tree.slotMembers(node.slot)) {
      if (sibling === node || !existsWhenProbing(sibling, this.probing) || judge.verdict(sibling).isolated) continue;
      const found = this.aliasGroup(sibling);
      if (found) return { ...found, links: [{ from: node, to: sibling, via: 'slot' }, ...found.links] };
    }
    return null;
  }

  /** search.c pci_devs_are_dma_aliases() partners on the node's bus, plus strict-switch partners, in probe order. */
  private sameBusAliases(node: PciNode): readonly SearchLink[] {
    const strict = this.look.judge.spoilerOf(node) !== undefined;
    if (!strict && !this.look.aliases.has(node)) return NO_LINKS;
    const links: SearchLink[] = this.look.aliases.partners(node).map((p) => ({
      from: node,
      to: p.dev,
      via: 'dma-alias' as const,
      alias: { owner: p.owner, source: p.source },
    }));
    if (strict) {
      for (const other of node.bus.devices) {
        if (other !== node && this.look.judge.spoilerOf(other) !== undefined) links.push({ from: node, to: other, via: 'strict-switch' });
      }
    }
    return links
      .filter((l) => l.to !== node && existsWhenProbing(l.to, this.probing))
      .sort((a, b) => a.to.order - b.to.order);
  }
}
