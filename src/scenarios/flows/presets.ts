// The flows reviewers argue about, as scenario files (spec scenario-format.md) that load into the
// timeline: each command becomes one step to step through, undo, replay and compare. The files are
// plain scenario JSON, so `cli replay` reads them too; a `description` field says what to look at.
import { explorerScenario } from '../../persist/scenarioDocument.ts';
import { readScenarioValue } from '../../io/scenario.ts';
import { parseCommand, type Command } from '../../model/kernel/commands.ts';
import { createMachine } from '../../model/kernel/machine.ts';
import type { Scenario } from '../../store/scenario.ts';
import legacyType1 from './legacy-type1.scenario.json';
import seedDeviceFdNew from './seed-device-fd-new.scenario.json';
import upstreamCdev from './upstream-cdev.scenario.json';

export interface FlowPreset {
  id: string;
  /** The scenario the preset loads: its topology, its policy and its commands. */
  scenario: Scenario;
}

const FILES: readonly { id: string; file: string; json: unknown }[] = [
  { id: 'flow-seed-device-fd-new', file: 'seed-device-fd-new.scenario.json', json: seedDeviceFdNew },
  { id: 'flow-legacy-type1', file: 'legacy-type1.scenario.json', json: legacyType1 },
  { id: 'flow-upstream-cdev', file: 'upstream-cdev.scenario.json', json: upstreamCdev },
];

/** A preset file as the store's scenario; a file that does not read is a mistake in the project. */
export function presetFromFile(id: string, file: string, json: unknown): FlowPreset {
  const read = readScenarioValue(json, { source: file });
  if (!read.ok) throw new Error(`flow preset ${file}: ${read.error.message}`);
  const s = read.scenario;
  const { static: st } = createMachine(s.topology, s.grouping, { policy: s.settings.policy });
  const commands: Command[] = s.commands.map((raw, i) => {
    const parsed = parseCommand(st, raw);
    if (!parsed.ok) throw new Error(`flow preset ${file}: command ${i + 1}: ${parsed.message}`);
    return parsed.command;
  });
  const description = typeof (json as { description?: unknown }).description === 'string' ? (json as { description: string }).description : s.name;
  // The same conversion as any opened scenario file; the commands, checked above, replace the raw ones.
  const scenario: Scenario = { ...explorerScenario(s, { id, description }, s.settings.policy), commands };
  return { id, scenario };
}

export const FLOW_PRESETS: readonly FlowPreset[] = FILES.map((f) => presetFromFile(f.id, f.file, f.json));

export function flowPreset(id: string): FlowPreset | undefined {
  return FLOW_PRESETS.find((p) => p.id === id);
}
