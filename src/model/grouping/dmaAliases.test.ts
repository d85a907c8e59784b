// DMA aliases: the upward walk of pci_for_each_dma_alias(), the alias quirks and
// pci_devs_are_dma_aliases() (kernel-semantics A.4, A.9 item 12).
import { describe, expect, it } from 'vitest';
import { shortBdf } from '../topology/bdf.ts';
import { downstreamPort, endpoint, pciBridge, pciDevice, pcieToPciBridge, rootPort, sriovFunctions, topology, upstreamPort } from '../topology/builders.ts';
import type { Topology } from '../topology/types.ts';
import { DmaAliases } from './dmaAliasWalk.ts';
import { buildPciTree } from './pciTree.ts';

function walkOf(t: Topology, bdf: string) {
  const tree = buildPciTree(t);
  const walk = new DmaAliases(tree).walk(tree.byBdf.get(`0000:${bdf}`)!);
  return { hops: walk.hops.map((h) => [shortBdf(h.dev.bdf), h.kind, 'rid' in h ? h.rid : '']), stoppedAt: walk.stoppedAt && shortBdf(walk.stoppedAt.bridge.bdf) };
}

function partnersOf(t: Topology, bdf: string) {
  const tree = buildPciTree(t);
  return new DmaAliases(tree).partners(tree.byBdf.get(`0000:${bdf}`)!).map((p) => shortBdf(p.dev.bdf));
}

describe('pci_for_each_dma_alias', () => {
  it('adds no alias for root, upstream and downstream ports', () => {
    const t = topology(rootPort('00:02.0', {}, [upstreamPort('01:00.0', {}, [downstreamPort('02:00.0', {}, [endpoint('03:00.0')])])]));
    expect(walkOf(t, '03:00.0').hops).toEqual([['03:00.0', 'self', '']]);
  });

  it('tags traffic behind a PCIe-to-PCI bridge with (secondary bus, 00.0), for every bridge up to the top', () => {
    const t = topology(rootPort('00:02.0', {}, [pcieToPciBridge('01:00.0', {}, [pciBridge('02:01.0', {}, [pciDevice('03:01.0')])])]));
    expect(walkOf(t, '03:01.0').hops).toEqual([
      ['03:01.0', 'self', ''],
      ['02:01.0', 'pci-bridge', '02:01.0'],
      ['01:00.0', 'pcie-to-pci-bridge', '02:00.0'],
    ]);
  });

  it('uses (secondary bus, 00.0) for a conventional bridge flagged by quirk_use_pcie_bridge_dma_alias (ITE 1283:8893)', () => {
    const ite = (parent: 'rp' | 'pcie2pci') => topology(rootPort('00:02.0', {}, [
      parent === 'rp'
        ? pciBridge('01:00.0', { vendor: 0x1283, device: 0x8893 }, [pciDevice('02:01.0')])
        : pcieToPciBridge('01:00.0', {}, [pciBridge('02:01.0', { vendor: 0x1283, device: 0x8893 }, [pciDevice('03:01.0')])]),
    ]));
    expect(walkOf(ite('rp'), '02:01.0').hops[1]).toEqual(['01:00.0', 'pcie-bridge-alias', '02:00.0']);
    // Not below a PCIe-to-PCI bridge: there the bridge is what it says it is.
    expect(walkOf(ite('pcie2pci'), '03:01.0').hops[1]).toEqual(['02:01.0', 'pci-bridge', '02:01.0']);
  });

  it('never flags a bridge on a root bus, like the 82801 at 00:1e.0 (A.9 item 12)', () => {
    const t = topology(pciBridge('00:1e.0', { vendor: 0x8086, device: 0x244e }, [pciDevice('06:0d.0')]));
    expect(walkOf(t, '06:0d.0').hops[1]).toEqual(['00:1e.0', 'pci-bridge', '00:1e.0']);
  });

  it('stops at a bridge with BRIDGE_XLATE_ROOT (Broadcom/Cavium 0x9000)', () => {
    const t = topology(pcieToPciBridge('00:01.0', {}, [rootPort('01:00.0', { vendor: 0x14e4, device: 0x9000 }, [pcieToPciBridge('02:00.0', {}, [pciDevice('03:01.0')])])]));
    const walk = walkOf(t, '03:01.0');
    expect(walk.hops.map((h) => h[0])).toEqual(['03:01.0', '02:00.0']);
    expect(walk.stoppedAt).toBe('01:00.0');
  });

  it('skips a VF\'s bridge-less virtual bus', () => {
    const t = topology(pcieToPciBridge('00:02.0', {}, sriovFunctions('01:00.0', 1, { vfOffset: 0x100 })));
    expect(walkOf(t, '02:00.0').hops).toEqual([['02:00.0', 'self', ''], ['00:02.0', 'pcie-to-pci-bridge', '01:00.0']]);
  });
});

describe('DMA alias quirks and pci_devs_are_dma_aliases', () => {
  it('gives Marvell SATA controllers function 1 as an alias (quirk_dma_func1_alias), both ways', () => {
    const t = topology(rootPort('00:02.0', {}, [endpoint('01:00.0', { vendor: 0x1b4b, device: 0x9235, multifunction: true }), endpoint('01:00.1', { multifunction: true })]));
    expect(walkOf(t, '01:00.0').hops[1]).toEqual(['01:00.0', 'quirk-alias', '01:00.1']);
    expect(partnersOf(t, '01:00.0')).toEqual(['01:00.1']);
    expect(partnersOf(t, '01:00.1')).toEqual(['01:00.0']);
  });

  it('gives Ricoh card readers function 0 as an alias, except function 0 itself (quirk_dma_func0_alias)', () => {
    const t = topology(rootPort('00:02.0', {}, [endpoint('01:00.0', { multifunction: true }), endpoint('01:00.1', { vendor: 0x1180, device: 0xe832 })]));
    expect(partnersOf(t, '01:00.1')).toEqual(['01:00.0']);
    const alone = topology(rootPort('00:02.0', {}, [endpoint('01:00.0', { vendor: 0x1180, device: 0xe832 })]));
    expect(walkOf(alone, '01:00.0').hops).toHaveLength(1);
  });

  it('gives the Adaptec 3405/3805 its hidden DMA engine at 01.0, matched by subsystem (quirk_fixed_dma_alias)', () => {
    const card = (subsystem: number) => topology(rootPort('00:02.0', {}, [pcieToPciBridge('01:00.0', {}, [
      pciDevice('02:0e.0', { vendor: 0x9005, device: 0x0285, subsystem: { vendor: 0x9005, device: subsystem } }),
      pciDevice('02:01.0'),
    ])]));
    expect(partnersOf(card(0x02bb), '02:0e.0')).toEqual(['02:01.0']);
    expect(partnersOf(card(0x02bc), '02:0e.0')).toEqual(['02:01.0']);
    expect(partnersOf(card(0x0999), '02:0e.0')).toEqual([]);
  });

  it('takes DMA alias devfns given in the topology', () => {
    const t = topology(rootPort('00:02.0', {}, [endpoint('01:00.0', { quirks: { dmaAliasDevfns: [0x10] } }), endpoint('01:02.0')]));
    expect(partnersOf(t, '01:02.0')).toEqual(['01:00.0']);
  });
});
