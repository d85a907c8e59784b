// Conventional PCI behind a PCIe-to-PCI bridge: the bridge takes over its devices' requester IDs,
// so the IOMMU cannot tell them apart and the bridge and everything below it form one group.
import { DEFAULT_GROUPING_SETTINGS } from '../model/grouping/types.ts';
import { endpoint, hostBridge, pciDevice, pcieToPciBridge, rootPort, topology } from '../model/topology/builders.ts';
import type { Scenario } from '../store/scenario.ts';

export const conventionalPci: Scenario = {
  id: 'pci-bridge',
  name: 'Conventional PCI behind a PCIe-to-PCI bridge',
  description:
    'The bridge aliases the requester IDs of the cards behind it, so they share one group with the bridge. The NIC on a root port of its own is alone.',
  topology: topology(
    hostBridge('00:00.0', { name: 'Root complex' }),
    rootPort('00:1c.0', { acs: true, name: 'PCIe Root Port 1' }, [
      pcieToPciBridge('01:00.0', { name: 'ASM1083 PCIe-to-PCI bridge', vendor: 0x1b21, device: 0x1080 }, [
        pciDevice('02:01.0', { name: 'Sound Blaster Audigy', classCode: 0x0401, vendor: 0x1102, device: 0x0004, driver: 'snd_emu10k1', modules: ['snd_emu10k1'] }),
        pciDevice('02:02.0', { name: '16550 serial card', classCode: 0x0700, vendor: 0x9710, device: 0x9865, driver: 'serial', modules: ['parport_serial'] }),
      ]),
    ]),
    rootPort('00:1c.1', { acs: true, name: 'PCIe Root Port 2' }, [
      endpoint('03:00.0', { name: 'Ethernet I211', classCode: 0x0200, vendor: 0x8086, device: 0x1539, driver: 'igb', modules: ['igb'] }),
    ]),
  ),
  groupingSettings: DEFAULT_GROUPING_SETTINGS,
};
