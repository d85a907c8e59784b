// The worked examples of kernel-semantics A.8, with their variants.
import { describe, expect, it } from 'vitest';
import { downstreamPort, endpoint, gpuWithAudio, pciBridge, pciDevice, pcieToPciBridge, rootPort, topology, upstreamPort } from '../topology/builders.ts';
import { computeGroups } from './computeGroups.ts';
import { groupsOf, reasonOf } from './testing/groupingAssertions.ts';

describe('example 1: switch without ACS', () => {
  const example1 = ({ rpAcs = true, dspAcs = false } = {}) => topology(
    rootPort('00:03.0', { acs: rpAcs }, [upstreamPort('01:00.0', {}, [
      downstreamPort('02:00.0', { acs: dspAcs }, [endpoint('03:00.0')]),
      downstreamPort('02:01.0', { acs: dspAcs }, [endpoint('04:00.0', { name: 'NVMe' })]),
      downstreamPort('02:02.0', { acs: dspAcs }, gpuWithAudio('05:00')),
    ])]),
  );
  const dspsWithAcs = [['00:03.0'], ['01:00.0'], ['02:00.0'], ['02:01.0'], ['02:02.0'], ['03:00.0'], ['04:00.0'], ['05:00.0', '05:00.1']];

  it('gives each downstream port a group with its subtree; the upstream port is alone', () => {
    expect(groupsOf(example1())).toEqual([['00:03.0'], ['01:00.0'], ['02:00.0', '03:00.0'], ['02:01.0', '04:00.0'], ['02:02.0', '05:00.0', '05:00.1']]);
  });

  it('splits every port from its endpoint when the downstream ports have ACS; the GPU functions stay together', () => {
    expect(groupsOf(example1({ dspAcs: true }))).toEqual(dspsWithAcs);
  });

  it('puts everything under a root port without ACS into its group', () => {
    expect(groupsOf(example1({ rpAcs: false }))).toEqual([['00:03.0', '01:00.0', '02:00.0', '02:01.0', '02:02.0', '03:00.0', '04:00.0', '05:00.0', '05:00.1']]);
  });

  it('gives the "DSPs with ACS" result with pcie_acs_override=downstream', () => {
    expect(groupsOf(example1(), { acsOverride: ['downstream'] })).toEqual(dspsWithAcs);
  });

  it('merges all three downstream-port subtrees under the strict-switch rule', () => {
    expect(groupsOf(example1(), { strictSwitch: true })).toEqual([['00:03.0'], ['01:00.0'], ['02:00.0', '02:01.0', '02:02.0', '03:00.0', '04:00.0', '05:00.0', '05:00.1']]);
  });
});

describe('example 2: multifunction GPU + audio', () => {
  it('groups the GPU with its audio function below a root port with ACS; the port is alone', () => {
    expect(groupsOf(topology(rootPort('00:01.0', { acs: true }, gpuWithAudio('01:00'))))).toEqual([['00:01.0'], ['01:00.0', '01:00.1']]);
  });

  const peg = () => topology(
    rootPort('00:01.0', { multifunction: true }, gpuWithAudio('01:00')),
    rootPort('00:01.1', {}, [endpoint('02:00.0')]),
  );

  it('merges both PEG root ports without ACS, the GPU, its audio and everything under the second port', () => {
    expect(groupsOf(peg())).toEqual([['00:01.0', '00:01.1', '01:00.0', '01:00.1', '02:00.0']]);
  });

  it('splits the GPU from its audio with pcie_acs_override=multifunction', () => {
    expect(groupsOf(topology(rootPort('00:01.0', { acs: true }, gpuWithAudio('01:00'))), { acsOverride: ['multifunction'] })).toEqual([['00:01.0'], ['01:00.0'], ['01:00.1']]);
  });

  it('detaches the GPU from root ports without ACS with pcie_acs_override=downstream', () => {
    expect(groupsOf(peg(), { acsOverride: ['downstream'] })).toEqual([['00:01.0'], ['00:01.1'], ['01:00.0', '01:00.1'], ['02:00.0']]);
  });
});

describe('example 3: conventional PCI behind a PCIe-to-PCI bridge', () => {
  it('puts the bridge and the devices behind it into one group; the Intel PCH root port is alone by its quirk', () => {
    const t = topology(rootPort('00:1c.0', { vendor: 0x8086, device: 0x1c10, acs: false }, [pcieToPciBridge('02:00.0', {}, [pciDevice('03:04.0'), pciDevice('03:05.0')])]));
    const g = computeGroups(t);
    expect(groupsOf(t)).toEqual([['00:1c.0'], ['02:00.0', '03:04.0', '03:05.0']]);
    expect(reasonOf(g, '03:05.0').text).toBe('behind PCIe-to-PCI bridge 0000:02:00.0, which takes ownership of its requester ID (alias 03:00.0)');
  });

  it('groups the vfio.rst example: the 82801 bridge on the root bus and both functions behind it', () => {
    const t = topology(pciBridge('00:1e.0', { vendor: 0x8086, device: 0x244e }, [pciDevice('06:0d.0', { multifunction: true }), pciDevice('06:0d.1')]));
    const g = computeGroups(t);
    expect(groupsOf(t)).toEqual([['00:1e.0', '06:0d.0', '06:0d.1']]);
    // On a root bus the bridge gets no PCIE_BRIDGE_ALIAS (A.9 item 12): it forwards with its own ID.
    expect(reasonOf(g, '06:0d.1').text).toBe('behind conventional PCI bridge 0000:00:1e.0, which forwards its DMA under the bridge\'s own requester ID 00:1e.0');
  });
});
