import { describe, expect, it } from 'vitest';
import type { Command } from '../model/kernel/commands.ts';
import { gpuAudioNvme } from '../scenarios/gpuAudioNvme.ts';
import { sriovNic } from '../scenarios/sriovNic.ts';
import { composeRenames } from './derive.ts';
import { createExplorerStore, type ExplorerActions } from './explorerStore.ts';
import { carryCommand, HISTORY_POLICY } from './history.ts';

const GPU = '0000:01:00.0';
const AUDIO = '0000:01:00.1';
const NVME = '0000:02:00.0';

const ops = (store: ReturnType<typeof createExplorerStore>) => store.getState().replay.entries.map((e) => e.command.op);
const labels = (steps: readonly { label: string }[]) => steps.map((s) => s.label);

function threeSteps() {
  const store = createExplorerStore(gpuAudioNvme, { policy: 'upstream' });
  const { perform } = store.getState();
  perform('a', [{ op: 'driver.unbind', bdf: AUDIO }]);
  perform('b', [{ op: 'container.open', as: 'c1' }]);
  perform('c', [{ op: 'container.close', container: 'c1' }]);
  return store;
}

describe('the undo history', () => {
  it('has a history policy for every store action, so none is undoable by accident', () => {
    const store = createExplorerStore(gpuAudioNvme);
    const actions = Object.entries(store.getState())
      .filter(([, v]) => typeof v === 'function')
      .map(([k]) => k)
      .sort();
    expect(Object.keys(HISTORY_POLICY).sort()).toEqual(actions);
    const stepMakers: (keyof ExplorerActions)[] = ['perform', 'changeDriver', 'edit'];
    expect(stepMakers.every((k) => HISTORY_POLICY[k] === 'step')).toBe(true);
  });

  it('undo moves the last step to the redo stack and redo runs it again', () => {
    const store = threeSteps();
    store.getState().undo();
    expect(labels(store.getState().steps)).toEqual(['a', 'b']);
    expect(labels(store.getState().future)).toEqual(['c']);
    store.getState().undo();
    expect(labels(store.getState().future)).toEqual(['b', 'c']);
    store.getState().redo();
    expect(labels(store.getState().steps)).toEqual(['a', 'b']);
    expect(ops(store)).toEqual(['driver.unbind', 'container.open']);
    store.getState().redo();
    expect(store.getState().future).toEqual([]);
    expect(ops(store)).toEqual(['driver.unbind', 'container.open', 'container.close']);
  });

  it('a new step after an undo clears the redo stack', () => {
    const store = threeSteps();
    store.getState().undo();
    store.getState().perform('d', [{ op: 'iommufd.open', as: 'io1' }]);
    expect(labels(store.getState().steps)).toEqual(['a', 'b', 'd']);
    expect(store.getState().future).toEqual([]);
  });

  it('jumpTo travels to any step and back, keeping the later steps to redo', () => {
    const store = threeSteps();
    const end = store.getState().machine;
    store.getState().jumpTo(1);
    expect(ops(store)).toEqual(['driver.unbind']);
    expect(labels(store.getState().future)).toEqual(['b', 'c']);
    store.getState().jumpTo(0);
    expect(store.getState().replay.entries).toEqual([]);
    store.getState().jumpTo(99);
    expect(labels(store.getState().steps)).toEqual(['a', 'b', 'c']);
    expect(store.getState().machine).toEqual(end);
  });

  it('deleting a step re-runs the rest and says which answers changed', () => {
    const store = threeSteps();
    store.getState().deleteStep(store.getState().steps[1]!.id);
    const s = store.getState();
    expect(labels(s.steps)).toEqual(['a', 'c']);
    // Without the open, the close names a container nobody created: the log says so.
    const close = s.replay.entries[1]!;
    expect(close.outcome.ok).toBe(false);
    const notice = s.notices[s.notices.length - 1]!;
    expect(notice.title).toMatch(/delete b: 1 command answers differently/);
    expect(notice.message).toContain('container.close');
  });

  it('moving a step re-runs the log in the new order', () => {
    const store = threeSteps();
    const c = store.getState().steps[2]!;
    store.getState().moveStep(c.id, 0);
    expect(labels(store.getState().steps)).toEqual(['c', 'a', 'b']);
    expect(store.getState().replay.entries[0]!.outcome.ok).toBe(false);
  });

  it('opening another scenario keeps the work it replaces, and one action brings it back', () => {
    const store = threeSteps();
    store.getState().undo();
    const machine = store.getState().machine;
    store.getState().loadScenario(sriovNic);
    const notice = store.getState().notices[0]!;
    expect(notice.action).toBe('restore-previous');
    expect(notice.message).toContain('3 steps');
    // Opening a third scenario with no work of its own keeps the same previous work.
    store.getState().loadScenario(gpuAudioNvme);
    store.getState().loadScenario(sriovNic);
    store.getState().restorePrevious();
    const s = store.getState();
    expect([s.baseScenario.id, labels(s.steps), labels(s.future)]).toEqual(['gpu-audio-nvme', ['a', 'b'], ['c']]);
    expect(s.machine).toEqual(machine);
    expect(s.previous).toBeNull();
  });

  it('setPolicy is not a step', () => {
    const store = threeSteps();
    store.getState().setPolicy('legacy');
    expect(labels(store.getState().steps)).toEqual(['a', 'b', 'c']);
  });
});

