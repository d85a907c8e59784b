// Scenario files: the three topology forms, settings defaults, and messages that name the line.
import { describe, expect, it } from 'vitest';
import { loadOracleFixture } from '../testing/fixtures.ts';
import { gpuWithAudio, rootPort, topology } from '../model/topology/builders.ts';
import { readScenario } from './scenario.ts';

const gpuPair = topology(rootPort('00:01.0', { acs: true }, gpuWithAudio('01:00')));

describe('readScenario', () => {
  it('reads the app\'s structured topology and computes its groups; settings default to upstream', () => {
    const r = readScenario(JSON.stringify({ version: 1, topology: { functions: gpuPair.functions }, commands: [{ op: 'group.open', bdf: '01:00.0' }] }));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.scenario.settings).toEqual({ policy: 'upstream', acsOverride: [], strictSwitch: false });
    expect(r.scenario.groupsFrom).toBe('computed');
    expect(r.scenario.grouping.groups.find((g) => g.devices.includes('0000:01:00.0'))?.devices).toEqual(['0000:01:00.0', '0000:01:00.1']);
    expect(r.scenario.commands).toHaveLength(1);
  });
  it('reads lspci text given inline', () => {
    const r = readScenario(JSON.stringify({ version: 1, topology: { lspciText: loadOracleFixture('b-multifunction').lspci } }), { source: 's.json' });
    expect(r.ok && r.scenario.topology.functions.length).toBe(9);
  });
  it('names the line of a schema problem and of broken JSON', () => {
    const bad = readScenario('{\n  "version": 1,\n  "topology": { "functions": [] },\n  "settings": { "policy": "plan9" }\n}', { source: 's.json' });
    expect(!bad.ok && bad.error.message).toMatch(/^s\.json, line 4: settings\.policy: /);
    const broken = readScenario('{\n  "version": 1,\n  oops\n}', { source: 's.json' });
    expect(!broken.ok && broken.error.message).toMatch(/^s\.json, line 3: not valid JSON/);
  });
  it('names the field at fault inside a structured topology, not just "Invalid input"', () => {
    const bad = readScenario(JSON.stringify({ version: 1, topology: { functions: [{ ...gpuPair.functions[0], bdf: 'zz:00.0' }] } }));
    expect(!bad.ok && bad.error.message).toBe('line 1: topology.functions.0.bdf: "zz:00.0" is not a PCI address (expected dddd:bb:dd.f or bb:dd.f)');
  });
  it('takes groups from the functions\' kernelGroup when the structured topology says the kernel listed them', () => {
    const functions = gpuPair.functions.map((f, i) => (i === 0 ? f : { ...f, kernelGroup: 7 }));
    const r = readScenario(JSON.stringify({ version: 1, topology: { functions, groupsFrom: 'kernel-listing' } }));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.scenario.groupsFrom).toBe('kernel-listing');
    expect(r.scenario.grouping.groups.map((g) => [g.id, g.devices.length])).toEqual([[7, functions.length - 1]]);
    expect(r.scenario.grouping.ungrouped).toEqual([functions[0]!.bdf]);
  });
  it('a file-named topology needs a reader', () => {
    const r = readScenario('{ "version": 1, "topology": { "lspci": "x.txt" } }', { source: 's.json' });
    expect(!r.ok && r.error.message).toBe('s.json, line 1: the topology names the file x.txt, which cannot be read here; give the text as "lspciText"');
  });
});
