// kernel-semantics A.8 example 1: a PCIe switch whose downstream ports lack ACS. Mainline Linux
// puts each downstream port in one group with the devices below it; the ports stay apart although
// their devices can still reach each other peer to peer (the 2025 "strict switch" proposal merges them).
import { DEFAULT_GROUPING_SETTINGS } from '../model/grouping/types.ts';
import { downstreamPort, endpoint, hostBridge, rootPort, topology, upstreamPort } from '../model/topology/builders.ts';
import type { Scenario } from '../store/scenario.ts';

export const switchWithoutAcs: Scenario = {
  id: 'switch-no-acs',
  name: 'PCIe switch without ACS',
  description:
    'Each downstream port without ACS shares a group with the devices below it, so passing the NIC through means taking its port too. The GPU and its audio function share their port\'s group.',
  topology: topology(
    hostBridge('00:00.0', { name: 'Root complex' }),
    rootPort('00:03.0', { acs: true, name: 'PCIe Root Port 3' }, [
      upstreamPort('01:00.0', { name: 'PEX 8747 upstream port' }, [
        downstreamPort('02:00.0', { name: 'PEX 8747 downstream port' }, [
          endpoint('03:00.0', { name: 'Ethernet I210', classCode: 0x0200, vendor: 0x8086, device: 0x1533, driver: 'igb', modules: ['igb'] }),
        ]),
        downstreamPort('02:01.0', { name: 'PEX 8747 downstream port' }, [
          endpoint('04:00.0', { name: 'NVMe SSD 970 EVO', classCode: 0x0108, vendor: 0x144d, device: 0xa808, driver: 'nvme', modules: ['nvme'] }),
        ]),
        downstreamPort('02:02.0', { name: 'PEX 8747 downstream port' }, [
          endpoint('05:00.0', { name: 'GP107 [GeForce GTX 1050 Ti]', classCode: 0x0300, vendor: 0x10de, device: 0x1c82, driver: 'nouveau', modules: ['nouveau'], multifunction: true }),
          endpoint('05:00.1', { name: 'GP107 HDMI audio', classCode: 0x0403, vendor: 0x10de, device: 0x0fb9, driver: 'snd_hda_intel', modules: ['snd_hda_intel'], multifunction: true }),
        ]),
      ]),
    ]),
  ),
  groupingSettings: DEFAULT_GROUPING_SETTINGS,
};
