// applyEdit(): what-if edits of a topology and its grouping settings (issue 8).
import { describe, expect, it } from 'vitest';
import { loadOracleFixture } from '../../testing/fixtures.ts';
import { compareWithKernel } from '../grouping/compareWithKernel.ts';
import { computeGroups } from '../grouping/computeGroups.ts';
import { groupsOf } from '../grouping/testing/groupingAssertions.ts';
import { oracleTopology } from '../grouping/testing/oracleTopology.ts';
import { DEFAULT_GROUPING_SETTINGS, type GroupingSettings } from '../grouping/types.ts';
import { acsCapability, endpoint, gpuWithAudio, pciDevice, pcieToPciBridge, rootPort, topology, upstreamPort, downstreamPort } from '../topology/builders.ts';
import type { Topology } from '../topology/types.ts';
import { applyEdit, type EditResult } from './applyEdit.ts';
import type { ScenarioEdit } from './edits.ts';

const settings = DEFAULT_GROUPING_SETTINGS;
const gpuMachine = () =>
  topology(rootPort('00:01.0', { acs: false }, gpuWithAudio('01:00')), rootPort('00:02.0', { acs: true }), rootPort('00:03.0', { acs: true }, [endpoint('03:00.0')]));

function ok(result: EditResult) {
  if (!result.ok) throw new Error(`edit refused: ${result.message}`);
  return result;
}
function refused(result: EditResult): string {
  if (result.ok) throw new Error('edit was accepted');
  return result.message;
}
const edit = (t: Topology, e: ScenarioEdit, s: GroupingSettings = settings) => applyEdit({ topology: t, groupingSettings: s }, e);
const bdfs = (t: Topology) => t.functions.map((f) => f.bdf.slice(5));

describe('card.move', () => {
  it('moves every function of the card onto device 00 of the new port and splits its group', () => {
    const t = gpuMachine();
    expect(groupsOf(t)).toContainEqual(['00:01.0', '01:00.0', '01:00.1']);
    const r = ok(edit(t, { op: 'card.move', bdf: '0000:01:00.1', to: '0000:00:02.0' }));
    expect(bdfs(r.topology)).toEqual(['00:01.0', '00:02.0', '00:03.0', '02:00.0', '02:00.1', '03:00.0']);
    expect(Object.fromEntries(r.renamed)).toEqual({ '0000:01:00.0': '0000:02:00.0', '0000:01:00.1': '0000:02:00.1' });
    const gpu = r.topology.functions.find((f) => f.bdf === '0000:02:00.0')!;
    expect([gpu.parent, gpu.driver]).toEqual(['0000:00:02.0', 'nouveau']);
    // Below an ACS root port the GPU leaves the port's group; its two functions stay together (no ACS in the slot).
    expect(groupsOf(r.topology)).toEqual([['00:01.0'], ['00:02.0'], ['00:03.0'], ['02:00.0', '02:00.1'], ['03:00.0']]);
  });

  it('renumbers the buses that follow the moved card depth-first', () => {
    const t = topology(rootPort('00:01.0', {}, [endpoint('01:00.0')]), rootPort('00:02.0', {}, [endpoint('02:00.0')]), rootPort('00:03.0'));
    const r = ok(edit(t, { op: 'card.move', bdf: '0000:01:00.0', to: '0000:00:03.0' }));
    // 00:01.0 is now empty but keeps bus 01; 02:00.0 stays; the card lands on 00:03.0's bus 03.
    expect(bdfs(r.topology)).toEqual(['00:01.0', '00:02.0', '00:03.0', '02:00.0', '03:00.0']);
    expect(r.topology.functions.find((f) => f.bdf === '0000:00:03.0')!.secondaryBus).toBe(3);
  });

  it('gives a card moved onto a PCIe link device number 00, whatever its slot was (probe.c only_one_child)', () => {
    const t = topology(rootPort('00:01.0', {}, [pcieToPciBridge('01:00.0', {}, [pciDevice('02:03.0')])]), rootPort('00:02.0'));
    const r = ok(edit(t, { op: 'card.move', bdf: '0000:02:03.0', to: '0000:00:02.0' }));
    expect(r.renamed.get('0000:02:03.0')).toBe('0000:03:00.0');
  });

  it('refuses a port that already holds a card, naming it', () => {
    expect(refused(edit(gpuMachine(), { op: 'card.move', bdf: '0000:01:00.0', to: '0000:00:03.0' }))).toBe(
      'root port 00:03.0 already holds a card (03:00.0); a PCIe link has room for one device. Remove or move that card first.',
    );
  });

  it('refuses to move a card below itself, onto its own port, or into a switch\'s internal bus', () => {
    const t = topology(rootPort('00:01.0', {}, [upstreamPort('01:00.0', {}, [downstreamPort('02:00.0')])]), rootPort('00:02.0'));
    expect(refused(edit(t, { op: 'card.move', bdf: '0000:01:00.0', to: '0000:02:00.0' }))).toBe('cannot move 01:00.0 below 02:00.0, which is part of that card');
    expect(refused(edit(t, { op: 'card.move', bdf: '0000:01:00.0', to: '0000:00:01.0' }))).toBe('01:00.0 already sits below root port 00:01.0');
    expect(refused(edit(gpuMachine(), { op: 'card.move', bdf: '0000:03:00.0', to: '0000:01:00.0' }))).toBe('PCIe endpoint 01:00.0 is not a bridge or port: nothing can be plugged below it');
    expect(refused(edit(t, { op: 'card.move', bdf: '0000:02:00.0', to: '0000:01:00.0' }))).toMatch(/switch upstream port: the bus it opens is inside the switch/);
    expect(refused(edit(t, { op: 'card.move', bdf: '0000:00:02.0', to: '0000:02:00.0' }))).toBe('root port 00:02.0 sits on a root bus: it is part of the root complex, not a card that can be moved');
  });

  it('puts a conventional card in the lowest free slot of a PCI bus and keeps PCIe cards off it', () => {
    const t = topology(rootPort('00:01.0', {}, [pcieToPciBridge('01:00.0', {}, [pciDevice('02:00.0')])]), rootPort('00:02.0', {}, [pciDevice('03:00.0')]), rootPort('00:03.0', {}, [endpoint('04:00.0')]));
    const r = ok(edit(t, { op: 'card.move', bdf: '0000:03:00.0', to: '0000:01:00.0' }));
    expect(Object.fromEntries(r.renamed)).toMatchObject({ '0000:03:00.0': '0000:02:01.0' });
    expect(refused(edit(t, { op: 'card.move', bdf: '0000:04:00.0', to: '0000:01:00.0' }))).toBe(
      'PCIe endpoint 04:00.0 is a PCIe device and does not fit the conventional PCI bus behind PCIe-to-PCI bridge 01:00.0',
    );
  });

  it('names an address that is not there, or not an address at all', () => {
    expect(refused(edit(gpuMachine(), { op: 'card.move', bdf: '0000:09:00.0', to: '0000:00:02.0' }))).toBe('the card 0000:09:00.0 is not in the topology');
    expect(refused(edit(gpuMachine(), { op: 'card.move', bdf: 'gpu', to: '0000:00:02.0' }))).toMatch(/"gpu" is not a PCI address/);
  });
});

