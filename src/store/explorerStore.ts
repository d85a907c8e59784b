// The explorer's one store: the loaded scenario and the user's steps are its inputs; the edited
// machine, its groups and the replayed log are derived from them and replaced, never edited. Actions
// are thin: they record what the user did and let the model decide. Which actions are undoable is
// decided in history.ts (HISTORY_POLICY). Plain zustand (vanilla): no React, no I/O, testable in Node.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ScenarioEdit } from '../model/edit/edits.ts';
import type { Grouping } from '../model/grouping/types.ts';
import type { Command } from '../model/kernel/commands.ts';
import type { GroupId, MachineState, PolicyName } from '../model/kernel/types.ts';
import type { Bdf } from '../model/topology/types.ts';
import { composeRenames, deriveAll, invertRenames, type Derived } from './derive.ts';
import { describeTarget, planDriverChange, type DriverTarget } from './driverPlan.ts';
import { CROSSES_EDIT, isEditStep, rewriteCrossesEdit, type CommandStep, type EditEffect, type Step } from './history.ts';
import { currentMachine, dropTrailingAction, runAction, type LogEntry, type Replay } from './log.ts';
import { noticesFor, outcomeChanges, type Notice } from './notices.ts';
import { DEFAULT_DOCK_PANELS, withPanel, type DockPanels, type PanelId } from './panels.ts';
import type { Scenario } from './scenario.ts';

export type Selection = { kind: 'device'; bdf: Bdf } | { kind: 'group'; id: GroupId } | { kind: 'domain'; id: string };

export interface UiSettings {
  /** Transitions and pulses; off for people who prefer reduced motion and in tests. */
  animations: boolean;
}

/** How the groups changed with the last step that changed them (for the "What changed" panel). */
export interface GroupingChange {
  /** What caused it: an edit's label, or "undo ..." / "redo ...". */
  label: string;
  before: Grouping;
  after: Grouping;
  /** Addresses that moved across the change, old -> new. */
  renamed: ReadonlyMap<Bdf, Bdf>;
}

export interface PreviousWork {
  baseScenario: Scenario;
  policy: PolicyName;
  steps: readonly Step[];
  future: readonly Step[];
}

export interface ExplorerState {
  /** The scenario as loaded (built in, imported, opened from a link). */
  baseScenario: Scenario;
  /** The loaded scenario with every edit step applied: the machine the log runs on. */
  scenario: Scenario;
  /** The scenario's groups (computed, or as the kernel listed them for an unedited import). */
  grouping: Grouping;
  policy: PolicyName;
  /** What the user did, oldest first: the undo history and the replay input. */
  steps: readonly Step[];
  /** Steps undone and not yet redone; future[0] is the next redo. */
  future: readonly Step[];
  /** Edit steps that no longer apply (after a step was deleted or moved), with why. */
  editFailures: ReadonlyMap<number, string>;
  /** The command steps as they ran under the current policy on the edited machine. */
  replay: Replay;
  /** The machine after the last entry of `replay` (kept here so every reader sees one object). */
  machine: MachineState;
  lastChange: GroupingChange | null;
  /** The work the last opened scenario replaced, kept so that opening a scenario loses nothing. */
  previous: PreviousWork | null;
  selection: Selection | null;
  /** Keys of collapsed sibling sets the user opened (src/ui/graph/collapse.ts). */
  expanded: ReadonlySet<string>;
  settings: UiSettings;
  panels: DockPanels;
  /** Refusals and probe answers still to show, oldest first. */
  notices: readonly Notice[];
  /** Next id for steps and notices. */
  nextId: number;
}

export interface ExplorerActions {
  /** Starts a new history on a scenario; its own commands become one step each. */
  loadScenario(scenario: Scenario): void;
  /** Goes back to the work the last opened scenario replaced (and keeps the current work instead). */
  restorePrevious(): void;
  /** Replays the same steps under another policy's rules. */
  setPolicy(policy: PolicyName): void;
  /** Records one step of one or more commands; returns the entries that ran. */
  perform(label: string, commands: readonly Command[]): LogEntry[];
  /** Moves a device to a driver (or to none) the way a passthrough tool does it. */
  changeDriver(bdf: Bdf, target: DriverTarget): LogEntry[];
  /** Records a what-if edit of the machine; false (with a notice saying why) when it cannot apply. */
  edit(label: string, edit: ScenarioEdit): boolean;
  undo(): void;
  redo(): void;
  /** Undoes or redoes until exactly `count` steps are done: the timeline's time travel. */
  jumpTo(count: number): void;
  deleteStep(id: number): void;
  /** Moves a done step to another position among the done steps; the rest re-runs. */
  moveStep(id: number, toIndex: number): void;
  select(selection: Selection | null): void;
  toggleExpanded(key: string): void;
  setAnimations(on: boolean): void;
  showPanel(id: PanelId): void;
  dismissNotice(id: number): void;
}

