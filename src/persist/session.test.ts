// A saved session comes back as the same machine and log: scenario, groups (computed or the
// kernel's), policy, every action with its label and the model's answers; what-if edits come back
// as the edited machine. Anything else read from storage is refused with what is wrong.
import { describe, expect, it } from 'vitest';
import { gpuAudioNvme, sriovNic } from '../scenarios/index.ts';
import { loadRealKernelTexts, REAL_KERNEL_SCENARIOS } from '../scenarios/oracle/realKernel.ts';
import { createExplorerStore, type ExplorerStore } from '../store/explorerStore.ts';
import { performSavedActions } from './restore.ts';
import { readSession } from './readSession.ts';
import { sessionOf } from './session.ts';

// The real-kernel scenarios' lspci texts are a chunk the app loads when one is opened.
await loadRealKernelTexts();

const GPU = '0000:01:00.0';
const AUDIO = '0000:01:00.1';

/** What a user sees of a session: the machine, the groups and the log as it reads. */
function seen(store: ExplorerStore) {
  const s = store.getState();
  const labels = new Map(s.steps.map((step) => [step.id, step.label]));
  return {
    name: s.scenario.name,
    description: s.scenario.description,
    findings: s.scenario.findings,
    functions: s.scenario.topology.functions,
    groups: s.grouping.groups.map((g) => [g.id, g.devices]),
    policy: s.policy,
    log: s.replay.entries.map((e) => [labels.get(e.actionId), e.command, e.outcome.ok ? 'ok' : e.outcome.error.message]),
    drivers: [...s.machine.drivers],
    overrides: [...s.machine.overrides],
  };
}

function restored(store: ExplorerStore): ExplorerStore {
  const text = JSON.stringify(sessionOf(store.getState(), new Date('2026-01-02T03:04:05Z')));
  const read = readSession(text);
  if (!read.ok) throw new Error(read.message);
  const next = createExplorerStore(read.session.scenario, { policy: read.session.policy });
  performSavedActions(next, read.session.actions);
  return next;
}

describe('a saved session restores the same state', () => {
  it('a built-in scenario after drags, a refusal and a policy change', () => {
    const store = createExplorerStore(gpuAudioNvme);
    store.getState().changeDriver(GPU, { kind: 'driver', name: 'vfio-pci' });
    store.getState().perform('console', [{ op: 'group.open', bdf: GPU }]);
    store.getState().changeDriver(AUDIO, { kind: 'driver', name: 'vfio-pci' });
    store.getState().setPolicy('legacy');
    const before = seen(store);
    expect(before.log.length).toBeGreaterThan(3);
    const after = restored(store);
    expect(seen(after)).toEqual(before);
    expect(after.getState().notices).toEqual([]);
  });

  it('an imported machine whose groups are the kernel\'s listing keeps those groups', () => {
    const imported = REAL_KERNEL_SCENARIOS.find((s) => s.givenGrouping) ?? REAL_KERNEL_SCENARIOS[0]!;
    const store = createExplorerStore({ ...imported, id: 'imported' });
    expect(seen(restored(store))).toEqual(seen(store));
  });

  it('a what-if edit comes back as the edited machine, the commands carried onto it', () => {
    const store = createExplorerStore(sriovNic);
    const first = store.getState().scenario.topology.functions.find((f) => f.pcieType === 'endpoint')!;
    store.getState().changeDriver(first.bdf, { kind: 'driver', name: 'vfio-pci' });
    expect(store.getState().edit('ACS override', { op: 'settings.acsOverride', value: ['downstream', 'multifunction'] })).toBe(true);
    const after = restored(store);
    expect(seen(after)).toEqual(seen(store));
    expect(after.getState().scenario.groupingSettings.acsOverride).toEqual(['downstream', 'multifunction']);
  });
});

describe('a stored value that is not a session', () => {
  const good = JSON.stringify(sessionOf(createExplorerStore(gpuAudioNvme).getState(), new Date(0)));
  const edited = (change: (s: Record<string, unknown>) => void) => {
    const s = JSON.parse(good) as Record<string, unknown>;
    change(s);
    return JSON.stringify(s);
  };

  it.each([
    ['cut in the middle', good.slice(0, good.length / 2), /^it is not valid JSON \(/],
    ['not JSON at all', 'garbage', /^it is not valid JSON/],
    ['from a newer app', edited((s) => (s.version = 2)), /^version: 2 is newer than this app reads \(up to version 1\)/],
    ['without a version', edited((s) => delete s.version), /^version: missing; a saved session starts with "version": 1$/],
    ['an unknown policy', edited((s) => (s.policy = 'plan9')), /^policy: /],
    ['an action without commands', edited((s) => (s.actions = [{ label: 'x' }])), /^actions\.0\.commands: /],
    ['a damaged scenario inside', edited((s) => ((s.scenario as { topology: unknown }).topology = { functions: [{ bdf: 'zz' }] })), /^its scenario: topology\.functions\.0\.bdf: /],
    ['a scenario of a newer format', edited((s) => ((s.scenario as { version: number }).version = 7)), /^its scenario: version: 7 is newer/],
  ])('%s', (_what, text, message) => {
    const r = readSession(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
  });
});
