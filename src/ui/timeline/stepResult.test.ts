import { describe, expect, it } from 'vitest';
import { gpuAudioNvme } from '../../scenarios/gpuAudioNvme.ts';
import { createExplorerStore } from '../../store/explorerStore.ts';
import { entriesByStep, stepResult } from './stepResult.ts';

const GPU = '0000:01:00.0';
const AUDIO = '0000:01:00.1';

describe('timeline step results', () => {
  it('tells ok, errno, not run and BUG apart, step by step', () => {
    const store = createExplorerStore(gpuAudioNvme, { policy: 'rfc-v2' });
    const { perform, changeDriver } = store.getState();
    changeDriver(AUDIO, { kind: 'none' });
    changeDriver(GPU, { kind: 'driver', name: 'vfio-pci' });
    perform('refused', [{ op: 'group.getStatus', bdf: GPU }]);
    perform('use', [{ op: 'container.open', as: 'c1' }, { op: 'group.open', bdf: GPU }, { op: 'group.setContainer', bdf: GPU, container: 'c1' }, { op: 'container.setIommu', container: 'c1', type: 'type1' }]);
    perform('bind', [{ op: 'driver.bind', bdf: AUDIO, driver: 'snd_hda_intel' }]);
    perform('after', [{ op: 'group.close', bdf: GPU }]);
    const s = store.getState();
    const by = entriesByStep(s.replay.entries);
    const results = s.steps.map((st) => stepResult(st, by.get(st.id) ?? [], s.editFailures.get(st.id)).kind);
    expect(results).toEqual(['ok', 'ok', 'errno', 'ok', 'bug', 'not-run']);
    expect(stepResult(s.steps[2]!, by.get(s.steps[2]!.id)!, undefined)).toMatchObject({ errno: 'EBADF' });
    perform('status', [{ op: 'group.open', bdf: '0000:02:00.0' }, { op: 'group.getStatus', bdf: '0000:02:00.0' }]);
    const after = store.getState();
    expect(stepResult(after.steps.at(-1)!, entriesByStep(after.replay.entries).get(after.steps.at(-1)!.id)!, undefined)).toEqual({ kind: 'not-run', message: expect.stringMatching(/panicked/) });
  });

  it('shows an edit step as an edit, or as failed with why', () => {
    const edit = { id: 1, kind: 'edit' as const, label: 'strict switch', edit: { op: 'settings.strictSwitch' as const, value: true } };
    expect(stepResult(edit, [], undefined)).toEqual({ kind: 'edit' });
    expect(stepResult(edit, [], 'the device is gone')).toEqual({ kind: 'edit-failed', message: 'the device is gone' });
  });
});

describe('GET_STATUS in the timeline', () => {
  it("carries the flags the kernel answered", () => {
    const store = createExplorerStore(gpuAudioNvme, { policy: 'legacy' });
    store.getState().changeDriver(GPU, { kind: 'driver', name: 'vfio-pci' });
    store.getState().perform('status', [{ op: 'group.open', bdf: GPU }, { op: 'group.getStatus', bdf: GPU }]);
    const s = store.getState();
    const by = entriesByStep(s.replay.entries);
    // The HDMI audio function keeps snd_hda_intel: the group is not viable.
    expect(stepResult(s.steps[1]!, by.get(s.steps[1]!.id)!, undefined)).toEqual({ kind: 'ok', status: 'not VIABLE' });
  });
});
