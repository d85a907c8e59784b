// What the app exports is the state on screen: opening the exported file (or the picture carrying
// it) gives back the same machine, groups, policy, settings and command answers, including what-if
// edits and refusals; a command that never ran is not exported.
import { describe, expect, it } from 'vitest';
import { exportScenario } from '../../io/export/exportScenario.ts';
import { addressesMissing, groupsMissing, mailProblems } from '../../io/export/testing/exportCases.ts';
import { TEMPLATE_LABELS, type DeviceTemplate } from '../../model/edit/edits.ts';
import { readScenarioFile } from '../../io/export/scenarioFile.ts';
import { BUILT_IN_SCENARIOS } from '../../scenarios/index.ts';
import { createExplorerStore, type Explorer } from '../../store/explorerStore.ts';
import { explorerScenario } from '../../persist/scenarioDocument.ts';
import type { Scenario } from '../../store/scenario.ts';
import { exportedScenario } from './exportedScenario.ts';
import { loadRealKernelTexts } from '../../scenarios/oracle/realKernel.ts';

// The real-kernel scenarios' lspci texts are a chunk the app loads when one is opened.
await loadRealKernelTexts();

function shown(s: Explorer) {
  return {
    name: s.scenario.name,
    functions: s.scenario.topology.functions,
    groups: s.grouping.groups.map((g) => [...g.devices]),
    policy: s.policy,
    settings: s.scenario.groupingSettings,
    answers: s.replay.entries.map((e) => [e.command, e.outcome.ok ? 'ok' : e.outcome.error.errno]),
  };
}

async function reopened(s: Explorer): Promise<Explorer> {
  const json = exportScenario(exportedScenario(s), 'json');
  if (!json.ok) throw new Error(json.error);
  const read = await readScenarioFile('saved.json', new TextEncoder().encode(json.text));
  if (!read.ok) throw new Error(read.error.message);
  return createExplorerStore(explorerScenario(read.scenario, { id: 'opened', description: 'opened' }, read.scenario.settings.policy)).getState();
}

/** Every endpoint with a host driver goes to vfio-pci, as a user dragging each one would. */
function dragAll(scenario: Scenario) {
  const store = createExplorerStore(scenario, { policy: 'legacy' });
  for (const f of scenario.topology.functions.filter((x) => x.pcieType === 'endpoint' && x.driver).slice(0, 3)) {
    store.getState().changeDriver(f.bdf, { kind: 'driver', name: 'vfio-pci' });
  }
  return store;
}

describe('export, then open: the same state', () => {
  it.each(BUILT_IN_SCENARIOS.map((s) => [s.id, s] as const))('%s after some drags', async (_id, scenario) => {
    const s = dragAll(scenario).getState();
    expect(shown(await reopened(s))).toEqual(shown(s));
  });

  it('carries what-if edits, the ACS override and refused commands; leaves out a command that never ran', async () => {
    const store = dragAll(BUILT_IN_SCENARIOS[0]!);
    const { edit, perform } = store.getState();
    expect(edit('ACS override', { op: 'settings.acsOverride', value: ['downstream', 'multifunction'] })).toBe(true);
    perform('console', [{ op: 'group.open', bdf: '0000:01:00.0' }, { op: 'group.open', bdf: '0000:01:00.0' }]);
    perform('console', [{ op: 'no.such.op' } as never]);
    const s = store.getState();
    expect(s.replay.entries.at(-1)!.outcome.ok).toBe(false);
    const back = await reopened(s);
    expect(back.scenario.groupingSettings.acsOverride).toEqual(['downstream', 'multifunction']);
    expect(shown(back).answers).toEqual(shown(s).answers.slice(0, -1));
    expect(shown({ ...back, replay: s.replay } as Explorer)).toEqual(shown(s));
  });
});

describe('the ASCII picture of an edited machine', () => {
  it('stays postable and names every function and group after every kind of added device', () => {
    const store = createExplorerStore(BUILT_IN_SCENARIOS[0]!);
    const edit = (label: string, e: Parameters<Explorer['edit']>[1]) => expect(store.getState().edit(label, e), `${label}: ${store.getState().notices.at(-1)?.message}`).toBe(true);
    // A switch in the NVMe drive's slot gives every other kind of device a slot of its own.
    edit('remove the NVMe drive', { op: 'device.remove', bdf: '0000:02:00.0' });
    edit('add a switch', { op: 'device.add', at: '0000:00:02.0', template: 'switch', options: { ports: 8, acs: false } });
    const freePort = () => {
      const fns = store.getState().scenario.topology.functions;
      return fns.find((f) => f.pcieType === 'switch-downstream' && !fns.some((c) => c.parent === f.bdf))!.bdf;
    };
    for (const template of (Object.keys(TEMPLATE_LABELS) as DeviceTemplate[]).filter((t) => t !== 'switch')) {
      edit(`add ${template}`, { op: 'device.add', at: freePort(), template, options: { vfs: 4, devices: 2 } });
    }
    const s = store.getState();
    expect(s.scenario.topology.functions.length).toBeGreaterThan(BUILT_IN_SCENARIOS[0]!.topology.functions.length + 15);
    const ascii = exportScenario(exportedScenario(s), 'ascii');
    if (!ascii.ok) throw new Error(ascii.error);
    expect(mailProblems(ascii.text)).toEqual([]);
    expect(addressesMissing(ascii.text, s.scenario.topology.functions.map((f) => f.bdf))).toEqual([]);
    expect(groupsMissing(ascii.text, s.grouping.groups.map((g) => g.id))).toEqual([]);
  });
});
