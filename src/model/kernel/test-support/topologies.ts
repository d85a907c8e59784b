// Test support: small topologies for the kernel rules, written with the topology builders.
import { downstreamPort, endpoint, gpuWithAudio, pciBridge, pciDevice, pcieToPciBridge, rootPort, topology, upstreamPort } from '../../topology/builders.ts';
import type { Topology } from '../../topology/types.ts';

/** A GPU (nouveau) and its HDMI audio (snd_hda_intel) below an ACS root port: group {01:00.0, 01:00.1}. */
export const gpuPair: Topology = topology(rootPort('00:01.0', { acs: true }, gpuWithAudio('01:00')));

/**
 * A root port without ACS swallows everything below it: a switch (pcieport on its ports), an NVMe
 * drive, and a PCIe-to-PCI bridge with a conventional bridge that a host bridge driver without
 * driver_managed_dma (shpchp) could claim, and a conventional NIC.
 */
export const bridgedGroup: Topology = topology(
  rootPort('00:02.0', { acs: false }, [
    upstreamPort('01:00.0', {}, [
      downstreamPort('02:00.0', {}, [endpoint('03:00.0', { name: 'NVMe SSD', classCode: 0x0108, driver: 'nvme', modules: ['nvme'] })]),
      downstreamPort('02:01.0', {}, [
        pcieToPciBridge('04:00.0', {}, [pciBridge('05:01.0', { modules: ['shpchp'] }, [pciDevice('06:01.0')])]),
      ]),
    ]),
  ]),
);
