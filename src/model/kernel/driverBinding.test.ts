// The sysfs driver interface (kernel-semantics D.6 items 1-6, 10), the same under every policy.
import { describe, expect, it } from 'vitest';
import { endpoint, rootPort, sriovFunctions, topology } from '../topology/builders.ts';
import { sim } from './sim.ts';
import { bridgedGroup, gpuPair } from './test-support/topologies.ts';
import { POLICY_NAMES } from './types.ts';

const virtio = topology(rootPort('00:02.0', { acs: true }, [endpoint('01:00.0', { driver: 'virtio-pci', modules: ['virtio_pci'] })]));
const smbus = topology(rootPort('00:02.0', { acs: true }, [endpoint('01:00.0', { driver: null, modules: ['i2c_i801'] })]));
const sriovPf = topology(rootPort('00:02.0', { acs: true }, sriovFunctions('01:00.0', 2, { driver: 'i40e', modules: ['i40e'] })));

for (const policy of POLICY_NAMES) {
  describe(`driver binding under ${policy}`, () => {
    it('vfio-pci and pci-stub claim a device only through driver_override (item 1)', () => {
      sim(gpuPair, policy).unbind('01:00.0').bind('01:00.0', 'vfio-pci').expectError('ENODEV').bind('01:00.0', 'pci-stub').expectError('ENODEV')
        .override('01:00.0', 'pci-stub').bind('01:00.0', 'pci-stub').expectOk().expectDriver('01:00.0', 'pci-stub');
    });
    it('module names match driver names with - and _ equal, and known renames (item 2)', () => {
      sim(virtio, policy).unbind('01:00.0').bind('01:00.0', 'virtio_pci').expectOk().expectDriver('01:00.0', 'virtio-pci');
      sim(smbus, policy).bind('01:00.0', 'i801_smbus').expectOk().expectDriver('01:00.0', 'i801_smbus');
    });
    it('pcieport takes ports only: ENODEV on PCIe-to-PCI and conventional bridges (item 3)', () => {
      sim(bridgedGroup, policy).bind('04:00.0', 'pcieport').expectError('ENODEV').bind('05:01.0', 'pcieport').expectError('ENODEV')
        .override('04:00.0', 'pcieport').probe('04:00.0').expectOk().expectDriver('04:00.0', null);
    });
    it('checks in order: match (ENODEV even when bound), unbound (EBUSY), then the probe (item 6)', () => {
      sim(gpuPair, policy).bind('01:00.0', 'snd_hda_intel').expectError('ENODEV').bind('01:00.0', 'nouveau').expectError('EBUSY')
        .override('01:00.0', 'pci-stub').unbind('01:00.0').bind('01:00.0', 'nouveau').expectError('ENODEV');
    });
    it('a driver that is not loaded is ENOENT; unbinding an unbound device is ENOENT', () => {
      sim(gpuPair, policy).unbind('01:00.0').bind('01:00.0', 'nosuchdrv').expectError('ENOENT').unbind('01:00.0').expectError('ENOENT');
    });
    it('drivers_probe binds the best host driver without an override, and does nothing on a bound device (items 4-5)', () => {
      sim(gpuPair, policy).unbind('01:00.1').probe('01:00.1').expectOk().expectDriver('01:00.1', 'snd_hda_intel').probe('01:00.1').expectOk();
    });
    it('vfio-pci refuses a PF with VFs enabled (EBUSY)', () => {
      sim(sriovPf, policy).unbind('01:00.0').override('01:00.0', 'vfio-pci').bind('01:00.0', 'vfio-pci').expectError('EBUSY');
    });
    it('a driver known to refuse a device in its probe refuses it (item 10)', () => {
      sim(gpuPair, policy, { probeRefusals: { '01:00.0': ['nouveau'] } }).unbind('01:00.0').bind('01:00.0', 'nouveau').expectError('ENODEV');
    });
  });
}

describe('driver_override', () => {
  it('records a name and binds nothing; null clears it', () => {
    const s = sim(gpuPair, 'upstream').override('01:00.0', 'vfio-pci').expectOk().expectDriver('01:00.0', 'nouveau');
    expect(s.state.overrides.get('0000:01:00.0')).toBe('vfio-pci');
    expect(s.override('01:00.0', null).state.overrides.has('0000:01:00.0')).toBe(false);
  });
});
