// The seed's case: a GPU and its HDMI audio function share a slot, so they share a group even
// behind a root port with ACS; an NVMe drive behind another ACS root port sits alone.
import { DEFAULT_GROUPING_SETTINGS } from '../model/grouping/types.ts';
import { endpoint, hostBridge, rootPort, topology } from '../model/topology/builders.ts';
import type { Scenario } from '../store/scenario.ts';

export const gpuAudioNvme: Scenario = {
  id: 'gpu-audio-nvme',
  name: 'GPU + HDMI audio, and an NVMe drive',
  description:
    'Hand the GPU to vfio-pci: its group stays not viable while the HDMI audio function keeps snd_hda_intel. The NVMe drive is a group of its own.',
  topology: topology(
    hostBridge('00:00.0', { name: 'Root complex' }),
    rootPort('00:01.0', { acs: true, name: 'PCIe Root Port 1' }, [
      endpoint('01:00.0', { name: 'GA102 [GeForce RTX 3080]', classCode: 0x0300, vendor: 0x10de, device: 0x2206, driver: 'nouveau', modules: ['nouveau'], multifunction: true }),
      endpoint('01:00.1', { name: 'GA102 HDMI audio', classCode: 0x0403, vendor: 0x10de, device: 0x1aef, driver: 'snd_hda_intel', modules: ['snd_hda_intel'], multifunction: true }),
    ]),
    rootPort('00:02.0', { acs: true, name: 'PCIe Root Port 2' }, [
      endpoint('02:00.0', { name: 'NVMe SSD 980 PRO', classCode: 0x0108, vendor: 0x144d, device: 0xa80a, driver: 'nvme', modules: ['nvme'] }),
    ]),
  ),
  groupingSettings: DEFAULT_GROUPING_SETTINGS,
};
