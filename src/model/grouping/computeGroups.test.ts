// pci_device_group() rule by rule (kernel-semantics A.5, corrected by A.9 items 2, 3, 10, 11).
import { describe, expect, it } from 'vitest';
import {
  acsCapability, downstreamPort, endpoint, gpuWithAudio, hostBridge, multifunction, pciBridge, pciDevice,
  pcieToPciBridge, rcEndpoint, rootPort, sriovFunctions, topology, upstreamPort,
} from '../topology/builders.ts';
import { computeGroups } from './computeGroups.ts';
import { groupsOf, reasonOf } from './testing/groupingAssertions.ts';

describe('step 1: DMA aliases through bridges', () => {
  it('puts conventional devices behind a PCIe-to-PCI bridge into the bridge\'s group', () => {
    const t = topology(rootPort('00:02.0', { acs: true }, [pcieToPciBridge('01:00.0', {}, [pciDevice('02:01.0'), pciDevice('02:02.0')])]));
    expect(groupsOf(t)).toEqual([['00:02.0'], ['01:00.0', '02:01.0', '02:02.0']]);
    expect(reasonOf(computeGroups(t), '02:02.0').kind).toBe('dma-alias');
  });

  it('groups everything behind nested bridges with the topmost aliasing bridge (A.9 item 10, oracle i)', () => {
    const t = topology(rootPort('00:02.0', { acs: true }, [pcieToPciBridge('01:00.0', {}, [
      pciBridge('02:01.0', {}, [pciDevice('03:01.0'), pciBridge('03:02.0', {}, [pciDevice('04:01.0')])]),
      pciDevice('02:02.0'),
    ])]));
    expect(groupsOf(t)).toEqual([['00:02.0'], ['01:00.0', '02:01.0', '02:02.0', '03:01.0', '03:02.0', '04:01.0']]);
  });

  it('gives a conventional device plugged straight into a port no alias (A.9 item 10, oracle p)', () => {
    const t = topology(rootPort('00:02.0', { acs: true }, [pciDevice('01:00.0')]));
    expect(groupsOf(t)).toEqual([['00:02.0'], ['01:00.0']]);
  });
});

describe('step 2: climbing to the ACS-isolated path', () => {
  it('joins the group of a root port without ACS; below one with ACS each function is alone', () => {
    expect(groupsOf(topology(rootPort('00:1c.0', { acs: false }, [endpoint('01:00.0')])))).toEqual([['00:1c.0', '01:00.0']]);
    expect(groupsOf(topology(rootPort('00:1c.0', { acs: true }, [endpoint('01:00.0')])))).toEqual([['00:1c.0'], ['01:00.0']]);
  });

  it('joins the first bridge whose own path fails, even when the failure is higher up', () => {
    const t = topology(rootPort('00:02.0', { acs: false }, [upstreamPort('01:00.0', {}, [downstreamPort('02:00.0', { acs: true }, [endpoint('03:00.0')])])]));
    const g = computeGroups(t);
    expect(groupsOf(t)).toEqual([['00:02.0', '01:00.0', '02:00.0', '03:00.0']]);
    expect(reasonOf(g, '03:00.0').via).toBe('0000:02:00.0');
  });

  it('makes a multifunction upstream port without ACS one group with its whole switch, even with only the header bit (oracle u)', () => {
    const sw = (mf: boolean) => topology(rootPort('00:02.0', { acs: true }, [upstreamPort('01:00.0', { multifunction: mf }, [
      downstreamPort('02:00.0', {}, [endpoint('03:00.0')]), downstreamPort('02:01.0', {}, [endpoint('04:00.0')]),
    ])]));
    expect(groupsOf(sw(true))).toEqual([['00:02.0'], ['01:00.0', '02:00.0', '02:01.0', '03:00.0', '04:00.0']]);
    expect(groupsOf(sw(false))).toEqual([['00:02.0'], ['01:00.0'], ['02:00.0', '03:00.0'], ['02:01.0', '04:00.0']]);
  });
});

