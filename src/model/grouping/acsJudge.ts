// ACS verdicts as pci_device_group() consults them: pci_acs_enabled(dev, REQ_ACS_FLAGS) and
// pci_acs_path_enabled(dev, NULL, REQ_ACS_FLAGS), computed once per function, with the optional
// strict-switch rule on top. It remembers which functions were consulted, for the notes.
import { shortBdf } from '../topology/bdf.ts';
import { REQ_ACS_FLAGS } from './acsFlags.ts';
import { pciAcsEnabled, type AcsContext, type AcsVerdict } from './acsEnabled.ts';
import { pciAcsPathEnabled, type PathVerdict } from './acsPath.ts';
import { isRootBus, type PciBus, type PciNode, type PciTree } from './pciTree.ts';
import { isSwitchDownstreamPort, spoiledSwitchBuses } from './strictSwitch.ts';

/** Where pci_acs_path_enabled() failed, and why. */
export type PathFailure = PathVerdict<GroupingVerdict>;

/** A verdict of pci_acs_enabled(), or the strict-switch rule's verdict on an isolated downstream port. */
export type GroupingVerdict = AcsVerdict | { isolated: false; decidedBy: 'strict-switch'; spoiler: PciNode; why: string };

export class AcsJudge {
  private readonly verdicts = new Map<PciNode, AcsVerdict>();
  private readonly paths = new Map<PciNode, PathFailure | null>();
  /** Spoiled switch buses under the strict-switch rule (empty without it). */
  readonly spoiled: ReadonlyMap<PciBus, PciNode>;

  constructor(tree: PciTree, private readonly ctx: AcsContext, strictSwitch: boolean) {
    this.spoiled = strictSwitch ? spoiledSwitchBuses(tree, (dsp) => this.verdict(dsp).isolated) : new Map();
  }

  /** drivers/pci/pci.c pci_acs_enabled(node, REQ_ACS_FLAGS). */
  verdict(node: PciNode): AcsVerdict {
    let v = this.verdicts.get(node);
    if (!v) {
      v = pciAcsEnabled({ fn: node.fn, onRootBus: isRootBus(node.bus) }, REQ_ACS_FLAGS, this.ctx);
      this.verdicts.set(node, v);
    }
    return v;
  }

  /** Every function whose verdict the grouping asked for, with that verdict. */
  consulted(): ReadonlyMap<PciNode, AcsVerdict> {
    return this.verdicts;
  }

  /** The spoiling downstream port when `node` is a downstream port on a spoiled switch bus (strict switch). */
  spoilerOf(node: PciNode): PciNode | undefined {
    return isSwitchDownstreamPort(node) ? this.spoiled.get(node.bus) : undefined;
  }

  /** pci_acs_enabled() as the path walk sees it: with strict switch, a spoiled bus's ports are not isolated. */
  groupingVerdict(node: PciNode): GroupingVerdict {
    const own = this.verdict(node);
    const spoiler = this.spoilerOf(node);
    if (!own.isolated || spoiler === undefined) return own;
    return { isolated: false, decidedBy: 'strict-switch', spoiler, why: `strict switch: downstream port ${shortBdf(spoiler.bdf)} on the same switch bus does not isolate (${this.verdict(spoiler).why})` };
  }

  /** pci_acs_path_enabled(node, NULL, REQ_ACS_FLAGS) with the strict-switch rule: null when isolated to the root. */
  pathFailure(node: PciNode): PathFailure | null {
    let failure = this.paths.get(node);
    if (failure === undefined) {
      failure = pciAcsPathEnabled(node, (n) => this.groupingVerdict(n));
      this.paths.set(node, failure);
    }
    return failure;
  }
}
