// The undo history: what the user did, as steps. A step is either a list of commands (a drag, one
// console command) or a what-if edit of the machine. Which store actions make a step is decided here,
// per action, in one table (Excalidraw marks each update as undoable now, later or never).
import type { ScenarioEdit } from '../model/edit/edits.ts';
import type { Command } from '../model/kernel/commands.ts';
import { normalizeBdf } from '../model/topology/bdf.ts';
import type { Bdf } from '../model/topology/types.ts';
import type { UserAction } from './log.ts';

export interface CommandStep extends UserAction {
  kind: 'commands';
}

export interface EditStep {
  id: number;
  kind: 'edit';
  /** For people: "move 0000:01:00.0 to 0000:00:1c.4". */
  label: string;
  edit: ScenarioEdit;
}

export type Step = CommandStep | EditStep;

/**
 * What each store action does to the history:
 * - `step`: appends one undoable step and clears the redo stack;
 * - `new-history`: replaces the history (nothing to undo, nothing to redo);
 * - `rewrite`: changes the steps themselves (the rest re-runs; the redo stack is cleared);
 * - `travel`: moves steps between the history and the redo stack;
 * - `none`: leaves the history alone (a view or a setting, or a gesture still in progress: a drag
 *   becomes a step only when it is dropped and its commands are performed).
 */
export const HISTORY_POLICY = {
  perform: 'step',
  changeDriver: 'step',
  edit: 'step',
  loadScenario: 'new-history',
  restorePrevious: 'new-history',
  deleteStep: 'rewrite',
  moveStep: 'rewrite',
  undo: 'travel',
  redo: 'travel',
  jumpTo: 'travel',
  setPolicy: 'none',
  select: 'none',
  toggleExpanded: 'none',
  setAnimations: 'none',
  showPanel: 'none',
  dismissNotice: 'none',
} as const;

export const isEditStep = (s: Step): s is EditStep => s.kind === 'edit';

/**
 * A command names devices by the addresses they had when it was recorded; an edit recorded after it
 * may move or renumber them (`renamed`, old -> new). The command follows its device: its `bdf` is
 * carried through every later edit's map. A device that a later edit removed, or whose address
 * another device took, is gone: the answer says so instead of hitting the newcomer.
 */
export type Carried = { ok: true; command: Command } | { ok: false; message: string };

export interface EditEffect {
  label: string;
  renamed: ReadonlyMap<Bdf, Bdf>;
  /** Every address in the topology after the edit. */
  present: ReadonlySet<Bdf>;
}

export function carryCommand(command: Command, laterEdits: readonly EditEffect[]): Carried {
  if (!('bdf' in command) || laterEdits.length === 0) return { ok: true, command };
  let bdf: Bdf;
  try {
    bdf = normalizeBdf(command.bdf);
  } catch {
    // A malformed address is the model's to report, with its own message.
    return { ok: true, command };
  }
  for (const effect of laterEdits) {
    const moved = effect.renamed.get(bdf);
    if (moved !== undefined) {
      bdf = moved;
      continue;
    }
    const gone = !effect.present.has(bdf) || [...effect.renamed.values()].includes(bdf);
    if (gone) return { ok: false, message: `${command.bdf} no longer exists after the edit "${effect.label}"` };
  }
  return { ok: true, command: bdf === command.bdf ? command : { ...command, bdf } };
}

/** For each command step, the edit steps before it, in order. */
function editsBefore(steps: readonly Step[]): Map<number, string> {
  const out = new Map<number, string>();
  const edits: number[] = [];
  for (const step of steps) {
    if (step.kind === 'edit') edits.push(step.id);
    else out.set(step.id, edits.join(','));
  }
  return out;
}

/**
 * Whether rewriting the steps (a delete or a move) would put a command on the other side of an
 * edit. A command names devices by their addresses on the machine as edited when it was recorded,
 * so such a rewrite would point it at whatever now has that address; it is refused instead.
 */
export function rewriteCrossesEdit(before: readonly Step[], after: readonly Step[]): boolean {
  const was = editsBefore(before);
  for (const [id, edits] of editsBefore(after)) if (was.get(id) !== edits) return true;
  return false;
}

export const CROSSES_EDIT =
  'Commands recorded after a what-if edit name devices by their addresses on the edited machine, so a command cannot change sides with an edit. Travel back to before the edit in the timeline instead.';
