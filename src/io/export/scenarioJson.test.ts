// The scenario file the app writes: `readScenario` reads it back to the same machine (topology,
// groups, settings, commands) for every built-in scenario, oracle fixture and real machine.
import { describe, expect, it } from 'vitest';
import { readScenario } from '../scenario.ts';
import { exportScenario } from './exportScenario.ts';
import type { ExportScenario } from './runScenario.ts';
import { scenarioJson } from './scenarioJson.ts';
import { builtInCases, fixtureCases, modelInputs, realCases } from './testing/exportCases.ts';
import { gpuRfcV2, legacyBug } from './testing/goldenScenarios.ts';

function readBack(text: string): ExportScenario {
  const r = readScenario(text, { source: 'export.json' });
  if (!r.ok) throw new Error(r.error.message);
  return r.scenario;
}

describe('scenario JSON round trip', () => {
  const cases = [...builtInCases(), ...fixtureCases(), ...realCases(), { name: 'rfc-v2 log', scenario: gpuRfcV2 }, { name: 'legacy log', scenario: legacyBug() }];

  it.each(cases.map((c) => [c.name, c.scenario] as const))('%s', (_name, scenario) => {
    expect(modelInputs(readBack(scenarioJson(scenario)))).toEqual(modelInputs(scenario));
  });

  it('keeps groups the kernel listed (not computable from the text) as the kernel listed them', () => {
    const listed = realCases().find((c) => c.scenario.groupsFrom === 'kernel-listing')!.scenario;
    const text = scenarioJson(listed);
    expect(text).toContain('"groupsFrom": "kernel-listing"');
    expect(readBack(text).grouping.groups.map((g) => g.devices)).toEqual(listed.grouping.groups.map((g) => g.devices));
  });

  it('export --format json writes the commands as the model reads them: full addresses', () => {
    const r = exportScenario({ ...gpuRfcV2, commands: [{ op: 'group.open', bdf: '01:00.0', note: 'dropped' }] }, 'json');
    if (!r.ok) throw new Error(r.error);
    expect(readBack(r.text).commands).toEqual([{ op: 'group.open', bdf: '0000:01:00.0' }]);
  });

  it('one function and one command per line, keys in a fixed order', () => {
    const text = scenarioJson(gpuRfcV2);
    expect(text).toMatch(/^\{\n {2}"version": 1,\n {2}"name": "GPU \+ HDMI audio, the \/dev\/ioasid RFC v2 path",\n {2}"topology": \{\n {4}"functions": \[\n {6}\{"bdf":"0000:00:00\.0","vendor":32902,/);
    expect(text).toContain('\n    {"op":"driver.unbind","bdf":"01:00.0"},\n');
    expect(text).toMatch(/\n {2}"settings": \{"policy":"rfc-v2","acsOverride":\[\],"strictSwitch":false\},\n/);
  });
});
