// The group listing shapes people paste (see groupLines.ts), conflicts, and bad input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadOracleFixture } from '../../testing/fixtures.ts';
import { parseGroupListing, type GroupListingImport } from './parseGroupListing.ts';

function groupsOf(text: string): Map<string, number> {
  const result = parseGroupListing(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.groups;
}

function errorOf(result: GroupListingImport) {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

const expected = new Map([
  ['0000:00:01.0', 1],
  ['0000:01:00.0', 1],
  ['0000:01:00.1', 1],
  ['0000:00:1f.3', 7],
]);

describe('listing shapes', () => {
  it('find /sys/kernel/iommu_groups/ -type l, with or without the domain, and ls -l of the links', () => {
    expect(groupsOf('/sys/kernel/iommu_groups/1/devices/0000:00:01.0\n/sys/kernel/iommu_groups/1/devices/0000:01:00.0\n/sys/kernel/iommu_groups/1/devices/0000:01:00.1\n/sys/kernel/iommu_groups/7/devices/0000:00:1f.3\n')).toEqual(expected);
    expect(groupsOf('lrwxrwxrwx 1 root root 0 Jan  1 00:00 /sys/bus/pci/devices/0000:00:01.0/iommu_group -> ../../../../kernel/iommu_groups/1\n/sys/bus/pci/devices/0000:01:00.0/iommu_group -> ../../../../kernel/iommu_groups/1\n/sys/bus/pci/devices/0000:01:00.1/iommu_group -> ../../../../kernel/iommu_groups/1\n/sys/bus/pci/devices/0000:00:1f.3/iommu_group -> ../../../../kernel/iommu_groups/7')).toEqual(expected);
  });

  it('"IOMMU Group N:" headers with (tab-indented) device lines, as the Arch wiki loop prints', () => {
    const text = 'IOMMU Group 1:\n\t00:01.0 PCI bridge [0604]: Intel Corporation Foo [8086:1901] (rev 07)\n\t01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP108 [10de:1d01] (rev a1)\n\t01:00.1 Audio device [0403]: NVIDIA Corporation GP108 Audio [10de:0fb8] (rev a1)\nIOMMU Group 7:\n00:1f.3 Audio device [0403]: Intel Corporation Foo [8086:a2f0]\n';
    expect(groupsOf(text)).toEqual(expected);
  });

  it('ls of the group directories: a header per group, several addresses per line', () => {
    const text = '/sys/kernel/iommu_groups/1/devices/:\n0000:00:01.0  0000:01:00.0\t0000:01:00.1\n\n/sys/kernel/iommu_groups/7/devices/:\n0000:00:1f.3\n';
    expect(groupsOf(text)).toEqual(expected);
  });

  it('one line per device: "IOMMU Group N BDF", "Group N: BDF", "Group: N BDF", "BDF IOMMU group: N"', () => {
    const text = 'IOMMU Group 1 00:01.0 PCI bridge [0604]: Intel\nGroup 1: 0000:01:00.0 VGA\nGroup:  1    0000:01:00.1 Audio device\n00:1f.3\tIOMMU group: 7\n';
    expect(groupsOf(text)).toEqual(expected);
  });

  it('dmesg and journalctl lines, with or without timestamps; a removal ends an assignment', () => {
    const text = [
      '[    0.612345] pci 0000:00:01.0: Adding to iommu group 1',
      'pci 0000:01:00.0: Adding to iommu group 1',
      'Jan 01 12:00:00 host kernel: pci 0000:01:00.1: Adding to iommu group 1',
      '[    0.7] pci 0000:00:1f.3: Adding to iommu group 3',
      '[   30.1] pci 0000:00:1f.3: Removing from iommu group 3',
      '[   31.2] pci 0000:00:1f.3: Adding to iommu group 7',
      '[    0.1] DMAR: IOMMU enabled',
    ].join('\n');
    expect(groupsOf(text)).toEqual(expected);
  });

  it('IOMMU group lines inside lspci text (3.9 and the -v Flags form)', () => {
    const fixture = loadOracleFixture('o-pxb-pcie-expanders');
    const kernel = new Map(Object.entries(fixture.kernel.groups).flatMap(([n, bdfs]) => bdfs.map((b) => [b, Number(n)] as const)));
    expect(groupsOf(fixture.lspci)).toEqual(kernel);
    expect(groupsOf('00:1f.3 Audio device: Intel Corporation Foo (rev 21)\n\tFlags: bus master, fast devsel, latency 32, IRQ 155, IOMMU group 8\n')).toEqual(new Map([['0000:00:1f.3', 8]]));
  });
});

describe('conflicts and bad input', () => {
  it('one device in two groups is an error naming both lines', () => {
    const error = errorOf(parseGroupListing('/sys/kernel/iommu_groups/1/devices/0000:00:01.0\n\n/sys/kernel/iommu_groups/4/devices/0000:00:01.0\n', { source: 'groups.txt' }));
    expect(error).toEqual({ line: 3, message: 'groups.txt, line 3: 0000:00:01.0 is in group 4 here but in group 1 at line 1; are two listings from different boots mixed?' });
  });

  it('the same assignment twice is no conflict', () => {
    expect(groupsOf('pci 0000:00:01.0: Adding to iommu group 1\n/sys/kernel/iommu_groups/1/devices/0000:00:01.0\n')).toEqual(new Map([['0000:00:01.0', 1]]));
  });

  it('refuses empty, binary and unrelated text with a sentence naming the expected shapes', () => {
    expect(errorOf(parseGroupListing('')).message).toBe('line 1: the input is empty; expected an IOMMU group listing.');
    expect(errorOf(parseGroupListing('\u0000\u0001\u0002')).message).toContain('looks binary (first bad byte at offset 0)');
    const prose = errorOf(parseGroupListing('my groups are wrong, please help\n'));
    expect(prose.line).toBe(1);
    expect(prose.message).toContain('no IOMMU group assignment found; expected lines like "/sys/kernel/iommu_groups/7/devices/0000:00:1f.3"');
  });

  it('warns about lines that mention a group in no known shape, and about VMD domains', () => {
    const r = parseGroupListing('IOMMU group seven: 00:01.0\n/sys/kernel/iommu_groups/2/devices/10000:e0:06.0\n/sys/kernel/iommu_groups/1/devices/0000:00:01.0\n');
    expect(r.ok && r.warnings.map((w) => w.message)).toEqual([
      'line 1: this line mentions an IOMMU group but has none of the known shapes; ignored.',
      'line 2: 10000:e0:06.0 is in a PCI domain above ffff (an Intel VMD domain); such devices are not modelled and were skipped.',
    ]);
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('IOMMU Group 3:', '\t00:01.0 x', 'IOMMU group: 4', '/sys/kernel/iommu_groups/9/devices/0000:00:01.0', 'pci 0000:00:01.0: Removing from iommu group 9')), { maxLength: 30 }), (lines) => {
        const r = parseGroupListing(lines.join('\n'));
        return r.ok ? r.groups.size > 0 : typeof r.error.line === 'number';
      }),
      { numRuns: 300 },
    );
  });
});
