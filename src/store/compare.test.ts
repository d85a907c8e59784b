import { describe, expect, it } from 'vitest';
import type { Command } from '../model/kernel/commands.ts';
import { flowPreset } from '../scenarios/flows/presets.ts';
import { gpuAudioNvme } from '../scenarios/gpuAudioNvme.ts';
import { compareDesigns, stepDifferences } from './compare.ts';
import type { Step } from './history.ts';

const GPU = '0000:01:00.0';
const AUDIO = '0000:01:00.1';

let nextId = 1;
const step = (...commands: Command[]): Step => ({ id: nextId++, kind: 'commands', label: commands.map((c) => c.op).join(', '), commands });

const texts = (row: { cells: Record<string, { text: string }> }) => [row.cells['legacy']!.text, row.cells['rfc-v2']!.text, row.cells['upstream']!.text];

describe('compare designs', () => {
  it("seed flow: a host driver bound into the in-use group is a BUG under legacy and rfc-v2, EBUSY upstream (the real kernel's answer, D.6)", () => {
    const seed = flowPreset('flow-seed-device-fd-new')!.scenario;
    const commands = seed.commands!;
    // Up to the close of the audio function's fd: the GPU is still bound, the group still in use.
    const upTo = commands.findIndex((c) => c.op === 'device.close') + 1;
    const steps = [...commands.slice(0, upTo).map((c) => step(c)), step({ op: 'driver.unbind', bdf: AUDIO }), step({ op: 'driver.override', bdf: AUDIO, driver: null }), step({ op: 'driver.bind', bdf: AUDIO, driver: 'snd_hda_intel' })];
    const rows = compareDesigns(seed, steps);
    const bind = rows.at(-1)!;
    expect(bind.command).toEqual({ op: 'driver.bind', bdf: AUDIO, driver: 'snd_hda_intel' });
    expect(texts(bind)).toEqual(['BUG', 'BUG', 'EBUSY']);
    expect(bind.cells.upstream.message).toMatch(/driver_managed_dma/);
    expect(bind.differs).toBe(true);
    // GET_DEVICE_FD_NEW is rfc-v2's alone: ENOTTY elsewhere.
    const getFdNew = rows.find((r) => r.command?.op === 'group.getDeviceFdNew')!;
    expect(texts(getFdNew)).toEqual(['ENOTTY', 'ok', 'ENOTTY']);
    // Driver moves are answered alike: those rows do not stand out.
    const gpuMoves = rows.filter((r) => r.command !== null && r.command.op.startsWith('driver.') && 'bdf' in r.command && r.command.bdf === GPU);
    expect(gpuMoves).toHaveLength(3);
    expect(gpuMoves.every((r) => !r.differs)).toBe(true);
  });

  it('marks commands after a refusal in the same step, and after a BUG, as not run', () => {
    const rows = compareDesigns(gpuAudioNvme, [
      step({ op: 'driver.unbind', bdf: GPU }, { op: 'driver.override', bdf: GPU, driver: 'vfio-pci' }, { op: 'driver.probe', bdf: GPU }),
      step({ op: 'container.open', as: 'c1' }, { op: 'group.open', bdf: GPU }, { op: 'group.setContainer', bdf: GPU, container: 'c1' }),
      step({ op: 'iommufd.open', as: 'io1' }, { op: 'container.close', container: 'c1' }),
      step({ op: 'driver.bind', bdf: AUDIO, driver: 'snd_hda_intel' }, { op: 'group.getStatus', bdf: GPU }),
    ]);
    // Upstream refuses SET_CONTAINER while the audio function is on its host driver: EPERM.
    expect(texts(rows[5]!)).toEqual(['ok', 'ok', 'EPERM']);
    // legacy has no iommufd.open: the rest of that step never runs there.
    expect(texts(rows[6]!)).toEqual(['ENOTTY', 'ok', 'ok']);
    expect(texts(rows[7]!)).toEqual(['not run', 'ok', 'ok']);
    expect(rows[7]!.cells.legacy.class).toBe('not-run');
    expect(rows.map((r) => r.stepNumber)).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 4, 4]);
    // Per step, the first command answered differently: step 1 is alike, step 2 differs at SET_CONTAINER.
    const perStep = stepDifferences(rows);
    expect(perStep.has(rows[0]!.stepId)).toBe(false);
    expect(perStep.get(rows[3]!.stepId)).toBe('group.setContainer: legacy ok, rfc-v2 ok, upstream EPERM');
    expect(perStep.get(rows[6]!.stepId)).toBe('iommufd.open: legacy ENOTTY, rfc-v2 ok, upstream ok');
  });

  it('says ok VIABLE / not VIABLE for GET_STATUS and runs nothing after a BUG', () => {
    const rows = compareDesigns(gpuAudioNvme, [
      step({ op: 'driver.unbind', bdf: AUDIO }, { op: 'driver.unbind', bdf: GPU }, { op: 'driver.override', bdf: GPU, driver: 'vfio-pci' }, { op: 'driver.probe', bdf: GPU }),
      step({ op: 'container.open', as: 'c1' }, { op: 'group.open', bdf: GPU }, { op: 'group.getStatus', bdf: GPU }, { op: 'group.setContainer', bdf: GPU, container: 'c1' }),
      step({ op: 'driver.bind', bdf: AUDIO, driver: 'snd_hda_intel' }),
      step({ op: 'group.getStatus', bdf: GPU }),
    ]);
    expect(texts(rows[6]!)).toEqual(['ok VIABLE', 'ok VIABLE', 'ok VIABLE']);
    expect(rows[6]!.differs).toBe(false);
    expect(texts(rows[8]!)).toEqual(['BUG', 'BUG', 'EBUSY']);
    expect(texts(rows[9]!)).toEqual(['not run', 'not run', 'ok VIABLE']);
    expect(rows[9]!.cells.legacy.message).toMatch(/panicked/);
  });

  it('shows an edit step as one row, the same under every policy', () => {
    const rows = compareDesigns(gpuAudioNvme, [{ id: 99, kind: 'edit', label: 'strict switch on', edit: { op: 'settings.strictSwitch', value: true } }]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ command: null, differs: false, label: 'strict switch on' });
    expect(texts(rows[0]!)).toEqual(['edited', 'edited', 'edited']);
  });
});
