// The explorer's one store: the scenario and the user's actions are its inputs; the replayed machine
// is derived from them and replaced, never edited. Actions are thin: they record what the user did
// and let the model decide. Plain zustand (vanilla): no React, no I/O, testable in Node.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { computeGroups } from '../model/grouping/computeGroups.ts';
import type { Grouping } from '../model/grouping/types.ts';
import type { Command } from '../model/kernel/commands.ts';
import { createMachine } from '../model/kernel/machine.ts';
import type { GroupId, MachineState, PolicyName } from '../model/kernel/types.ts';
import type { Bdf } from '../model/topology/types.ts';
import { describeTarget, planDriverChange, type DriverTarget } from './driverPlan.ts';
import { currentMachine, dropTrailingAction, replayAll, runAction, type LogEntry, type Replay, type UserAction } from './log.ts';
import { noticesFor, type Notice } from './notices.ts';
import type { Scenario } from './scenario.ts';

export type Selection = { kind: 'device'; bdf: Bdf } | { kind: 'group'; id: GroupId } | { kind: 'domain'; id: string };

export interface UiSettings {
  /** Transitions and pulses; off for people who prefer reduced motion and in tests. */
  animations: boolean;
}

export interface ExplorerState {
  scenario: Scenario;
  /** The scenario's groups, computed once per scenario (or as the kernel listed them). */
  grouping: Grouping;
  policy: PolicyName;
  /** What the user did, oldest first: the undo stack and the replay input. */
  actions: readonly UserAction[];
  /** The log as it ran under the current policy. */
  replay: Replay;
  /** The machine after the last entry of `replay` (kept here so every reader sees one object). */
  machine: MachineState;
  selection: Selection | null;
  /** Keys of collapsed sibling sets the user opened (src/ui/graph/collapse.ts). */
  expanded: ReadonlySet<string>;
  settings: UiSettings;
  /** Refusals and probe answers still to show, oldest first. */
  notices: readonly Notice[];
  /** Next id for actions and notices. */
  nextId: number;
}

export interface ExplorerActions {
  loadScenario(scenario: Scenario): void;
  /** Replays the same actions under another policy's rules. */
  setPolicy(policy: PolicyName): void;
  /** Records one user action of one or more commands; returns the entries that ran. */
  perform(label: string, commands: readonly Command[]): LogEntry[];
  /** Moves a device to a driver (or to none) the way a passthrough tool does it. */
  changeDriver(bdf: Bdf, target: DriverTarget): LogEntry[];
  /** Removes the last user action and everything it did. */
  undo(): void;
  select(selection: Selection | null): void;
  toggleExpanded(key: string): void;
  setAnimations(on: boolean): void;
  dismissNotice(id: number): void;
}

export type Explorer = ExplorerState & ExplorerActions;
export type ExplorerStore = StoreApi<Explorer>;

function groupingOf(scenario: Scenario): Grouping {
  return scenario.givenGrouping ?? computeGroups(scenario.topology, scenario.groupingSettings);
}

function freshMachine(scenario: Scenario, grouping: Grouping, policy: PolicyName): MachineState {
  return createMachine(scenario.topology, grouping, { ...scenario.machineOptions, policy });
}

/** The scenario's own commands become one action each, so undo steps back through them. */
function scenarioActions(scenario: Scenario, firstId: number): UserAction[] {
  return (scenario.commands ?? []).map((command, i) => ({ id: firstId + i, label: 'scenario', commands: [command] }));
}

function loaded(scenario: Scenario, policy: PolicyName, nextId: number): Omit<ExplorerState, 'settings'> {
  const grouping = groupingOf(scenario);
  const actions = scenarioActions(scenario, nextId);
  const replay = replayAll(freshMachine(scenario, grouping, policy), actions);
  return {
    scenario,
    grouping,
    policy,
    actions,
    replay,
    machine: currentMachine(replay),
    selection: null,
    expanded: new Set(),
    notices: [],
    nextId: nextId + actions.length,
  };
}

const MAX_NOTICES = 4;

export interface ExplorerOptions {
  policy?: PolicyName;
  settings?: Partial<UiSettings>;
}

export function createExplorerStore(scenario: Scenario, options: ExplorerOptions = {}): ExplorerStore {
  const policy = scenario.policy ?? options.policy ?? 'upstream';
  return createStore<Explorer>()((set, get) => ({
    ...loaded(scenario, policy, 1),
    settings: { animations: true, ...options.settings },

    loadScenario: (next) => set((s) => loaded(next, next.policy ?? s.policy, s.nextId)),

    setPolicy: (next) =>
      set((s) => {
        if (next === s.policy) return s;
        const replay = replayAll(freshMachine(s.scenario, s.grouping, next), s.actions);
        return { policy: next, replay, machine: currentMachine(replay) };
      }),

    perform: (label, commands) => {
      if (commands.length === 0) return [];
      const s = get();
      const action: UserAction = { id: s.nextId, label, commands };
      const { replay, added } = runAction(s.replay, action);
      const fresh = noticesFor(added, s.nextId + 1);
      set({
        actions: [...s.actions, action],
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

    undo: () =>
      set((s) => {
        const last = s.actions[s.actions.length - 1];
        if (!last) return s;
        const replay = dropTrailingAction(s.replay, last.id);
        return { actions: s.actions.slice(0, -1), replay, machine: currentMachine(replay), notices: [] };
      }),

    select: (selection) => set({ selection }),

    toggleExpanded: (key) =>
      set((s) => {
        const expanded = new Set(s.expanded);
        if (!expanded.delete(key)) expanded.add(key);
        return { expanded };
      }),

    setAnimations: (on) => set((s) => ({ settings: { ...s.settings, animations: on } })),

    dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  }));
}
