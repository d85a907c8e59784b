import { describe, expect, it } from 'vitest';
import { rfcV2AttachFlow } from '../scenarios/flows/rfcV2DeviceFdNew.ts';
import { gpuAudioNvme } from '../scenarios/gpuAudioNvme.ts';
import { sriovNic } from '../scenarios/sriovNic.ts';
import { createExplorerStore } from './explorerStore.ts';
import { groupView, sharedDomains } from './views.ts';

const GPU = '0000:01:00.0';
const AUDIO = '0000:01:00.1';

const RFC_FLOW = rfcV2AttachFlow(GPU);

const gpuGroup = (store: ReturnType<typeof createExplorerStore>) => {
  const s = store.getState();
  return groupView(s.machine, s.grouping.groupOf.get(GPU)!);
};

describe('the explorer store', () => {
  it('starts on the scenario with an empty log and every group on its default domain', () => {
    const store = createExplorerStore(gpuAudioNvme, { policy: 'rfc-v2' });
    const s = store.getState();
    expect(s.policy).toBe('rfc-v2');
    expect(s.replay.entries).toEqual([]);
    expect(gpuGroup(store)).toMatchObject({ viable: false, domainId: `default-${s.grouping.groupOf.get(GPU)}`, domainKind: 'default' });
  });

  it('a driver change appends the steps of a passthrough tool and the model decides each', () => {
    const store = createExplorerStore(gpuAudioNvme, { policy: 'upstream' });
    const added = store.getState().changeDriver(AUDIO, { kind: 'driver', name: 'vfio-pci' });
    expect(added.map((e) => [e.command.op, e.outcome.ok])).toEqual([
      ['driver.unbind', true],
      ['driver.override', true],
      ['driver.probe', true],
    ]);
    store.getState().changeDriver(GPU, { kind: 'driver', name: 'vfio-pci' });
    expect(gpuGroup(store).viable).toBe(true);
    expect(store.getState().steps).toHaveLength(2);
  });

  it('runs the rfc-v2 flow: default -> blocked -> IOASID, and back to default on close', () => {
    const store = createExplorerStore(gpuAudioNvme, { policy: 'rfc-v2' });
    const { changeDriver, perform } = store.getState();
    changeDriver(AUDIO, { kind: 'none' });
    changeDriver(GPU, { kind: 'driver', name: 'vfio-pci' });
    perform('console', RFC_FLOW.slice(0, 6));
    expect(gpuGroup(store).domainId).toBe('blocked');
    perform('console', RFC_FLOW.slice(6));
    const attached = gpuGroup(store);
    expect(attached.domainKind).toBe('user');
    expect(sharedDomains(store.getState().machine).map((d) => d.id)).toContain(attached.domainId);
    perform('console', [{ op: 'device.close', device: 'gpu' }]);
    expect(gpuGroup(store).domainKind).toBe('default');
  });

  it('stops an action at its first refusal and raises a notice with the errno', () => {
    const store = createExplorerStore(gpuAudioNvme, { policy: 'upstream' });
    const added = store.getState().perform('console', [
      { op: 'driver.bind', bdf: GPU, driver: 'vfio-pci' },
      { op: 'driver.unbind', bdf: GPU },
    ]);
    expect(added).toHaveLength(1);
    expect(added[0]!.outcome.ok).toBe(false);
    const [notice] = store.getState().notices;
    expect(notice?.tone).toBe('error');
    expect(notice?.title).toMatch(/^EBUSY|^ENODEV/);
    store.getState().dismissNotice(notice!.id);
    expect(store.getState().notices).toEqual([]);
  });

  it('a host driver bound into an in-use group panics under rfc-v2 and is refused under upstream; undo recovers', () => {
    const store = createExplorerStore(gpuAudioNvme, { policy: 'rfc-v2' });
    const { changeDriver, perform } = store.getState();
    changeDriver(AUDIO, { kind: 'none' });
    changeDriver(GPU, { kind: 'driver', name: 'vfio-pci' });
    perform('console', RFC_FLOW.slice(0, 6));
    changeDriver(AUDIO, { kind: 'driver', name: 'snd_hda_intel' });
    expect(store.getState().machine.panic?.culprit).toBe(AUDIO);
    store.getState().undo();
    expect(store.getState().machine.panic).toBeNull();
    expect(gpuGroup(store).domainId).toBe('blocked');

    const upstream = createExplorerStore(gpuAudioNvme, { policy: 'upstream' });
    upstream.getState().changeDriver(AUDIO, { kind: 'none' });
    upstream.getState().changeDriver(GPU, { kind: 'driver', name: 'vfio-pci' });
    upstream.getState().perform('console', [
      { op: 'cdev.open', bdf: GPU, as: 'gpu' },
      { op: 'iommufd.open', as: 'io1' },
      { op: 'cdev.bindIommufd', device: 'gpu', iommufd: 'io1' },
    ]);
    const refused = upstream.getState().changeDriver(AUDIO, { kind: 'driver', name: 'snd_hda_intel' });
    const last = refused[refused.length - 1]!;
    expect(last.outcome.ok ? null : last.outcome.error.errno).toBe('EBUSY');
    expect(upstream.getState().machine.panic).toBeNull();
  });

  it('setPolicy replays the same actions under the other rules', () => {
    const store = createExplorerStore(gpuAudioNvme, { policy: 'rfc-v2' });
    store.getState().changeDriver(AUDIO, { kind: 'none' });
    store.getState().changeDriver(GPU, { kind: 'driver', name: 'vfio-pci' });
    store.getState().perform('console', RFC_FLOW.slice(0, 6));
    const commandsBefore = store.getState().replay.entries.map((e) => e.command);
    store.getState().setPolicy('upstream');
    const s = store.getState();
    expect(s.policy).toBe('upstream');
    expect(s.steps).toHaveLength(3);
    // Upstream has no VFIO_EXTERNAL_IOMMU: the console action stops there, the drags replay unchanged.
    expect(s.replay.entries.map((e) => e.command)).toEqual(commandsBefore.slice(0, s.replay.entries.length));
    const refused = s.replay.entries.find((e) => !e.outcome.ok);
    expect(refused?.command.op).toBe('container.setIommu');
    store.getState().setPolicy('rfc-v2');
    expect(gpuGroup(store).domainId).toBe('blocked');
  });

  it('undo removes a whole action and reuses the states before it', () => {
    const store = createExplorerStore(gpuAudioNvme);
    const before = store.getState().machine;
    store.getState().changeDriver(GPU, { kind: 'driver', name: 'vfio-pci' });
    expect(store.getState().replay.entries).toHaveLength(3);
    store.getState().undo();
    expect(store.getState().replay.entries).toHaveLength(0);
    expect(store.getState().machine).toBe(before);
    store.getState().undo();
    expect(store.getState().steps).toHaveLength(0);
  });

  it('appending an action applies only its commands', () => {
    const store = createExplorerStore(gpuAudioNvme);
    store.getState().changeDriver(GPU, { kind: 'driver', name: 'vfio-pci' });
    const states = store.getState().replay.states;
    store.getState().changeDriver(AUDIO, { kind: 'driver', name: 'vfio-pci' });
    expect(store.getState().replay.states.slice(0, states.length)).toEqual(states);
    expect(store.getState().replay.states[0]).toBe(states[0]);
  });

  it('loadScenario starts a new history and keeps the policy and settings', () => {
    const store = createExplorerStore(gpuAudioNvme, { policy: 'legacy', settings: { animations: false } });
    store.getState().changeDriver(GPU, { kind: 'driver', name: 'vfio-pci' });
    store.getState().select({ kind: 'device', bdf: GPU });
    store.getState().toggleExpanded('x');
    store.getState().loadScenario(sriovNic);
    const s = store.getState();
    expect([s.scenario.id, s.policy, s.steps.length, s.selection, s.expanded.size, s.settings.animations]).toEqual(['sriov-nic', 'legacy', 0, null, 0, false]);
  });

  it('a scenario with commands replays them as undoable actions', () => {
    const store = createExplorerStore({ ...gpuAudioNvme, policy: 'upstream', commands: [{ op: 'driver.unbind', bdf: AUDIO }, { op: 'container.open', as: 'c1' }] });
    expect(store.getState().replay.entries.map((e) => e.outcome.ok)).toEqual([true, true]);
    store.getState().undo();
    expect(store.getState().replay.entries).toHaveLength(1);
  });

  it('settings, selection and expansion are plain state', () => {
    const store = createExplorerStore(gpuAudioNvme);
    store.getState().setAnimations(false);
    store.getState().select({ kind: 'group', id: 3 });
    store.getState().toggleExpanded('k');
    store.getState().toggleExpanded('k');
    const s = store.getState();
    expect([s.settings.animations, s.selection, s.expanded.size]).toEqual([false, { kind: 'group', id: 3 }, 0]);
  });
});
