// The seed's scenario (issue 7 "Done means"): a GPU, its HDMI audio function and the root port above
// them in one group, an NVMe drive alone. What model.md §6 predicts, checked exhaustively:
// legacy breaks I3 and I5; rfc-v2 breaks I3 only through the legacy type1 path it keeps, keeps
// I1-I4 on its new path alone, and reaches I5; upstream keeps all five. Every counterexample
// replays to the same broken invariant at its last command.
import { describe, expect, it } from 'vitest';
import { replay } from '../kernel/replay.ts';
import type { InvariantId } from '../kernel/invariants.ts';
import type { PolicyName } from '../kernel/types.ts';
import { checkSteps, type CheckReport } from './check.ts';
import { runToEnd } from './run.ts';
import type { CheckSettingsInput } from './settings.ts';
import { loadScenario, SEED } from './testing/worlds.ts';

const seed = loadScenario(SEED);

function check(policy: PolicyName, settings: CheckSettingsInput = {}): CheckReport {
  return runToEnd(checkSteps({ topology: seed.topology, grouping: seed.grouping, policy, settings: { ...seed.check, ...settings } }));
}

let legacyReport: CheckReport | undefined;
const legacy = () => (legacyReport ??= check('legacy'));

const brokenIds = (r: CheckReport) => r.invariants.filter((i) => !i.holds).map((i) => i.id);
const counterexample = (r: CheckReport, id: InvariantId) => r.invariants.find((i) => i.id === id)!.counterexample!;

function expectReplaysTo(r: CheckReport, id: InvariantId): void {
  const sequence = counterexample(r, id);
  const replayed = replay(seed.topology, seed.grouping, sequence, r.policy);
  if (!replayed.ok) throw new Error(replayed.message);
  const inv = replayed.report.invariants.find((i) => i.id === id)!;
  expect(inv.holds).toBe(false);
  expect(inv.step).toBe(sequence.length);
}

const ops = (r: CheckReport, id: InvariantId) => counterexample(r, id).map((c) => c.op);

describe('the seed scenario, every command sequence of its world', () => {
  it('explores the GPU group: root port, GPU and audio, with their drivers', () => {
    const r = legacy();
    expect(r.world.devices).toEqual(['0000:00:1c.0', '0000:02:00.0', '0000:02:00.1']);
    expect(r.world.groups).toEqual([{ id: 2, label: '0000:02:00.0' }]);
    expect(r.complete).toBe(true);
  });

  it('legacy breaks I3 in 7 commands (SET_CONTAINER + SET_IOMMU on a non-viable group) and I5 in 8 (the notifier BUG_ON)', () => {
    const r = legacy();
    expect(r.complete).toBe(true);
    expect(brokenIds(r)).toEqual(['I3', 'I5']);
    expect(ops(r, 'I3')).toEqual(['driver.unbind', 'driver.override', 'driver.probe', 'container.open', 'group.open', 'group.setContainer', 'container.setIommu']);
    expect(counterexample(r, 'I3').at(-1)).toEqual({ op: 'container.setIommu', container: 'c1', type: 'type1' });
    expect(counterexample(r, 'I5')).toHaveLength(8);
    expect(r.invariants.find((i) => i.id === 'I5')!.message).toContain('vfio_iommu_group_notifier');
    expectReplaysTo(r, 'I3');
    expectReplaysTo(r, 'I5');
  });

  it('rfc-v2 with the legacy type1 path breaks I3 as legacy does, and reaches I5', () => {
    const r = check('rfc-v2', { maxDepth: 8 });
    expect(brokenIds(r)).toEqual(['I3', 'I5']);
    expect(counterexample(r, 'I3')).toHaveLength(7);
    expect(counterexample(r, 'I3').at(-1)).toMatchObject({ op: 'container.setIommu', type: 'type1' });
    expect(counterexample(r, 'I5')).toHaveLength(8);
    expectReplaysTo(r, 'I3');
    expectReplaysTo(r, 'I5');
  });

  it('rfc-v2 without type1 keeps I1-I4 in every state, and reaches I5', () => {
    const r = check('rfc-v2', { without: ['type1'] });
    expect(r.complete).toBe(true);
    expect(brokenIds(r)).toEqual(['I5']);
    expectReplaysTo(r, 'I5');
  });

  it('upstream keeps all five in every state', () => {
    const r = check('upstream');
    expect(r.complete).toBe(true);
    expect(brokenIds(r)).toEqual([]);
  });
});
