import { describe, expect, it } from 'vitest';
import { apply } from '../model/kernel/apply.ts';
import { OPS, parseCommand, type Command } from '../model/kernel/commands.ts';
import { createMachine } from '../model/kernel/machine.ts';
import type { MachineState, PolicyName } from '../model/kernel/types.ts';
import { computeGroups } from '../model/grouping/computeGroups.ts';
import { rfcV2AttachFlow, rfcV2BindFlow } from '../scenarios/flows/rfcV2DeviceFdNew.ts';
import { gpuAudioNvme } from '../scenarios/gpuAudioNvme.ts';
import { commandFrom, CREATES, defaultValues, freshName, OP_FORMS, opForm, unavailableReason, type DefaultContext } from './consoleDefaults.ts';

const GPU = '0000:01:00.0';
const AUDIO = '0000:01:00.1';
const NVME = '0000:02:00.0';

function machineAfter(policy: PolicyName, commands: readonly Command[]): MachineState {
  let s = createMachine(gpuAudioNvme.topology, computeGroups(gpuAudioNvme.topology, gpuAudioNvme.groupingSettings), { policy });
  for (const c of commands) s = apply(s, c).state;
  return s;
}

const toVfio = (bdf: string): Command[] => [
  { op: 'driver.unbind', bdf },
  { op: 'driver.override', bdf, driver: 'vfio-pci' },
  { op: 'driver.probe', bdf },
];

const ctx = (machine: MachineState, extra: Partial<DefaultContext> = {}): DefaultContext => ({ machine, selectedBdf: null, picked: {}, ...extra });

describe('console forms', () => {
  it('has one form per op of the command vocabulary, fields typed from the schema', () => {
    expect(OP_FORMS.map((f) => f.op)).toEqual(OPS);
    expect(opForm('group.getDeviceFdNew').fields).toEqual([
      { name: 'bdf', field: { type: 'device' }, optional: false },
      { name: 'iommufd', field: { type: 'object', object: 'iommufd' }, optional: false },
      { name: 'cookie', field: { type: 'number' }, optional: false },
      { name: 'as', field: { type: 'name', creates: 'device' }, optional: false },
    ]);
    expect(opForm('container.setIommu').fields[1]).toEqual({ name: 'type', field: { type: 'choice', options: ['type1', 'external'] }, optional: false });
    expect(opForm('ioasid.alloc').fields.find((f) => f.name === 'parent')).toEqual({ name: 'parent', field: { type: 'object', object: 'ioasid' }, optional: true });
    expect(opForm('driver.override').fields[1]).toEqual({ name: 'driver', field: { type: 'driver', clearable: true }, optional: false });
    expect(opForm('driver.bind').fields[1]).toEqual({ name: 'driver', field: { type: 'driver', clearable: false }, optional: false });
  });

  it('names the kind each creating op makes as the model does (even when the kernel refuses it)', () => {
    for (const form of OP_FORMS) {
      const as = form.fields.find((f) => f.name === 'as');
      if (!as) continue;
      const s = machineAfter('rfc-v2', rfcV2AttachFlow(GPU));
      const command = commandFrom(form, defaultValues(form, ctx(s, { selectedBdf: GPU })));
      const after = apply(s, command).state;
      const given = (command as { as?: string }).as!;
      expect(after.names.get(given)?.kind, form.op).toBe(CREATES[form.op]);
    }
  });

  it('takes which ops a policy has from the model', () => {
    expect(unavailableReason('legacy', 'iommufd.open')).toMatch(/does not exist under legacy.*ENOTTY/);
    expect(unavailableReason('legacy', 'group.getDeviceFd')).toBeNull();
    expect(unavailableReason('rfc-v2', 'group.getDeviceFdNew')).toBeNull();
    expect(unavailableReason('rfc-v2', 'cdev.open')).not.toBeNull();
    expect(unavailableReason('upstream', 'group.getDeviceFdNew')).not.toBeNull();
    expect(unavailableReason('upstream', 'cdev.bindIommufd')).toBeNull();
  });
});