describe('device.add', () => {
  it('adds a switch without ACS that groups as the real kernel grouped oracle c-x3130-switch', () => {
    const fixture = loadOracleFixture('c-x3130-switch');
    const kernel = new Map(fixture.kernel.devices.filter((d) => d.iommu_group !== null).map((d) => [d.bdf, d.iommu_group!]));
    const bare = ok(edit(oracleTopology(fixture.kernel), { op: 'device.remove', bdf: '0000:01:00.0' }));
    expect(bdfs(bare.topology)).toEqual(['00:00.0', '00:02.0', '00:1f.0', '00:1f.2', '00:1f.3']);
    let t = ok(edit(bare.topology, { op: 'device.add', at: '0000:00:02.0', template: 'switch', options: { ports: 2, acs: false } })).topology;
    t = ok(edit(t, { op: 'device.add', at: '0000:02:00.0', template: 'nvme' })).topology;
    t = ok(edit(t, { op: 'device.add', at: '0000:02:01.0', template: 'nvme' })).topology;
    expect(compareWithKernel(computeGroups(t), kernel)).toEqual({ identical: true, differences: [] });
  });

  it('adds an SR-IOV NIC whose VFs follow the PF\'s address', () => {
    const r = ok(edit(gpuMachine(), { op: 'device.add', at: '0000:00:02.0', template: 'nic-sriov', options: { vfs: 3 } }));
    expect(r.topology.functions.filter((f) => f.physfn === '0000:02:00.0').map((f) => f.bdf)).toEqual(['0000:02:00.1', '0000:02:00.2', '0000:02:00.3']);
    // VFs are never multifunction: below an ACS root port each is alone (oracle f-sriov-nvme).
    expect(groupsOf(r.topology)).toContainEqual(['02:00.3']);
  });

  it('adds a PCIe-to-PCI bridge whose conventional devices all join it (DMA alias)', () => {
    const r = ok(edit(gpuMachine(), { op: 'device.add', at: '0000:00:02.0', template: 'pcie-pci-bridge', options: { devices: 2 } }));
    expect(groupsOf(r.topology)).toContainEqual(['02:00.0', '03:01.0', '03:02.0']);
  });

  it('adds a chipset device on a root bus, but a PCIe card only below a port', () => {
    const r = ok(edit(gpuMachine(), { op: 'device.add', at: '00', template: 'chipset' }));
    expect(bdfs(r.topology).slice(0, 3)).toEqual(['00:00.0', '00:00.1', '00:00.2']);
    expect(refused(edit(gpuMachine(), { op: 'device.add', at: '0000:00', template: 'nvme' }))).toBe('the NVMe drive needs a PCIe slot: add it below a root port or a switch downstream port');
    expect(refused(edit(gpuMachine(), { op: 'device.add', at: '0000:07', template: 'chipset' }))).toBe('there is no root bus 0000:07');
  });

  it('checks template options', () => {
    expect(refused(edit(gpuMachine(), { op: 'device.add', at: '0000:00:02.0', template: 'switch', options: { ports: 40 } }))).toBe('ports must be a whole number from 1 to 16, not 40');
    expect(refused(edit(gpuMachine(), { op: 'device.add', at: '0000:00:02.0', template: 'toaster' as never }))).toBe('unknown device template "toaster"');
  });
});

