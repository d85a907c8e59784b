import { describe, expect, it } from 'vitest';
import { apply } from '../model/kernel/apply.ts';
import { createMachine } from '../model/kernel/machine.ts';
import type { MachineState } from '../model/kernel/types.ts';
import { computeGroups } from '../model/grouping/computeGroups.ts';
import { gpuAudioNvme } from '../scenarios/gpuAudioNvme.ts';
import { planDriverChange } from './driverPlan.ts';

const GPU = '0000:01:00.0';
const fresh = () => createMachine(gpuAudioNvme.topology, computeGroups(gpuAudioNvme.topology), { policy: 'upstream' });
const run = (s: MachineState, commands: unknown[]) => commands.reduce<MachineState>((m, c) => apply(m, c).state, s);

describe('planDriverChange', () => {
  it('moves a bound device to vfio-pci through driver_override', () => {
    expect(planDriverChange(fresh(), GPU, { kind: 'driver', name: 'vfio-pci' })).toEqual([
      { op: 'driver.unbind', bdf: GPU },
      { op: 'driver.override', bdf: GPU, driver: 'vfio-pci' },
      { op: 'driver.probe', bdf: GPU },
    ]);
  });

  it('plans nothing when the device is already on the target', () => {
    const s = run(fresh(), planDriverChange(fresh(), GPU, { kind: 'driver', name: 'vfio-pci' }));
    expect(planDriverChange(s, GPU, { kind: 'driver', name: 'vfio_pci' })).toEqual([]);
  });

  it('returns a device to a host driver by clearing the override and writing its bind file', () => {
    const s = run(fresh(), planDriverChange(fresh(), GPU, { kind: 'driver', name: 'vfio-pci' }));
    expect(planDriverChange(s, GPU, { kind: 'driver', name: 'nouveau' })).toEqual([
      { op: 'driver.unbind', bdf: GPU },
      { op: 'driver.override', bdf: GPU, driver: null },
      { op: 'driver.bind', bdf: GPU, driver: 'nouveau' },
    ]);
  });

  it('"none" unbinds and clears the override, and does nothing on a bare device', () => {
    const s = run(fresh(), planDriverChange(fresh(), GPU, { kind: 'driver', name: 'pci-stub' }));
    const none = planDriverChange(s, GPU, { kind: 'none' });
    expect(none).toEqual([
      { op: 'driver.unbind', bdf: GPU },
      { op: 'driver.override', bdf: GPU, driver: null },
    ]);
    expect(planDriverChange(run(s, none), GPU, { kind: 'none' })).toEqual([]);
  });
});