export type Explorer = ExplorerState & ExplorerActions;
export type ExplorerStore = StoreApi<Explorer>;

const MAX_NOTICES = 4;

export interface ExplorerOptions {
  policy?: PolicyName;
  settings?: Partial<UiSettings>;
}

type Derivable = Pick<ExplorerState, 'scenario' | 'grouping' | 'editFailures' | 'replay' | 'machine'>;

function fromDerived(d: Derived): Derivable {
  return { scenario: d.scenario, grouping: d.grouping, editFailures: d.editFailures, replay: d.replay, machine: currentMachine(d.replay) };
}

/** The scenario's own commands become one step each, so undo steps back through them. */
function scenarioSteps(scenario: Scenario, firstId: number): CommandStep[] {
  return (scenario.commands ?? []).map((command, i) => ({ id: firstId + i, kind: 'commands', label: 'scenario', commands: [command] }));
}

function renamesOf(d: Derived, ids: readonly number[]): ReadonlyMap<Bdf, Bdf> {
  let m: ReadonlyMap<Bdf, Bdf> = new Map();
  for (const id of ids) {
    const effect: EditEffect | undefined = d.effects.get(id);
    if (effect) m = composeRenames(m, effect.renamed);
  }
  return m;
}

export function createExplorerStore(scenario: Scenario, options: ExplorerOptions = {}): ExplorerStore {
  const initialPolicy = scenario.policy ?? options.policy ?? 'upstream';

  const loaded = (next: Scenario, policy: PolicyName, nextId: number) => {
    const steps = scenarioSteps(next, nextId);
    return {
      baseScenario: next,
      policy,
      steps,
      future: [],
      ...fromDerived(deriveAll(next, steps, policy)),
      lastChange: null,
      selection: null,
      expanded: new Set<string>(),
      notices: [],
      nextId: nextId + steps.length,
    };
  };

  return createStore<Explorer>()((set, get) => {
    /** Appends notices, keeping the newest few. */
    const notify = (s: ExplorerState, fresh: readonly Omit<Notice, 'id'>[]) => ({
      notices: [...s.notices, ...fresh.map((n, i) => ({ ...n, id: s.nextId + i }))].slice(-MAX_NOTICES),
      nextId: s.nextId + fresh.length,
    });

    /**
     * Sets new steps and future. Command steps added or removed at the end reuse the replay; anything
     * else (an edit crossed, a rewrite) derives everything again and says which answers changed.
     */
    const travel = (steps: readonly Step[], future: readonly Step[], cause: string) => {
      const s = get();
      const common = commonPrefix(s.steps, steps);
      const removed = s.steps.slice(common);
      const added = steps.slice(common);
      const onePrefixOfOther = removed.length === 0 || added.length === 0;
      if (onePrefixOfOther && ![...removed, ...added].some(isEditStep)) {
        let replay = s.replay;
        for (const step of [...removed].reverse()) replay = dropTrailingAction(replay, step.id);
        for (const step of added as CommandStep[]) replay = runAction(replay, step).replay;
        set({ steps, future, replay, machine: currentMachine(replay) });
        return;
      }
      const before = deriveAll(s.baseScenario, s.steps, s.policy);
      const after = deriveAll(s.baseScenario, steps, s.policy);
      const crossedEdits = [...removed, ...added].some(isEditStep);
      const renamed = composeRenames(invertRenames(renamesOf(before, removed.map((x) => x.id).reverse())), renamesOf(after, added.map((x) => x.id)));
      const keptIds = new Set(steps.map((x) => x.id));
      const kept = new Set(s.steps.filter((x) => keptIds.has(x.id)).map((x) => x.id));
      const changes = outcomeChanges(s.replay.entries, after.replay.entries, kept, cause);
      set({
        steps,
        future,
        ...fromDerived(after),
        lastChange: crossedEdits ? { label: cause, before: s.grouping, after: after.grouping, renamed } : s.lastChange,
        ...notify(get(), changes ? [changes] : []),
      });
    };

    return {
      ...loaded(scenario, initialPolicy, 1),
      previous: null,
      settings: { animations: true, ...options.settings },
      panels: DEFAULT_DOCK_PANELS,

      loadScenario: (next) =>
        set((s) => {
          const fresh = loaded(next, next.policy ?? s.policy, s.nextId);
          const work = s.steps.length + s.future.length;
          if (work === 0) return { ...fresh, previous: s.previous };
          const kept: Omit<Notice, 'id'> = {
            tone: 'info',
            title: `opened "${next.name}"`,
            message: `Your ${work} step${work === 1 ? '' : 's'} on "${s.baseScenario.name}" ${work === 1 ? 'is' : 'are'} kept until another scenario with work is opened.`,
            action: 'restore-previous',
          };
          return { ...fresh, previous: workOf(s), notices: [{ ...kept, id: fresh.nextId }], nextId: fresh.nextId + 1 };
        }),

      restorePrevious: () =>
        set((s) => {
          const back = s.previous;
          if (!back) return s;
          const d = deriveAll(back.baseScenario, back.steps, back.policy);
          const current = s.steps.length + s.future.length > 0 ? workOf(s) : null;
          return {
            baseScenario: back.baseScenario,
            policy: back.policy,
            steps: back.steps,
            future: back.future,
            ...fromDerived(d),
            previous: current,
            lastChange: null,
            selection: null,
            expanded: new Set<string>(),
            notices: [],
          };
        }),

      setPolicy: (next) =>
        set((s) => {
          if (next === s.policy) return s;
          const d = deriveAll(s.baseScenario, s.steps, next);
          return { policy: next, replay: d.replay, machine: currentMachine(d.replay) };
        }),

      perform: (label, commands) => {
        if (commands.length === 0) return [];
        const s = get();
        const step: CommandStep = { id: s.nextId, kind: 'commands', label, commands };
        const { replay, added } = runAction(s.replay, step);
        const fresh = noticesFor(added, s.nextId + 1);
        set({
          steps: [...s.steps, step],
          future: [],
          replay,
          machine: currentMachine(replay),
          notices: [...s.notices, ...fresh].slice(-MAX_NOTICES),
          nextId: s.nextId + 1 + fresh.length,
        });
        return added;
      },

      changeDriver: (bdf, target) => {
        const plan = planDriverChange(get().machine, bdf, target);
        return get().perform(`drag ${bdf} to ${describeTarget(target)}`, plan);
      },

      edit: (label, edit) => {
        const s = get();
        const step: Step = { id: s.nextId, kind: 'edit', label, edit };
        const trial = deriveAll(s.baseScenario, [...s.steps, step], s.policy);
        const failure = trial.editFailures.get(step.id);
        if (failure !== undefined) {
          set(notify(s, [{ tone: 'error', title: `cannot ${label}`, message: failure }]));
          return false;
        }
        set({ nextId: s.nextId + 1 });
        travel([...s.steps, step], [], label);
        return true;
      },

      undo: () => {
        const s = get();
        const last = s.steps[s.steps.length - 1];
        if (!last) return;
        travel(s.steps.slice(0, -1), [last, ...s.future], `undo ${last.label}`);
      },

      redo: () => {
        const s = get();
        const next = s.future[0];
        if (!next) return;
        travel([...s.steps, next], s.future.slice(1), `redo ${next.label}`);
      },

      jumpTo: (count) => {
        const s = get();
        const all = [...s.steps, ...s.future];
        const at = Math.max(0, Math.min(all.length, Math.trunc(count)));
        if (at === s.steps.length) return;
        travel(all.slice(0, at), all.slice(at), `go to step ${at}`);
      },

      deleteStep: (id) => {
        const s = get();
        const step = s.steps.find((x) => x.id === id);
        if (!step) return;
        const steps = s.steps.filter((x) => x.id !== id);
        if (rewriteCrossesEdit(s.steps, steps)) {
          set(notify(s, [{ tone: 'error', title: `cannot delete ${step.label}`, message: CROSSES_EDIT }]));
          return;
        }
        travel(steps, [], `delete ${step.label}`);
      },

      moveStep: (id, toIndex) => {
        const s = get();
        const from = s.steps.findIndex((x) => x.id === id);
        if (from < 0) return;
        const steps = [...s.steps];
        const [step] = steps.splice(from, 1);
        const to = Math.max(0, Math.min(steps.length, Math.trunc(toIndex)));
        if (to === from) return;
        steps.splice(to, 0, step!);
        if (rewriteCrossesEdit(s.steps, steps)) {
          set(notify(s, [{ tone: 'error', title: `cannot move ${step!.label}`, message: CROSSES_EDIT }]));
          return;
        }
        travel(steps, [], `move ${step!.label}`);
      },

      select: (selection) => set({ selection }),

      toggleExpanded: (key) =>
        set((s) => {
          const expanded = new Set(s.expanded);
          if (!expanded.delete(key)) expanded.add(key);
          return { expanded };
        }),

      setAnimations: (on) => set((s) => ({ settings: { ...s.settings, animations: on } })),

      showPanel: (id) => set((s) => ({ panels: withPanel(s.panels, id) })),

      dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
    };
  });
}

function workOf(s: ExplorerState): PreviousWork {
  return { baseScenario: s.baseScenario, policy: s.policy, steps: s.steps, future: s.future };
}

function commonPrefix(a: readonly Step[], b: readonly Step[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}