describe('step 3: same-bus DMA aliases', () => {
  it('joins the group of the function it aliases, even when both functions are ACS-isolated', () => {
    const t = topology(rootPort('00:02.0', { acs: true }, [
      endpoint('01:00.0', { vendor: 0x1b4b, device: 0x9230, multifunction: true, acs: true }),
      endpoint('01:00.1', { multifunction: true, acs: true }),
    ]));
    expect(groupsOf(t)).toEqual([['00:02.0'], ['01:00.0', '01:00.1']]);
    expect(reasonOf(computeGroups(t), '01:00.1').kind).toBe('same-bus-alias');
  });

  it('changes nothing when the aliased function does not exist (a ghost requester)', () => {
    const t = topology(rootPort('00:02.0', { acs: true }, [endpoint('01:00.0', { vendor: 0x1b4b, device: 0x9230 })]));
    expect(groupsOf(t)).toEqual([['00:02.0'], ['01:00.0']]);
  });
});

describe('step 4: functions of a multifunction slot', () => {
  it('groups the non-isolated functions of a slot', () => {
    expect(groupsOf(topology(rootPort('00:02.0', { acs: true }, gpuWithAudio('01:00'))))).toEqual([['00:02.0'], ['01:00.0', '01:00.1']]);
  });

  it('leaves isolated functions of the slot alone, wherever they sit in it (oracle e, m)', () => {
    const slot = (isolated: number) => topology(rootPort('00:02.0', { acs: true }, [0, 1, 2].map((f) => endpoint(`01:00.${f}`, { multifunction: true, acs: f === isolated }))));
    expect(groupsOf(slot(1))).toEqual([['00:02.0'], ['01:00.0', '01:00.2'], ['01:00.1']]);
    expect(groupsOf(slot(0))).toEqual([['00:02.0'], ['01:00.0'], ['01:00.1', '01:00.2']]);
  });

  it('merges root ports of one slot without ACS with each other and all below them (oracle a3)', () => {
    const t = topology(rootPort('00:02.0', { multifunction: true }, [endpoint('01:00.0')]), rootPort('00:02.1', {}, [endpoint('02:00.0')]), rootPort('00:03.0', {}, [endpoint('03:00.0')]));
    expect(groupsOf(t)).toEqual([['00:02.0', '00:02.1', '01:00.0', '02:00.0'], ['00:03.0', '03:00.0']]);
  });

  it('groups a conventional slot on the root bus, but not a function whose header alone says multifunction (oracle j)', () => {
    const t = topology(...multifunction('00:1f', 3, {}, pciDevice), pciDevice('00:07.0', { multifunction: true }));
    expect(groupsOf(t)).toEqual([['00:07.0'], ['00:1f.0', '00:1f.1', '00:1f.2']]);
  });

  it('keeps every function > 0 multifunction even without its own header bit (A.9 item 2, oracle b)', () => {
    const t = topology(rootPort('00:02.0', { acs: true }, [endpoint('01:00.0', { multifunction: true }), endpoint('01:00.1')]));
    expect(groupsOf(t)).toEqual([['00:02.0'], ['01:00.0', '01:00.1']]);
  });
});

describe('the root bus', () => {
  it('isolates single-function RCiEPs and Intel RCiEP pairs, groups other RCiEP pairs (oracle e)', () => {
    const t = topology(
      rcEndpoint('00:03.0', { vendor: 0x1b36 }),
      ...multifunction('00:06', 2, { vendor: 0x8086, device: 0x10d3 }, rcEndpoint),
      ...multifunction('00:07', 2, { vendor: 0x1b36, device: 0x0010 }, rcEndpoint),
    );
    expect(groupsOf(t)).toEqual([['00:03.0'], ['00:06.0'], ['00:06.1'], ['00:07.0', '00:07.1']]);
  });

  it('isolates AMD southbridge functions when the host is AMD, and groups them otherwise (A.9 item 7)', () => {
    const sb = [pciDevice('00:14.0', { vendor: 0x1002, device: 0x4385, multifunction: true }), pciDevice('00:14.1', { vendor: 0x1002, device: 0x439c })];
    expect(groupsOf(topology(hostBridge('00:00.0', { vendor: 0x1022, device: 0x1450 }), ...sb))).toEqual([['00:00.0'], ['00:14.0'], ['00:14.1']]);
    expect(groupsOf(topology(hostBridge('00:00.0'), ...sb))).toEqual([['00:00.0'], ['00:14.0', '00:14.1']]);
    expect(groupsOf(topology(hostBridge('00:00.0'), ...sb), { amdIvrs: true })).toEqual([['00:00.0'], ['00:14.0'], ['00:14.1']]);
  });
});

