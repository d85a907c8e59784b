// The one-sentence reasons (spec model.md §2): each names the bridge, slot or alias and what failed.
import { describe, expect, it } from 'vitest';
import { acsCapability, endpoint, pciBridge, pciDevice, pcieToPciBridge, rootPort, topology, upstreamPort } from '../topology/builders.ts';
import type { Topology } from '../topology/types.ts';
import { computeGroups } from './computeGroups.ts';
import { reasonOf } from './testing/groupingAssertions.ts';

const reason = (t: Topology, bdf: string) => reasonOf(computeGroups(t), bdf);

describe('reasons', () => {
  it('names the root port and the ACS bits it lacks', () => {
    const t = topology(rootPort('00:1c.0', { acs: acsCapability('sv tb rr cr uf dt', 'sv') }, [endpoint('01:00.0')]));
    expect(reason(t, '01:00.0')).toEqual({
      device: '0000:01:00.0', kind: 'acs-path', via: '0000:00:1c.0',
      text: 'below root port 0000:00:1c.0, whose ACS does not isolate it (RR, CR, UF not enabled)',
    });
  });

  it('names the port higher up where the path fails', () => {
    const t = topology(rootPort('00:02.0', {}, [upstreamPort('01:00.0', {})]));
    expect(reason(t, '01:00.0').text).toBe('below root port 0000:00:02.0, whose ACS does not isolate it (no ACS capability)');
    const deeper = topology(rootPort('00:02.0', {}, [upstreamPort('01:00.0', {}, [pciDevice('02:00.0')])]));
    expect(reason(deeper, '02:00.0').text).toBe('below switch upstream port 0000:01:00.0, whose path to the root is not isolated at root port 0000:00:02.0 (no ACS capability)');
  });

  it('names the quirk that decided a port does not isolate', () => {
    const t = topology(rootPort('00:02.0', { vendor: 0x1d17, device: 0x0999, acs: true }, [endpoint('01:00.0')]));
    expect(reason(t, '01:00.0').text).toBe('below root port 0000:00:02.0, which does not isolate it (decided by the Zhaoxin root/downstream port quirk, pci_quirk_zhaoxin_pcie_ports_acs)');
  });

  it('names the multifunction slot, and the quirk when one decided', () => {
    const t = (vendor: number) => topology(rootPort('00:02.0', { acs: true }, [endpoint('01:00.0', { vendor, device: 0x0999, multifunction: true }), endpoint('01:00.1', { vendor, device: 0x0999 })]));
    expect(reason(t(0x1b36), '01:00.1')).toMatchObject({ kind: 'multifunction', via: '0000:01:00.0', text: 'a function of multifunction slot 0000:01:00 without ACS, like 0000:01:00.0' });
    expect(reason(t(0x8088), '01:00.1').text).toBe('a function of multifunction slot 0000:01:00 without ACS isolation (decided by the Wangxun NIC quirk, pci_quirk_wangxun_nic_acs), like 0000:01:00.0');
  });

  it('names the bridge that takes over the requester ID, and the quirk that says it is a PCIe-to-PCI bridge', () => {
    const t = topology(rootPort('00:02.0', { acs: true }, [pciBridge('01:00.0', { vendor: 0x1b21, device: 0x1080 }, [pciDevice('02:01.0')])]));
    expect(reason(t, '02:01.0')).toMatchObject({
      kind: 'dma-alias', via: '0000:01:00.0',
      text: 'behind conventional PCI bridge 0000:01:00.0, which is really a PCIe-to-PCI bridge (quirk_use_pcie_bridge_dma_alias) and takes ownership of its requester ID (alias 02:00.0)',
    });
  });

  it('names the same-bus DMA alias and its quirk', () => {
    const t = topology(rootPort('00:02.0', { acs: true }, [endpoint('01:00.0', { vendor: 0x1b4b, device: 0x9235, multifunction: true, acs: true }), endpoint('01:00.1', { acs: true })]));
    expect(reason(t, '01:00.1')).toMatchObject({
      kind: 'same-bus-alias',
      text: 'a DMA alias of 0000:01:00.0 on the same bus: 0000:01:00.0 uses function 1\'s requester ID (quirk_dma_func1_alias)',
    });
  });

  it('follows a chain of alias and slot links to the group', () => {
    const t = topology(rootPort('00:02.0', { acs: true }, [
      endpoint('01:00.0', { multifunction: true }),
      endpoint('01:00.1', { translated: false }),
      endpoint('01:00.2', { acs: true, quirks: { dmaAliasDevfns: [0x01] } }),
    ]));
    expect(reason(t, '01:00.2')).toMatchObject({
      kind: 'same-bus-alias', via: '0000:01:00.0',
      text: 'a DMA alias of 0000:01:00.1 on the same bus: 0000:01:00.2 has DMA aliases given in the topology, which in turn reaches the group of 0000:01:00.0 through slot sibling 0000:01:00.0',
    });
  });

  it('says when an untranslated bridge took over the DMA', () => {
    const t = topology(rootPort('00:02.0', { acs: true }, [
      pcieToPciBridge('01:00.0', { multifunction: true, translated: false }, [pciDevice('02:01.0')]),
      endpoint('01:00.1'),
    ]));
    expect(reason(t, '02:01.0').text).toBe('its DMA is taken over by PCIe-to-PCI bridge 0000:01:00.0, which has no group of its own and is a function of multifunction slot 0000:01:00 without ACS isolation (ACS does not apply to a PCIe-to-PCI bridge), like 0000:01:00.1');
  });

  it('keeps the sentence, composed when first read, an ordinary property that JSON and copies carry', () => {
    const r = reason(topology(rootPort('00:02.0', {}, [endpoint('01:00.0')])), '01:00.0');
    const text = 'below root port 0000:00:02.0, whose ACS does not isolate it (no ACS capability)';
    expect(JSON.parse(JSON.stringify(r))).toEqual({ device: '0000:01:00.0', kind: 'acs-path', via: '0000:00:02.0', text });
    expect({ ...r }.text).toBe(text);
    expect(Object.keys(r)).toContain('text');
  });

  it('gives every member but the first exactly one reason', () => {
    const g = computeGroups(topology(rootPort('00:02.0', {}, [pcieToPciBridge('01:00.0', {}, [pciDevice('02:01.0'), pciDevice('02:02.0')])])));
    expect(g.groups).toHaveLength(1);
    expect(g.groups[0]!.reasons.map((r) => r.device)).toEqual(g.groups[0]!.devices.slice(1));
  });
});
