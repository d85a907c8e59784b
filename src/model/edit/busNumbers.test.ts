// Bus renumbering as firmware does it (probe.c pci_scan_child_bus_extend / pci_scan_bridge_extend).
import { describe, expect, it } from 'vitest';
import { oracleFixtures } from '../../testing/fixtures.ts';
import { oracleTopology } from '../grouping/testing/oracleTopology.ts';
import { endpoint, hostBridge, pcieToPciBridge, pciDevice, rootPort, sriovFunctions, topology, upstreamPort, downstreamPort } from '../topology/builders.ts';
import type { Topology } from '../topology/types.ts';
import { numberBuses } from './busNumbers.ts';
import { treeOf } from './editTree.ts';

const layout = (t: Topology) => t.functions.map((f) => [f.bdf, f.parent, f.secondaryBus ?? null, f.subordinateBus ?? null, f.physfn ?? null]);

describe('numberBuses', () => {
  // QEMU's firmware numbers q35 buses depth-first too, so the kernel's own numbering must come back.
  it.each(oracleFixtures().map((f) => [f.name, f] as const))('keeps the firmware numbering of oracle %s', (_name, fixture) => {
    const t = oracleTopology(fixture.kernel);
    const { topology: again, renamed } = numberBuses(treeOf(t));
    expect(layout(again)).toEqual(layout({ functions: [...t.functions].sort((a, b) => (a.bdf < b.bdf ? -1 : 1)) }));
    expect(renamed.size).toBe(0);
  });

  it('numbers depth-first: a bridge\'s whole subtree before its next sibling', () => {
    // Deliberately numbered breadth-first: the second root port's bus 02 comes before the switch's buses.
    const t = topology(
      rootPort('00:01.0', {}, [upstreamPort('01:00.0', {}, [downstreamPort('03:00.0', {}, [endpoint('04:00.0')]), downstreamPort('03:01.0', {}, [endpoint('05:00.0')])])]),
      rootPort('00:02.0', {}, [endpoint('02:00.0')]),
    );
    const { topology: out, renamed } = numberBuses(treeOf(t));
    const bus = (bdf: string) => out.functions.find((f) => f.bdf === bdf)!;
    expect([bus('0000:00:01.0').secondaryBus, bus('0000:00:01.0').subordinateBus]).toEqual([1, 4]);
    expect([bus('0000:01:00.0').secondaryBus, bus('0000:01:00.0').subordinateBus]).toEqual([2, 4]);
    expect([bus('0000:00:02.0').secondaryBus, bus('0000:00:02.0').subordinateBus]).toEqual([5, 5]);
    expect(Object.fromEntries(renamed)).toEqual({
      '0000:03:00.0': '0000:02:00.0',
      '0000:03:01.0': '0000:02:01.0',
      '0000:04:00.0': '0000:03:00.0',
      '0000:05:00.0': '0000:04:00.0',
      '0000:02:00.0': '0000:05:00.0',
    });
  });

  it('gives an empty bridge a bus of its own', () => {
    const t = topology(rootPort('00:01.0'), rootPort('00:02.0', {}, [endpoint('05:00.0')]));
    const { topology: out } = numberBuses(treeOf(t));
    expect(out.functions.map((f) => [f.bdf, f.secondaryBus ?? null])).toEqual([
      ['0000:00:01.0', 1],
      ['0000:00:02.0', 2],
      ['0000:02:00.0', null],
    ]);
  });

  it('re-derives VF addresses from the PF\'s new routing ID (iov.c pci_iov_virtfn_bus/devfn)', () => {
    const t = topology(rootPort('00:01.0'), rootPort('00:02.0', {}, sriovFunctions('07:00.0', 3, { vfOffset: 0x80, vfStride: 2 })));
    const { topology: out } = numberBuses(treeOf(t));
    const vfs = out.functions.filter((f) => f.physfn !== undefined);
    expect(vfs.map((f) => [f.bdf, f.physfn, f.parent])).toEqual([
      ['0000:02:10.0', '0000:02:00.0', '0000:00:02.0'],
      ['0000:02:10.2', '0000:02:00.0', '0000:00:02.0'],
      ['0000:02:10.4', '0000:02:00.0', '0000:00:02.0'],
    ]);
  });

  it('reserves the buses VFs can reach before numbering bridges (iov.c pci_iov_bus_range)', () => {
    // TotalVFs 8 at offset 0xff, stride 1: VF 0 is 03:1f.7, VFs 1-7 reach bus 04, so the next port starts at 05.
    const pf = sriovFunctions('03:00.0', 1, { vfOffset: 0xff, vfStride: 1 });
    const t = topology(
      rootPort('00:01.0', {}, [upstreamPort('01:00.0', {}, [downstreamPort('02:00.0', {}, pf), downstreamPort('02:01.0', {}, [endpoint('04:00.0')])])]),
    );
    const { topology: out } = numberBuses(treeOf(t));
    const at = (bdf: string) => out.functions.find((f) => f.bdf === bdf)!;
    expect(out.functions.find((f) => f.physfn)!.bdf).toBe('0000:03:1f.7');
    expect([at('0000:02:00.0').secondaryBus, at('0000:02:00.0').subordinateBus]).toEqual([3, 4]);
    expect([at('0000:02:01.0').secondaryBus, at('0000:02:01.0').subordinateBus]).toEqual([5, 5]);
    expect(at('0000:05:00.0').parent).toBe('0000:02:01.0');
  });

  it('numbers behind a PCIe-to-PCI bridge keep their device numbers', () => {
    const t = topology(rootPort('00:01.0'), rootPort('00:02.0', {}, [pcieToPciBridge('09:00.0', {}, [pciDevice('0a:03.0'), pciDevice('0a:05.0')])]));
    const { topology: out } = numberBuses(treeOf(t));
    expect(out.functions.map((f) => f.bdf)).toEqual(['0000:00:01.0', '0000:00:02.0', '0000:02:00.0', '0000:03:03.0', '0000:03:05.0']);
  });

  it('refuses bus numbers that run into the next root bus', () => {
    // Root bus 02 (an expander's) owns bus 02 onwards, so the switch below root bus 00 cannot fit in bus 01.
    const t = topology(
      rootPort('00:01.0', {}, [upstreamPort('10:00.0', {}, [downstreamPort('11:00.0', {}, [endpoint('12:00.0')])])]),
      hostBridge('02:00.0'),
    );
    expect(() => numberBuses(treeOf(t))).toThrow('the buses below 0000:01 would need bus 02, which the next root bus owns');
  });
});