describe('SR-IOV VFs (A.9 item 3)', () => {
  it('gives each VF its own group below an ACS-isolated path, also on the PF\'s slot on the root bus (oracle f, n)', () => {
    expect(groupsOf(topology(rootPort('00:02.0', { acs: true }, sriovFunctions('01:00.0', 2))))).toEqual([['00:02.0'], ['01:00.0'], ['01:00.1'], ['01:00.2']]);
    expect(groupsOf(topology(...sriovFunctions('00:05.0', 2)))).toEqual([['00:05.0'], ['00:05.1'], ['00:05.2']]);
  });

  it('puts VFs below a port without ACS into the port\'s group (oracle n)', () => {
    const t = topology(rootPort('00:02.0', { acs: true }, [upstreamPort('01:00.0', {}, [downstreamPort('02:00.0', {}, sriovFunctions('03:00.0', 3))])]));
    expect(groupsOf(t)).toContainEqual(['02:00.0', '03:00.0', '03:00.1', '03:00.2', '03:00.3']);
  });

  it('lets a boot device\'s search see no VF, since VFs are added later (for_each_pci_dev)', () => {
    // The PF's slot search would reach 01:00.0 through its not-yet-added VF's DMA alias.
    const wangxun = { vendor: 0x8088, device: 0x0999 }; // pci_quirk_wangxun_nic_acs: not isolated
    const t = topology(rootPort('00:02.0', { acs: true }, [
      endpoint('01:00.0'),
      endpoint('01:01.0', { ...wangxun, multifunction: true, sriov: { totalVfs: 1, numVfs: 1, vfOffset: 1, vfStride: 1 } }),
      endpoint('01:01.1', { ...wangxun, physfn: '01:01.0', multifunction: false, quirks: { dmaAliasDevfns: [0x00] } }),
    ]));
    expect(groupsOf(t)).toEqual([['00:02.0'], ['01:00.0', '01:01.1'], ['01:01.0']]);
  });

  it('does not merge VFs into a multifunction PF\'s slot, since a VF is single-function', () => {
    const t = topology(rootPort('00:02.0', { acs: true }, [
      ...sriovFunctions('01:00.0', 2, { multifunction: true, vfOffset: 2 }),
      endpoint('01:00.1', { multifunction: true }),
    ]));
    expect(groupsOf(t)).toEqual([['00:02.0'], ['01:00.0', '01:00.1'], ['01:00.2'], ['01:00.3']]);
  });
});

describe('functions the IOMMU does not translate (A.9 item 11)', () => {
  it('are in no group but still take part as slot siblings', () => {
    const t = topology(
      hostBridge('00:00.0', { vendor: 0x1022, device: 0x1480, multifunction: true, translated: false }),
      pciDevice('00:00.2', { vendor: 0x1022, device: 0x1481, translated: false }),
      pciDevice('00:00.3', { vendor: 0x1022, device: 0x1482 }),
    );
    const g = computeGroups(t);
    expect(g.ungrouped).toEqual(['0000:00:00.0', '0000:00:00.2']);
    expect(g.groups.map((x) => x.devices)).toEqual([['0000:00:00.3']]);
  });
});

describe('input checks', () => {
  it('names a parent that is missing', () => {
    const t = topology(rootPort('00:02.0', {}, [endpoint('01:00.0')]));
    t.functions = t.functions.filter((f) => f.bdf !== '0000:00:02.0');
    expect(() => computeGroups(t)).toThrow('0000:01:00.0 names parent bridge 0000:00:02.0, which is not in the topology');
  });

  it('names a function that is its own ancestor', () => {
    const t = topology(rootPort('00:02.0', {}, [rootPort('01:00.0', {}, [endpoint('02:00.0')])]));
    t.functions = t.functions.map((f) => (f.bdf === '0000:00:02.0' ? { ...f, parent: '0000:01:00.0' } : f));
    expect(() => computeGroups(t)).toThrow(/is its own ancestor in the topology/);
  });

  it('rejects a bus placed below two bridges', () => {
    const t = topology(rootPort('00:02.0', {}, [endpoint('01:00.0')]), rootPort('00:03.0', {}, [endpoint('01:01.0')]));
    expect(() => computeGroups(t)).toThrow(/bus 0000:01 below/);
  });

  it('accepts an ACS capability read with lspci -v, whose controls are assumed (A.9 item 4)', () => {
    const acs = { ...acsCapability(), ctrlAssumed: true };
    expect(groupsOf(topology(rootPort('00:02.0', { acs }, [endpoint('01:00.0')])))).toEqual([['00:02.0'], ['01:00.0']]);
  });
});
