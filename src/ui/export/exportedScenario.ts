// The scenario every export writes, taken from the store: the machine as it is now (with the user's
// what-if edits), its groups, the policy and grouping settings, and the command log as it ran.
import type { ExportScenario } from '../../io/export/runScenario.ts';
import type { ExplorerState } from '../../store/explorerStore.ts';

export type ExportSource = Pick<ExplorerState, 'scenario' | 'grouping' | 'policy' | 'replay'>;

export function exportedScenario(s: ExportSource): ExportScenario {
  const { scenario } = s;
  return {
    name: scenario.name,
    topology: scenario.topology,
    grouping: s.grouping,
    // An edited import loses its given groups (store/derive.ts), so this is true only while unedited.
    groupsFrom: scenario.givenGrouping ? 'kernel-listing' : 'computed',
    settings: { policy: s.policy, acsOverride: [...scenario.groupingSettings.acsOverride], strictSwitch: scenario.groupingSettings.strictSwitch },
    // The commands as they ran (addresses carried through edits). A command the model could not
    // read, or one whose device an edit removed, changed nothing and would stop a replay of the file.
    commands: s.replay.entries.filter((e) => e.outcome.ok || e.outcome.error.reason !== 'invalid-command').map((e) => e.command),
  };
}