describe('device.remove', () => {
  it('removes the whole card and renumbers what follows; removed functions are not renamed', () => {
    const r = ok(edit(gpuMachine(), { op: 'device.remove', bdf: '0000:01:00.1' }));
    expect(bdfs(r.topology)).toEqual(['00:01.0', '00:02.0', '00:03.0', '03:00.0']);
    expect(r.renamed.size).toBe(0);
  });

  it('refuses a VF', () => {
    const t = ok(edit(gpuMachine(), { op: 'device.add', at: '0000:00:02.0', template: 'nic-sriov', options: { vfs: 2 } })).topology;
    expect(refused(edit(t, { op: 'device.remove', bdf: '0000:02:00.2' }))).toBe("0000:02:00.2 is a VF of 0000:02:00.0; remove the PF's card instead");
  });
});

describe('acs.set', () => {
  it('gives a port ACS, which splits the GPU off it', () => {
    const r = ok(edit(gpuMachine(), { op: 'acs.set', bdf: '0000:00:01.0', acs: acsCapability() }));
    expect(groupsOf(r.topology)).toContainEqual(['01:00.0', '01:00.1']);
  });

  it('keeps control bits the capability lacks at 0, as the hardware does', () => {
    const r = ok(edit(gpuMachine(), { op: 'acs.set', bdf: '0000:00:02.0', acs: acsCapability('sv rr', 'sv rr cr uf') }));
    const acs = r.topology.functions.find((f) => f.bdf === '0000:00:02.0')!.acs!;
    expect(acs.ctrl).toEqual({ sv: true, tb: false, rr: true, cr: false, uf: false, ec: false, dt: false });
  });

  it('drops the kernel\'s group numbers, which describe the machine before the edit', () => {
    const t = gpuMachine();
    t.functions[0]!.kernelGroup = 4;
    const r = ok(edit(t, { op: 'acs.set', bdf: '0000:00:01.0', acs: null }));
    expect(r.topology.functions[0]!.kernelGroup).toBeUndefined();
  });

  it('names bad bits', () => {
    expect(refused(edit(gpuMachine(), { op: 'acs.set', bdf: '0000:00:01.0', acs: { cap: { sv: 'yes' }, ctrl: {} } as never }))).toBe('ACS cap.sv must be true or false, not "yes"');
  });
});

describe('settings', () => {
  it('sets the multifunction override, which separates the GPU\'s functions', () => {
    const moved = ok(edit(gpuMachine(), { op: 'card.move', bdf: '0000:01:00.0', to: '0000:00:02.0' })).topology;
    const r = ok(edit(moved, { op: 'settings.acsOverride', value: ['Multifunction'] }));
    expect(r.groupingSettings).toEqual({ acsOverride: ['multifunction'], strictSwitch: false });
    expect(groupsOf(r.topology, r.groupingSettings)).toContainEqual(['02:00.1']);
  });

  it('refuses words the patch would ignore', () => {
    expect(refused(edit(gpuMachine(), { op: 'settings.acsOverride', value: ['downstream,id:10de'] }))).toBe(
      'pcie_acs_override does not understand "id:10de": use downstream, multifunction or id:vvvv:dddd (at most 15 ids)',
    );
  });

  it('toggles strict switch and refuses a non-boolean', () => {
    expect(ok(edit(gpuMachine(), { op: 'settings.strictSwitch', value: true })).groupingSettings.strictSwitch).toBe(true);
    expect(refused(edit(gpuMachine(), { op: 'settings.strictSwitch', value: 'on' as never }))).toBe('strict switch must be true or false, not "on"');
  });

  it('answers a message for any malformed edit instead of throwing', () => {
    expect(refused(edit(gpuMachine(), { op: 'explode' } as never))).toBe('unknown edit "explode"');
    expect(refused(edit(gpuMachine(), null as never))).toBe('unknown edit null');
  });
});
