// Labels of edits and the override's plain-words warning.
import { describe, expect, it } from 'vitest';
import { acsCapability } from '../topology/builders.ts';
import { describeEdit } from './edits.ts';
import { overrideWarnings } from './overrideWords.ts';

describe('describeEdit', () => {
  it('labels every kind of edit in short addresses', () => {
    expect(describeEdit({ op: 'card.move', bdf: '0000:01:00.0', to: '0000:00:1c.4' })).toBe('move 01:00.0 to 00:1c.4');
    expect(describeEdit({ op: 'device.add', at: '0000:00:02.0', template: 'switch', options: { ports: 3, acs: false } })).toBe('add PCIe switch (3 ports, without ACS) at 00:02.0');
    expect(describeEdit({ op: 'device.add', at: '0000:00', template: 'chipset' })).toBe('add multifunction chipset device at root bus 00');
    expect(describeEdit({ op: 'device.add', at: '0000:00:02.0', template: 'nic-sriov', options: { vfs: 7 } })).toBe('add NIC with SR-IOV (7 VFs) at 00:02.0');
    expect(describeEdit({ op: 'device.remove', bdf: '0000:03:00.0' })).toBe('remove 03:00.0');
    expect(describeEdit({ op: 'acs.set', bdf: '0000:00:01.0', acs: acsCapability() })).toBe('set ACS of 00:01.0');
    expect(describeEdit({ op: 'acs.set', bdf: '0000:00:01.0', acs: null })).toBe('remove ACS of 00:01.0');
    expect(describeEdit({ op: 'settings.acsOverride', value: ['downstream', 'multifunction'] })).toBe('pcie_acs_override=downstream,multifunction');
    expect(describeEdit({ op: 'settings.acsOverride', value: [] })).toBe('no ACS override');
    expect(describeEdit({ op: 'settings.strictSwitch', value: true })).toBe('strict switch on');
  });
});

describe('overrideWarnings', () => {
  it('says for each word which isolation it pretends', () => {
    const [downstream, multifunction, id] = overrideWarnings(['downstream', 'multifunction', 'id:10DE:1AEF']);
    expect(downstream).toMatch(/^pcie_acs_override=downstream makes the kernel treat every root port and switch downstream port without an ACS capability as if it had ACS.*NOT blocked by hardware/);
    expect(multifunction).toMatch(/^pcie_acs_override=multifunction .* may still reach each other/);
    expect(id).toMatch(/^pcie_acs_override=id:10de:1aef makes the kernel treat every PCIe device 10de:1aef/);
  });

  it('is silent without an override', () => {
    expect(overrideWarnings([])).toEqual([]);
  });
});
