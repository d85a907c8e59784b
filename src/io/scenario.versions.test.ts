// Scenario files of other layout versions: version 1 (spec scenario-format.md) reads as it always
// has; a hand-written older, newer or unversioned file gets a message naming the version's line.
import { describe, expect, it } from 'vitest';
import { gpuWithAudio, rootPort, topology } from '../model/topology/builders.ts';
import { readScenario, readScenarioValue, SCENARIO_MIGRATIONS } from './scenario.ts';

const functions = topology(rootPort('00:01.0', { acs: true }, gpuWithAudio('01:00'))).functions;

const file = (version: unknown) =>
  ['{', '  "name": "hand-written",', `  "version": ${JSON.stringify(version)},`, `  "topology": { "functions": ${JSON.stringify(functions)} }`, '}'].join('\n');

describe('scenario versions', () => {
  it('version 1 is the current format and needs no migration', () => {
    expect(SCENARIO_MIGRATIONS).toEqual({});
    const r = readScenario(file(1), { source: 'old.json' });
    expect(r.ok && r.scenario.topology.functions).toHaveLength(functions.length);
  });

  it.each([
    [2, 'old.json, line 3: version: 2 is newer than this app reads (up to version 1); it was written by a later version of the app'],
    [0, 'old.json, line 3: version: 0 is not a scenario version (the first is 1)'],
    ['1.0', 'old.json, line 3: version: expected a whole number such as 1, found "1.0"'],
  ])('version %j is refused with a message naming its line', (version, message) => {
    const r = readScenario(file(version), { source: 'old.json' });
    expect(!r.ok && r.error).toEqual({ line: 3, message });
  });

  it('a file without a version says what the first line should hold', () => {
    const r = readScenario(JSON.stringify({ topology: { functions } }), { source: 'x.json' });
    expect(!r.ok && r.error.message).toBe('x.json, line 1: version: missing; a scenario starts with "version": 1');
  });

  it('a value without text (a link\'s payload) names its source instead of a line', () => {
    const r = readScenarioValue({ version: 9, topology: { functions } }, { source: 'its scenario' });
    expect(!r.ok && r.error).toEqual({ line: null, message: 'its scenario: version: 9 is newer than this app reads (up to version 1); it was written by a later version of the app' });
  });
});

describe('a structured topology that cannot be a PCI tree', () => {
  it('a function listed twice is an error naming the field, not an exception', () => {
    const twice = JSON.stringify({ version: 1, topology: { functions: [...functions, functions[0]] } }, null, 1);
    const r = readScenario(twice, { source: 't.json' });
    expect(!r.ok && r.error.message).toMatch(/^t\.json, line 4: topology\.functions: 0000:00:01\.0 appears twice in the topology$/);
  });
});