describe('edit steps', () => {
  it('an ACS override edit is undoable and records how the groups changed', () => {
    const store = createExplorerStore(gpuAudioNvme, { policy: 'upstream' });
    const together = store.getState().grouping.groupOf;
    expect(together.get(GPU)).toBe(together.get(AUDIO));
    expect(store.getState().edit('multifunction override', { op: 'settings.acsOverride', value: ['multifunction'] })).toBe(true);
    const split = store.getState().grouping.groupOf;
    expect(split.get(GPU)).not.toBe(split.get(AUDIO));
    expect(store.getState().lastChange).toMatchObject({ label: 'multifunction override' });
    store.getState().undo();
    expect(store.getState().grouping.groupOf.get(GPU)).toBe(store.getState().grouping.groupOf.get(AUDIO));
    expect(store.getState().lastChange?.label).toBe('undo multifunction override');
  });

  it('after an edit, what an import found about the old machine is replaced by a sentence saying so', () => {
    const store = createExplorerStore({ ...gpuAudioNvme, findings: ['The computed groups match the kernel\'s listing.'] });
    store.getState().edit('strict', { op: 'settings.strictSwitch', value: true });
    expect(store.getState().scenario.findings).toEqual([expect.stringMatching(/^After your edits the groups are computed/)]);
    store.getState().undo();
    expect(store.getState().scenario.findings).toEqual(["The computed groups match the kernel's listing."]);
  });

  it('a delete or a move that would put a command on the other side of an edit is refused, saying why', () => {
    const store = createExplorerStore(gpuAudioNvme, { policy: 'upstream' });
    store.getState().perform('unbind nvme', [{ op: 'driver.unbind', bdf: NVME }]);
    store.getState().edit('strict', { op: 'settings.strictSwitch', value: true });
    store.getState().perform('open', [{ op: 'iommufd.open', as: 'io1' }]);
    const [unbind, edit, open] = store.getState().steps;
    store.getState().moveStep(unbind!.id, 2);
    store.getState().deleteStep(edit!.id);
    expect(labels(store.getState().steps)).toEqual(['unbind nvme', 'strict', 'open']);
    expect(store.getState().notices.map((n) => n.title)).toEqual(['cannot move unbind nvme', 'cannot delete strict']);
    // Moving a command among commands on the same side of every edit is fine.
    store.getState().perform('open 2', [{ op: 'iommufd.open', as: 'io2' }]);
    store.getState().moveStep(open!.id, 3);
    expect(labels(store.getState().steps)).toEqual(['unbind nvme', 'strict', 'open 2', 'open']);
  });

  it('an edit that cannot apply is refused with a notice and leaves the history alone', () => {
    const store = createExplorerStore(gpuAudioNvme);
    expect(store.getState().edit('remove nothing', { op: 'device.remove', bdf: '0000:7f:00.0' })).toBe(false);
    expect(store.getState().steps).toEqual([]);
    expect(store.getState().notices[0]?.title).toBe('cannot remove nothing');
  });

  it('commands on a removed device are reported, not dropped, and the rest of the log still runs', () => {
    const store = createExplorerStore(gpuAudioNvme, { policy: 'upstream' });
    store.getState().perform('bind nvme', [{ op: 'driver.unbind', bdf: NVME }]);
    store.getState().perform('open', [{ op: 'iommufd.open', as: 'io1' }]);
    store.getState().edit('remove nvme', { op: 'device.remove', bdf: NVME });
    const [unbind, open] = store.getState().replay.entries;
    expect(unbind!.outcome.ok ? null : unbind!.outcome.error.message).toMatch(/no longer exists after the edit "remove nvme"/);
    expect(open!.outcome.ok).toBe(true);
    expect(store.getState().notices.some((n) => n.message.includes('driver.unbind'))).toBe(true);
  });
});

describe('carrying a command through later edits', () => {
  const bind: Command = { op: 'driver.bind', bdf: GPU, driver: 'vfio-pci' };
  const present = (...bdfs: string[]) => new Set(bdfs);

  it('follows its device to its new address', () => {
    const moved = carryCommand(bind, [{ label: 'move', renamed: new Map([[GPU, '0000:03:00.0']]), present: present('0000:03:00.0') }]);
    expect(moved).toEqual({ ok: true, command: { ...bind, bdf: '0000:03:00.0' } });
  });

  it('is gone when its device was removed, even if another device took the address', () => {
    const taken = carryCommand(bind, [{ label: 'remove', renamed: new Map([['0000:02:00.0', GPU]]), present: present(GPU) }]);
    expect(taken).toEqual({ ok: false, message: `${GPU} no longer exists after the edit "remove"` });
    const gone = carryCommand(bind, [{ label: 'remove', renamed: new Map(), present: present() }]);
    expect(gone.ok).toBe(false);
  });

  it('leaves commands without an address alone', () => {
    const open: Command = { op: 'iommufd.open', as: 'io1' };
    expect(carryCommand(open, [{ label: 'x', renamed: new Map(), present: present() }])).toEqual({ ok: true, command: open });
  });

  it('composes address maps in order', () => {
    const m = composeRenames(new Map([['a', 'b']]), new Map([['b', 'c'], ['x', 'y']]));
    expect([...m]).toEqual([['a', 'c'], ['x', 'y']]);
  });
});
