import { describe, expect, it } from 'vitest';
import { gpuAudioNvme } from '../scenarios/gpuAudioNvme.ts';
import { createExplorerStore } from './explorerStore.ts';
import { deviceView, driverChoices, groupsByDomain, groupView, sharedDomains } from './views.ts';

const GPU = '0000:01:00.0';
const AUDIO = '0000:01:00.1';

function upstreamInUse() {
  const store = createExplorerStore(gpuAudioNvme, { policy: 'upstream' });
  const { changeDriver, perform } = store.getState();
  changeDriver(AUDIO, { kind: 'none' });
  changeDriver(GPU, { kind: 'driver', name: 'vfio-pci' });
  perform('console', [
    { op: 'cdev.open', bdf: GPU, as: 'gpu' },
    { op: 'iommufd.open', as: 'io1' },
    { op: 'cdev.bindIommufd', device: 'gpu', iommufd: 'io1' },
    { op: 'ioasid.alloc', iommufd: 'io1', as: 'x' },
  ]);
  return store;
}

describe('views of the machine', () => {
  it('lists the blocked domain first, then user domains in the policy\'s words', () => {
    const s = upstreamInUse().getState();
    expect(sharedDomains(s.machine).map((d) => [d.kind, d.label])).toEqual([
      ['blocked', 'blocked domain'],
      ['user', 'IOAS x'],
    ]);
  });

  it('tells which groups each shared domain translates', () => {
    const s = upstreamInUse().getState();
    const g = s.grouping.groupOf.get(GPU)!;
    expect(groupView(s.machine, g)).toMatchObject({ domainId: 'blocked', domainKind: 'blocked', owner: 'iommufd:io1', viable: true });
    expect(groupsByDomain(s.machine).get('blocked')).toEqual([g]);
  });

  it('describes a device: driver, override, user access', () => {
    const s = upstreamInUse().getState();
    expect(deviceView(s.machine, GPU)).toMatchObject({ driver: 'vfio-pci', override: 'vfio-pci', userAccess: true });
    expect(deviceView(s.machine, AUDIO)).toMatchObject({ driver: null, override: null, userAccess: false });
  });

  it('offers vfio-pci and pci-stub for any device, and the host drivers that claim it', () => {
    const s = createExplorerStore(gpuAudioNvme).getState();
    expect(driverChoices(s.machine, AUDIO)).toEqual({ userspace: ['vfio-pci', 'pci-stub'], host: ['snd_hda_intel'] });
    expect(driverChoices(s.machine, null).host).toEqual([]);
  });
});
