import { describe, expect, it } from 'vitest';
import { computeGroups } from '../../model/grouping/computeGroups.ts';
import { apply } from '../../model/kernel/apply.ts';
import type { Command } from '../../model/kernel/commands.ts';
import { createMachine } from '../../model/kernel/machine.ts';
import type { PolicyName } from '../../model/kernel/types.ts';
import { rfcV2AttachFlow } from '../../scenarios/flows/rfcV2DeviceFdNew.ts';
import { gpuAudioNvme } from '../../scenarios/gpuAudioNvme.ts';
import { userspaceObjects } from './userspaceObjects.ts';

const GPU = '0000:01:00.0';
const AUDIO = '0000:01:00.1';

function objectsAfter(policy: PolicyName, commands: readonly Command[]) {
  let s = createMachine(gpuAudioNvme.topology, computeGroups(gpuAudioNvme.topology, gpuAudioNvme.groupingSettings), { policy });
  for (const c of commands) {
    const r = apply(s, c);
    expect(r.ok, `${c.op}: ${r.ok ? '' : r.error.message}`).toBe(true);
    s = r.state;
  }
  return userspaceObjects(s).map((o) => `${'  '.repeat(o.depth)}${o.kind} ${o.name}: ${o.detail}`);
}

describe('userspace objects', () => {
  it('lists the group file, the container, the iommu fd with its IOASID, and the device fd with its cookie', () => {
    expect(objectsAfter('rfc-v2', [{ op: 'driver.unbind', bdf: AUDIO }, { op: 'driver.unbind', bdf: GPU }, { op: 'driver.override', bdf: GPU, driver: 'vfio-pci' }, { op: 'driver.probe', bdf: GPU }, ...rfcV2AttachFlow(GPU)])).toEqual([
      'group /dev/vfio/3: in container c1',
      'container c1: IOMMU external, groups 3',
      'iommufd io1: bound: gpu',
      '  ioasid x: IOASID; attached: gpu; translates group 3',
      'device gpu: 01:00.0 · GET_DEVICE_FD_NEW · cookie 1 · bound to io1 · attached to x',
    ]);
  });

  it('nests IOASIDs under their parents and uses upstream\u2019s word for them', () => {
    expect(
      objectsAfter('upstream', [
        { op: 'iommufd.open', as: 'io1' },
        { op: 'ioasid.alloc', iommufd: 'io1', as: 'a' },
        { op: 'ioasid.alloc', iommufd: 'io1', as: 'b' },
        { op: 'ioasid.alloc', iommufd: 'io1', as: 'a1', parent: 'a' },
        { op: 'ioasid.alloc', iommufd: 'io1', as: 'a11', parent: 'a1' },
      ]),
    ).toEqual([
      'iommufd io1: no device bound',
      '  ioasid a: IOAS; nothing attached',
      '    ioasid a1: IOAS nested in a; nothing attached',
      '      ioasid a11: IOAS nested in a1; nothing attached',
      '  ioasid b: IOAS; nothing attached',
    ]);
  });

  it('shows a cdev that is not bound yet as having no access, and forgets closed objects', () => {
    const list = objectsAfter('upstream', [
      { op: 'driver.unbind', bdf: GPU },
      { op: 'driver.override', bdf: GPU, driver: 'vfio-pci' },
      { op: 'driver.probe', bdf: GPU },
      { op: 'cdev.open', bdf: GPU, as: 'd1' },
      { op: 'container.open', as: 'c1' },
      { op: 'container.close', container: 'c1' },
    ]);
    expect(list).toEqual(['device d1: 01:00.0 · cdev · no access yet']);
  });
});
