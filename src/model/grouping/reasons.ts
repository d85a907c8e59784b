// One true sentence for why a function joined its group, from what pci_device_group() found.
import { kindLabel, kindOf } from '../topology/kind.ts';
import type { AcsJudge } from './acsJudge.ts';
import type { BridgeHop, Finding, SearchLink } from './deviceGroup.ts';
import type { PciNode } from './pciTree.ts';
import type { GroupReason, ReasonKind } from './types.ts';

/** "root port 0000:00:1c.0" */
export function describe(node: PciNode): string {
  return `${kindLabel(kindOf(node.fn))} ${node.bdf}`;
}

/**
 * The reason for a function that joined an existing group. Its sentence is composed when first
 * read (then kept): a big machine has thousands of members whose reasons nobody may ever open, and
 * composing them all made up a seventh of the grouping's time. `text` is still an ordinary
 * enumerable property to every reader (JSON, spreads, test matchers).
 */
export function reasonFor(dev: PciNode, finding: Exclude<Finding, { step: 'new' }>, judge: AcsJudge): GroupReason {
  return lazyReason(dev.bdf, finding.holder.bdf, kindFor(finding), () => textFor(dev, finding, judge));
}

function lazyReason(device: GroupReason['device'], via: GroupReason['via'], kind: ReasonKind, compose: () => string): GroupReason {
  let text: string | undefined;
  return {
    device,
    kind,
    via,
    get text() {
      return (text ??= compose());
    },
  };
}

function kindFor(finding: Exclude<Finding, { step: 'new' }>): ReasonKind {
  switch (finding.step) {
    case 'alias-walk':
      return 'dma-alias';
    case 'acs-path':
      return finding.failure.verdict.decidedBy === 'strict-switch' ? 'strict-switch' : 'acs-path';
    case 'alias-search': {
      const first = finding.links[0];
      if (!first) throw new Error(`internal: a group found by the alias search without a link (through ${finding.holder.bdf})`);
      const kinds: Record<SearchLink['via'], ReasonKind> = { 'dma-alias': 'same-bus-alias', slot: 'multifunction', 'strict-switch': 'strict-switch' };
      return kinds[first.via];
    }
  }
}

function textFor(dev: PciNode, finding: Exclude<Finding, { step: 'new' }>, judge: AcsJudge): string {
  switch (finding.step) {
    case 'alias-walk':
      return aliasWalkText(finding.hop);
    case 'acs-path': {
      const { at, verdict } = finding.failure;
      const bridge = finding.holder;
      if (at === bridge) {
        const whose = verdict.decidedBy === 'standard' && bridge.fn.pcieType !== null ? 'whose ACS does not isolate it' : 'which does not isolate it';
        return `below ${describe(bridge)}, ${whose} (${verdict.why})`;
      }
      return `below ${describe(bridge)}, whose path to the root is not isolated at ${describe(at)} (${verdict.why})`;
    }
    case 'alias-search': {
      const [first, ...rest] = finding.links;
      let text = linkText(first!, judge); // kindFor() has checked there is a first link
      if (rest.length > 0) text += `, which in turn reaches the group of ${finding.holder.bdf} through ${rest.map((l) => `${linkWord(l)} ${l.to.bdf}`).join(', ')}`;
      if (finding.owner !== dev) text = `its DMA is taken over by ${describe(finding.owner)}, which has no group of its own and is ${text}`;
      return text;
    }
  }
}

function aliasWalkText(hop: BridgeHop): string {
  const bridge = describe(hop.dev);
  switch (hop.kind) {
    case 'pcie-to-pci-bridge':
      return `behind ${bridge}, which takes ownership of its requester ID (alias ${hop.rid})`;
    case 'pcie-bridge-alias':
      return `behind ${bridge}, which is really a PCIe-to-PCI bridge (${hop.source}) and takes ownership of its requester ID (alias ${hop.rid})`;
    case 'pci-bridge':
    case 'pci-to-pcie-bridge':
      return `behind ${bridge}, which forwards its DMA under the bridge's own requester ID ${hop.rid}`;
  }
}

/** The relation of one link, as the start of a sentence about `link.from`. */
function linkText(link: SearchLink, judge: AcsJudge): string {
  switch (link.via) {
    case 'slot': {
      const why = judge.verdict(link.from).why;
      const without = why === 'multifunction without an ACS capability' ? 'without ACS' : `without ACS isolation (${why})`;
      return `a function of multifunction slot ${link.from.slot} ${without}, like ${link.to.bdf}`;
    }
    case 'dma-alias':
      return `a DMA alias of ${link.to.bdf} on the same bus: ${link.alias!.owner.bdf} ${link.alias!.source}`;
    case 'strict-switch': {
      const spoiler = judge.spoilerOf(link.from)!;
      return `a downstream port on the same switch bus as ${link.to.bdf}, merged by the strict-switch rule because ${spoiler.bdf} does not isolate (${judge.verdict(spoiler).why})`;
    }
  }
}

function linkWord(link: SearchLink): string {
  return { 'dma-alias': 'DMA alias', slot: 'slot sibling', 'strict-switch': 'strict-switch partner' }[link.via];
}
