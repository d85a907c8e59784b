// The explorer's scenario as a scenario file (spec scenario-format.md, version 1, the structured
// topology) and back. Autosave stores it this way so a saved session is checked by the same reader
// as any file; share links arrive as the reader's scenario and become the explorer's here too.
import { SCENARIO_VERSION, normalTopology } from '../io/export/scenarioJson.ts';
import type { Scenario as ScenarioFile } from '../io/scenario.ts';
import type { Grouping } from '../model/grouping/types.ts';
import type { Command } from '../model/kernel/commands.ts';
import type { PolicyName } from '../model/kernel/types.ts';
import type { Scenario } from '../store/scenario.ts';

/**
 * What the explorer knows of a scenario beyond the file format: kept beside the file, not in it.
 * Its schema is with the session reader (readSession.ts), the one place it is read back.
 */
export interface ScenarioMeta {
  id: string;
  description: string;
  findings?: string[];
  amdIvrs?: boolean;
  machineOptions?: { strictSameDriver?: boolean; probeRefusals?: Record<string, string[]> };
}

export function metaOf(scenario: Scenario): ScenarioMeta {
  return {
    id: scenario.id,
    description: scenario.description,
    ...(scenario.findings ? { findings: [...scenario.findings] } : {}),
    ...(scenario.groupingSettings.amdIvrs === undefined ? {} : { amdIvrs: scenario.groupingSettings.amdIvrs }),
    ...(scenario.machineOptions ? { machineOptions: scenario.machineOptions as ScenarioMeta['machineOptions'] } : {}),
  };
}

/**
 * The scenario file of what the explorer shows, without commands (the session keeps the user's
 * actions itself). Groups the kernel listed travel as each function's kernelGroup.
 */
export function scenarioDocument(scenario: Scenario, grouping: Grouping, policy: PolicyName): Record<string, unknown> {
  const { acsOverride, strictSwitch } = scenario.groupingSettings;
  const topology = normalTopology({
    name: scenario.name,
    topology: scenario.topology,
    grouping,
    groupsFrom: scenario.givenGrouping ? 'kernel-listing' : 'computed',
    settings: { policy, acsOverride, strictSwitch },
    commands: [],
  });
  return { version: SCENARIO_VERSION, name: scenario.name, topology, settings: { policy, acsOverride, strictSwitch }, commands: [] };
}

/** A scenario as the file reader returns it (a file, a share link), as the explorer loads it. */
export function explorerScenario(file: ScenarioFile, meta: ScenarioMeta, policy?: PolicyName): Scenario {
  const { acsOverride, strictSwitch } = file.settings;
  return {
    id: meta.id,
    name: file.name,
    description: meta.description,
    topology: file.topology,
    groupingSettings: { acsOverride, strictSwitch, ...(meta.amdIvrs === undefined ? {} : { amdIvrs: meta.amdIvrs }) },
    ...(file.groupsFrom === 'kernel-listing' ? { givenGrouping: file.grouping } : {}),
    ...(meta.machineOptions ? { machineOptions: meta.machineOptions } : {}),
    ...(meta.findings ? { findings: meta.findings } : {}),
    ...(policy ? { policy } : {}),
    // The reader passes commands on as data; the model checks each one when the log replays.
    ...(file.commands.length > 0 ? { commands: file.commands as Command[] } : {}),
  };
}
