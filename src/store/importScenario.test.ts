import { describe, expect, it } from 'vitest';
import { loadOracleFixture } from '../testing/fixtures.ts';
import { createExplorerStore } from './explorerStore.ts';
import { scenarioFromText } from './importScenario.ts';

const META = { id: 'imported', name: 'Imported', description: 'pasted' };

describe('scenarioFromText', () => {
  it("imports a fixture with the kernel's groups and says they match", () => {
    const fixture = loadOracleFixture('b-multifunction');
    const r = scenarioFromText({ lspci: fixture.lspci, groupListing: fixture.groupsListing }, META);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.scenario.findings).toEqual(["The computed groups match the kernel's listing."]);
    const { grouping } = createExplorerStore(r.scenario).getState();
    const sets = grouping.groups.map((g) => [...g.devices].sort());
    for (const members of fixture.kernel.group_sets) expect(sets).toContainEqual([...members].sort());
  });

  it('refuses garbage with the line at fault', () => {
    const r = scenarioFromText({ lspci: 'hello\nworld\n', source: 'pasted text' }, META);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/line \d+/);
  });
});
