// The scenario file (spec scenario-format.md) of what the explorer shows right now: the edited
// machine and every command of the log as it runs on it. What a user copies to report a fault.
import { scenarioDocument } from './scenarioDocument.ts';
import { savedActions, type SessionState } from './session.ts';

export function currentScenarioFile(state: SessionState): Record<string, unknown> {
  const commands = savedActions(state).flatMap((a) => a.commands);
  return { ...scenarioDocument(state.scenario, state.grouping, state.policy), commands };
}