describe('console defaults', () => {
  it('gives fresh names that no command used yet', () => {
    const s = machineAfter('rfc-v2', rfcV2BindFlow(GPU));
    expect(freshName(s, 'container')).toBe('c2');
    expect(freshName(s, 'iommufd')).toBe('io2');
    expect(freshName(s, 'ioasid')).toBe('ioas1');
    expect(freshName(s, 'device')).toBe('d1');
  });

  it('fills the device from the selection, else the first device on vfio-pci', () => {
    const s = machineAfter('upstream', [...toVfio(AUDIO)]);
    expect(defaultValues(opForm('group.open'), ctx(s)).bdf).toBe(AUDIO);
    expect(defaultValues(opForm('group.open'), ctx(s, { selectedBdf: NVME })).bdf).toBe(NVME);
  });

  it('fills objects with the newest live one, a device fd of the selected device, or the one picked', () => {
    const s = machineAfter('rfc-v2', [
      ...toVfio(AUDIO),
      ...toVfio(GPU),
      ...rfcV2AttachFlow(GPU),
      { op: 'group.getDeviceFdNew', bdf: AUDIO, iommufd: 'io1', cookie: 2, as: 'audio' },
      { op: 'ioasid.alloc', iommufd: 'io1', as: 'y' },
    ]);
    // No selection: the form works on the first device on vfio-pci (the GPU), so its fd comes first.
    expect(defaultValues(opForm('device.attach'), ctx(s))).toEqual({ device: 'gpu', ioasid: 'y' });
    expect(defaultValues(opForm('device.attach'), ctx(s, { selectedBdf: AUDIO }))).toEqual({ device: 'audio', ioasid: 'y' });
    expect(defaultValues(opForm('device.attach'), ctx(s, { selectedBdf: NVME }))).toEqual({ device: 'audio', ioasid: 'y' });
    expect(defaultValues(opForm('device.attach'), ctx(s, { picked: { ioasid: 'x', device: 'audio' } }))).toEqual({ device: 'audio', ioasid: 'x' });
    expect(defaultValues(opForm('group.getDeviceFdNew'), ctx(s)).cookie).toBe('3');
    expect(defaultValues(opForm('ioasid.alloc'), ctx(s))).toEqual({ iommufd: 'io1', as: 'ioas1', parent: '' });
  });

  it('skips a closed container and a picked object that is gone', () => {
    const s = machineAfter('legacy', [{ op: 'container.open', as: 'c1' }, { op: 'container.open', as: 'c2' }, { op: 'container.close', container: 'c2' }]);
    expect(defaultValues(opForm('container.setIommu'), ctx(s, { picked: { container: 'c2' } }))).toEqual({ container: 'c1', type: 'type1' });
  });

  it('offers vfio-pci through driver_override and a host driver for a bind', () => {
    const s = machineAfter('upstream', []);
    expect(defaultValues(opForm('driver.override'), ctx(s, { selectedBdf: AUDIO })).driver).toBe('vfio-pci');
    expect(defaultValues(opForm('driver.bind'), ctx(s, { selectedBdf: AUDIO })).driver).toBe('snd_hda_intel');
  });
});

describe('commands from forms', () => {
  it('every form filled with its defaults is a well-formed command', () => {
    const s = machineAfter('rfc-v2', [...toVfio(AUDIO), ...toVfio(GPU), ...rfcV2AttachFlow(GPU)]);
    for (const form of OP_FORMS) {
      const parsed = parseCommand(s.static, commandFrom(form, defaultValues(form, ctx(s))));
      expect(parsed.ok, form.op).toBe(true);
    }
  });

  it('turns text into the command: numbers, a cleared override, an empty optional left out', () => {
    expect(commandFrom(opForm('group.getDeviceFdNew'), { bdf: GPU, iommufd: 'io1', cookie: ' 7 ', as: 'd1' })).toEqual({ op: 'group.getDeviceFdNew', bdf: GPU, iommufd: 'io1', cookie: 7, as: 'd1' });
    expect(commandFrom(opForm('driver.override'), { bdf: GPU, driver: '' })).toEqual({ op: 'driver.override', bdf: GPU, driver: null });
    expect(commandFrom(opForm('ioasid.alloc'), { iommufd: 'io1', as: 'a', parent: '' })).toEqual({ op: 'ioasid.alloc', iommufd: 'io1', as: 'a' });
    expect(commandFrom(opForm('ioasid.alloc'), { iommufd: 'io1', as: 'a', parent: 'x' })).toEqual({ op: 'ioasid.alloc', iommufd: 'io1', as: 'a', parent: 'x' });
  });

  it('leaves a cookie that is no number as text, so the model names the mistake', () => {
    const s = machineAfter('rfc-v2', []);
    const parsed = parseCommand(s.static, commandFrom(opForm('group.getDeviceFdNew'), { bdf: GPU, iommufd: 'io1', cookie: 'one', as: 'd1' }));
    expect(parsed).toMatchObject({ ok: false, argument: 'cookie' });
  });
});
