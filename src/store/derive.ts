// Everything the store shows is derived from the loaded scenario, the steps and the policy: the
// edited machine (every edit step applied in order), its groups, and the command log replayed on it.
import { applyEdit } from '../model/edit/applyEdit.ts';
import { computeGroups } from '../model/grouping/computeGroups.ts';
import type { Grouping } from '../model/grouping/types.ts';
import { createMachine } from '../model/kernel/machine.ts';
import type { MachineState, PolicyName } from '../model/kernel/types.ts';
import type { Bdf } from '../model/topology/types.ts';
import { carryCommand, type EditEffect, type Step } from './history.ts';
import { replayAll, type Replay, type UserAction } from './log.ts';
import type { Scenario } from './scenario.ts';

export interface EditedScenario {
  scenario: Scenario;
  grouping: Grouping;
  /** One effect per edit step that applied, keyed by step id. */
  effects: ReadonlyMap<number, EditEffect>;
  /** Edit steps that no longer apply (an earlier step was deleted or moved), with why. */
  editFailures: ReadonlyMap<number, string>;
}

const AFTER_EDITS = 'After your edits the groups are computed from the edited topology; what the import found about the groups described the machine before them.';

/** The loaded scenario with every edit step applied in order. */
export function editScenario(base: Scenario, steps: readonly Step[]): EditedScenario {
  let topology = base.topology;
  let groupingSettings = base.groupingSettings;
  const effects = new Map<number, EditEffect>();
  const editFailures = new Map<number, string>();
  for (const step of steps) {
    if (step.kind !== 'edit') continue;
    const result = applyEdit({ topology, groupingSettings }, step.edit);
    if (!result.ok) {
      editFailures.set(step.id, result.message);
      continue;
    }
    topology = result.topology;
    groupingSettings = result.groupingSettings;
    effects.set(step.id, { label: step.label, renamed: result.renamed, present: new Set(topology.functions.map((f) => f.bdf)) });
  }
  if (effects.size === 0) {
    return { scenario: base, grouping: base.givenGrouping ?? computeGroups(base.topology, base.groupingSettings), effects, editFailures };
  }
  // An edit makes a kernel's listing of the old machine, and what was found comparing with it,
  // meaningless: the groups are computed again and the findings say so instead.
  const scenario: Scenario = { ...base, topology, groupingSettings };
  delete scenario.givenGrouping;
  if (base.findings) scenario.findings = [AFTER_EDITS];
  return { scenario, grouping: computeGroups(topology, groupingSettings), effects, editFailures };
}

/** The command steps as replay actions, each command carried through the edits recorded after it. */
export function replayActions(steps: readonly Step[], effects: ReadonlyMap<number, EditEffect>): UserAction[] {
  const actions: UserAction[] = [];
  const later: EditEffect[] = [];
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    if (step.kind === 'edit') {
      const effect = effects.get(step.id);
      if (effect) later.unshift(effect);
      continue;
    }
    const commands = [];
    const unrunnable = new Map<number, string>();
    for (const [index, command] of step.commands.entries()) {
      const carried = carryCommand(command, later);
      if (carried.ok) commands.push(carried.command);
      else {
        commands.push(command);
        unrunnable.set(index, carried.message);
      }
    }
    actions.unshift({ id: step.id, label: step.label, commands, ...(unrunnable.size > 0 ? { unrunnable } : {}) });
  }
  return actions;
}

export function freshMachine(scenario: Scenario, grouping: Grouping, policy: PolicyName): MachineState {
  return createMachine(scenario.topology, grouping, { ...scenario.machineOptions, policy });
}

export interface Derived extends EditedScenario {
  replay: Replay;
}

export function deriveAll(base: Scenario, steps: readonly Step[], policy: PolicyName): Derived {
  const edited = editScenario(base, steps);
  const replay = replayAll(freshMachine(edited.scenario, edited.grouping, policy), replayActions(steps, edited.effects));
  return { ...edited, replay };
}

/** Composes address maps: first `a`, then `b`. */
export function composeRenames(a: ReadonlyMap<Bdf, Bdf>, b: ReadonlyMap<Bdf, Bdf>): Map<Bdf, Bdf> {
  const out = new Map<Bdf, Bdf>();
  for (const [from, to] of a) out.set(from, b.get(to) ?? to);
  const targets = new Set(a.values());
  for (const [from, to] of b) if (!a.has(from) && !targets.has(from)) out.set(from, to);
  for (const [from, to] of out) if (from === to) out.delete(from);
  return out;
}

export function invertRenames(m: ReadonlyMap<Bdf, Bdf>): Map<Bdf, Bdf> {
  return new Map([...m].map(([from, to]) => [to, from]));
}
