// The autosaved session: the scenario (as a version-1 scenario file plus what the explorer knows of
// it), the policy, and the user's actions with their labels, so the event log reads as before.
// What is saved is what the user made: the scenario as edited (what-if edits applied) and the
// command steps as they run on it. The undo history itself is not kept: a restored session starts
// on the edited machine with the command steps as its history, no edit steps, and nothing to redo.
// Reading one back is readSession.ts: a page start without saved work does without the reader.
import type { Command } from '../model/kernel/commands.ts';
import type { PolicyName } from '../model/kernel/types.ts';
import { editScenario, replayActions } from '../store/derive.ts';
import type { ExplorerState } from '../store/explorerStore.ts';
import type { Scenario } from '../store/scenario.ts';
import type { StoredSession } from './readSession.ts';
import { metaOf, scenarioDocument } from './scenarioDocument.ts';

export const SESSION_VERSION = 1;

export interface SavedAction {
  label: string;
  commands: readonly Command[];
}

export interface RestoredSession {
  scenario: Scenario;
  policy: PolicyName;
  actions: SavedAction[];
  savedAt: string;
}

export type SessionRead = { ok: true; session: RestoredSession } | { ok: false; message: string };

export type SessionState = Pick<ExplorerState, 'baseScenario' | 'scenario' | 'grouping' | 'policy' | 'steps'>;

/**
 * The command steps as they run on the edited machine: each command carried through the edits
 * recorded after it (store/derive.ts). A command whose device an edit removed ends its action
 * there, as it does in the log.
 */
export function savedActions(state: SessionState): SavedAction[] {
  const effects = state.steps.some((s) => s.kind === 'edit') ? editScenario(state.baseScenario, state.steps).effects : new Map();
  return replayActions(state.steps, effects).map((a) => {
    const stop = a.unrunnable ? Math.min(...a.unrunnable.keys()) : a.commands.length;
    return { label: a.label, commands: a.commands.slice(0, stop) };
  });
}

export function sessionOf(state: SessionState, savedAt: Date): StoredSession {
  return {
    version: SESSION_VERSION,
    savedAt: savedAt.toISOString(),
    policy: state.policy,
    scenario: scenarioDocument(state.scenario, state.grouping, state.policy),
    meta: metaOf(state.scenario),
    actions: savedActions(state).map((a) => ({ label: a.label, commands: a.commands.map((c) => ({ ...c })) })),
  };
}
