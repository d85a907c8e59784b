// applyEdit(): one what-if edit applied to a scenario's topology and grouping settings (issue 8).
// Pure; every refusal comes back as a message (EditRefusal); any other exception is a bug.
import { buildPciTree } from '../grouping/pciTree.ts';
import type { GroupingSettings } from '../grouping/types.ts';
import type { Bdf, Topology } from '../topology/types.ts';
import { normalizeAcs } from './acsEdit.ts';
import { numberBuses } from './busNumbers.ts';
import { cardOf, checkMove, checkTarget, nodeAt, plug, unplug } from './cards.ts';
import { treeOf, type EditTree } from './editTree.ts';
import { TEMPLATE_LABELS, type ScenarioEdit } from './edits.ts';
import { normalizeOverride } from './overrideWords.ts';
import { buildTemplate, isPcieTemplate } from './templates.ts';
import { EditRefusal, editBdf } from './refusal.ts';

export interface EditSubject {
  topology: Topology;
  groupingSettings: GroupingSettings;
}

export type EditResult =
  | { ok: true; topology: Topology; groupingSettings: GroupingSettings; renamed: ReadonlyMap<Bdf, Bdf> }
  | { ok: false; message: string };

const NO_RENAMES: ReadonlyMap<Bdf, Bdf> = new Map();

export function applyEdit(subject: EditSubject, edit: ScenarioEdit): EditResult {
  try {
    return apply(subject, edit);
  } catch (e) {
    if (e instanceof EditRefusal) return { ok: false, message: e.message };
    throw e;
  }
}

function apply(subject: EditSubject, edit: ScenarioEdit): EditResult {
  const { topology, groupingSettings } = subject;
  switch (edit?.op) {
    case 'card.move':
    case 'device.add':
    case 'device.remove':
      return rebuild(subject, (tree) => structural(tree, edit));
    case 'acs.set': {
      const bdf = editBdf(String(edit.bdf));
      if (!topology.functions.some((f) => f.bdf === bdf)) throw new EditRefusal(`${edit.bdf} is not in the topology`);
      const acs = normalizeAcs(edit.acs);
      const functions = topology.functions.map((f) => withoutKernelGroup(f.bdf === bdf ? { ...f, acs } : f));
      return { ok: true, topology: { ...topology, functions }, groupingSettings, renamed: NO_RENAMES };
    }
    case 'settings.acsOverride':
      return { ok: true, topology, groupingSettings: { ...groupingSettings, acsOverride: normalizeOverride(edit.value) }, renamed: NO_RENAMES };
    case 'settings.strictSwitch': {
      const value: unknown = edit.value;
      if (typeof value !== 'boolean') throw new EditRefusal(`strict switch must be true or false, not ${JSON.stringify(value)}`);
      return { ok: true, topology, groupingSettings: { ...groupingSettings, strictSwitch: value }, renamed: NO_RENAMES };
    }
    default:
      throw new EditRefusal(`unknown edit ${JSON.stringify((edit as { op?: unknown } | null)?.op ?? edit)}`);
  }
}

function structural(tree: EditTree, edit: Extract<ScenarioEdit, { op: 'card.move' | 'device.add' | 'device.remove' }>): void {
  switch (edit.op) {
    case 'card.move': {
      const card = cardOf(tree, nodeAt(tree, edit.bdf, 'the card'));
      const target = nodeAt(tree, edit.to, 'the target');
      checkMove(card, target);
      unplug(tree, card);
      plug(tree, card, target);
      return;
    }
    case 'device.remove': {
      const node = nodeAt(tree, edit.bdf, 'the device');
      if (node.fn.physfn !== undefined) throw new EditRefusal(`${edit.bdf} is a VF of ${node.fn.physfn}; remove the PF's card instead`);
      unplug(tree, cardOf(tree, node));
      return;
    }
    case 'device.add': {
      const card = buildTemplate(edit.template, edit.options ?? {});
      const root = rootBusKey(edit.at);
      if (root !== null) {
        if (!tree.roots.has(root)) throw new EditRefusal(`there is no root bus ${edit.at}`);
        if (isPcieTemplate(edit.template)) throw new EditRefusal(`the ${TEMPLATE_LABELS[edit.template]} needs a PCIe slot: add it below a root port or a switch downstream port`);
        plug(tree, card, null, root);
        return;
      }
      const target = nodeAt(tree, edit.at, 'the slot');
      checkTarget(target);
      plug(tree, card, target);
      return;
    }
  }
}

/** `dddd:bb` or `bb` names a root bus; anything else is a bridge address. */
function rootBusKey(at: unknown): string | null {
  if (typeof at !== 'string') throw new EditRefusal(`the slot must be an address, not ${JSON.stringify(at)}`);
  const m = /^(?:([0-9a-f]{4}):)?([0-9a-f]{2})$/i.exec(at.trim());
  return m ? `${(m[1] ?? '0000').toLowerCase()}:${m[2]!.toLowerCase()}` : null;
}

function rebuild(subject: EditSubject, change: (tree: EditTree) => void): EditResult {
  const tree = treeOf(subject.topology);
  change(tree);
  const { topology, renamed } = numberBuses(tree);
  if (topology.functions.length === 0) throw new EditRefusal('that would leave no device at all');
  // The grouping's own consistency checks (one bridge per bus, no cycles) must pass on the result.
  buildPciTree(topology);
  return { ok: true, topology: { ...topology, functions: topology.functions.map(withoutKernelGroup) }, groupingSettings: subject.groupingSettings, renamed };
}

/** A kernel's group listing describes the machine before the edit, not after. */
function withoutKernelGroup<T extends { kernelGroup?: number }>(f: T): T {
  if (f.kernelGroup === undefined) return f;
  const copy = { ...f };
  delete copy.kernelGroup;
  return copy;
}
