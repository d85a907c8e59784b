// Published real machines (../shared/real): the formats people actually paste. The facts asserted
// here were read off the files by hand.
import { describe, expect, it } from 'vitest';
import { realMachines } from '../../testing/fixtures.ts';
import { parseGroupListing } from '../groups/parseGroupListing.ts';
import { parseLspci, type LspciImport } from './parseLspci.ts';

const machines = new Map(realMachines().map((m) => [m.name, m.files]));

function files(name: string): Record<string, string> {
  const found = machines.get(name);
  if (!found) throw new Error(`real machine ${name} is missing`);
  return found;
}

function imported(name: string): Extract<LspciImport, { ok: true }> {
  const result = parseLspci(files(name)['lspci.txt']!, { source: `${name}/lspci.txt` });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

function groupsOf(name: string): Map<string, number> {
  const result = parseGroupListing(files(name)['groups.txt']!);
  if (!result.ok) throw new Error(result.error.message);
  return result.groups;
}

const fnOf = (r: Extract<LspciImport, { ok: true }>, bdf: string) => r.topology.functions.find((f) => f.bdf === `0000:${bdf}`)!;

describe('real machine: ASRock Z370 "duo" (lspci -nnkq, flat)', () => {
  const r = imported('asokolsky-duo-z370');

  it('reads all 21 functions with ids, classes, drivers and modules', () => {
    expect(r.topology.functions).toHaveLength(21);
    expect(fnOf(r, '01:00.0')).toMatchObject({ vendor: 0x10de, device: 0x1d01, subsystem: { vendor: 0x1462, device: 0x8c98 }, classCode: 0x0300, name: 'NVIDIA Corporation GP108 [GeForce GT 1030]', driver: null, modules: ['nvidiafb', 'nouveau', 'nvidia_drm', 'nvidia'] });
    expect(fnOf(r, '00:1f.3')).toMatchObject({ classCode: 0x0403, driver: 'snd_hda_intel', modules: ['snd_hda_intel', 'snd_soc_avs'] });
    expect(fnOf(r, '00:1c.0')).toMatchObject({ classCode: 0x0604, headerType: 'bridge', pcieType: null });
  });

  it('knows no tree: every parent is null, and it says that groups must come from the kernel listing', () => {
    expect(r.topology.functions.every((f) => f.parent === null)).toBe(true);
    expect(r.gaps).toEqual(expect.arrayContaining(['bus-tree', 'capabilities']));
    expect(r.warnings.some((w) => /bus tree.*unknown.*kernel's group listing/.test(w.message))).toBe(true);
  });

  it('still counts the visible GPU + audio pair as multifunction', () => {
    expect([fnOf(r, '01:00.0').multifunction, fnOf(r, '01:00.1').multifunction]).toEqual([true, true]);
    expect(fnOf(r, '00:02.0').multifunction).toBe(false);
  });

  it('reads the separate "IOMMU group N BDF ..." listing: 21 functions in 15 groups, the GPU pair with its root port', () => {
    const groups = groupsOf('asokolsky-duo-z370');
    expect(groups.size).toBe(21);
    expect(new Set(groups.values()).size).toBe(15);
    expect([groups.get('0000:00:01.0'), groups.get('0000:01:00.0'), groups.get('0000:01:00.1')]).toEqual([2, 2, 2]);
    expect(new Set(groups.keys())).toEqual(new Set(r.topology.functions.map((f) => f.bdf)));
  });
});

describe('real machine: Dell Latitude 7490 (sudo lspci -v, no ids)', () => {
  const r = imported('asokolsky-latitude7490-kabylake-laptop');

  it('reads 22 functions, the tree below the three PCH root ports, and PCIe types from -v capability names', () => {
    expect(r.topology.functions).toHaveLength(22);
    expect(fnOf(r, '01:00.0').parent).toBe('0000:00:1c.0');
    expect(fnOf(r, '02:00.0').parent).toBe('0000:00:1c.2');
    expect(fnOf(r, '03:00.0').parent).toBe('0000:00:1d.0');
    expect(fnOf(r, '00:1d.0')).toMatchObject({ pcieType: 'root-port', headerType: 'bridge', secondaryBus: 3, subordinateBus: 3 });
    expect(fnOf(r, '00:02.0').pcieType).toBe('rc-endpoint');
    expect(fnOf(r, '03:00.0').pcieType).toBe('endpoint');
  });

  it('maps class names to codes without -nn, and reads "Unassigned class [ff00]" from its brackets', () => {
    expect(fnOf(r, '00:02.0').classCode).toBe(0x0300);
    expect(fnOf(r, '03:00.0').classCode).toBe(0x0108);
    expect(fnOf(r, '00:1c.0').classCode).toBe(0x0604);
    expect(fnOf(r, '01:00.0').classCode).toBe(0xff00);
    expect(r.topology.functions.every((f) => f.vendor === null && f.device === null)).toBe(true);
    expect(r.warnings.filter((w) => w.message.includes('no [vendor:device] ids'))).toHaveLength(1);
  });

  it('assumes the ACS control bits of the three root ports (-v prints only the name) and says so for each', () => {
    const ports = ['00:1c.0', '00:1c.2', '00:1d.0'].map((b) => fnOf(r, b));
    for (const p of ports) expect(p.acs).toMatchObject({ ctrlAssumed: true, ctrl: { sv: true, rr: true, cr: true, uf: true } });
    expect(r.warnings.filter((w) => w.message.includes('ACSCap/ACSCtl bits'))).toHaveLength(3);
    expect(r.gaps).toContain('acs-control');
  });

  it('reads the groups from the Flags lines; the iGPU, in none, is not translated', () => {
    expect(r.kernelGroups).toEqual(groupsOf('asokolsky-latitude7490-kabylake-laptop'));
    expect(r.kernelGroups.size).toBe(21);
    expect(fnOf(r, '00:02.0').translated).toBe(false);
    expect(r.topology.functions.filter((f) => !f.translated)).toHaveLength(1);
    expect(r.warnings.some((w) => w.line === 7 && w.message.includes('not translated'))).toBe(true);
  });
});

describe('real machine: iMac 2020 (lspci -vvnn without root)', () => {
  const r = imported('imac2020-cometlake-tb3-lkml');

  it('reads 33 functions and the tree from the Bus: lines, through the GPU switch and the Thunderbolt switch', () => {
    expect(r.topology.functions).toHaveLength(33);
    const parents = Object.fromEntries(['01:00.0', '02:00.0', '03:00.0', '03:00.1', '04:00.3', '07:00.0', '08:04.0', '09:00.0', '0a:00.0'].map((b) => [b, fnOf(r, b).parent]));
    expect(parents).toEqual({
      '01:00.0': '0000:00:01.0',
      '02:00.0': '0000:01:00.0',
      '03:00.0': '0000:02:00.0',
      '03:00.1': '0000:02:00.0',
      '04:00.3': '0000:00:1b.0',
      '07:00.0': '0000:00:1c.4',
      '08:04.0': '0000:07:00.0',
      '09:00.0': '0000:08:00.0',
      '0a:00.0': '0000:08:02.0',
    });
  });

  it('warns once that capabilities were denied, so port types and ACS are unknown', () => {
    const denied = r.warnings.filter((w) => w.message.includes('<access denied>'));
    expect(denied).toHaveLength(1);
    expect(denied[0]!.line).toBe(8);
    expect(r.gaps).toContain('capabilities');
    expect(r.topology.functions.every((f) => f.pcieType === null && f.acs === null)).toBe(true);
  });

  it('reads slots, trimmed driver names and the IOMMU group lines', () => {
    expect(fnOf(r, '08:01.0').slot).toBe('1');
    expect(fnOf(r, '0a:00.0').driver).toBe('xhci_hcd');
    expect(r.kernelGroups).toEqual(groupsOf('imac2020-cometlake-tb3-lkml'));
    const groupOne = [...r.kernelGroups].filter(([, g]) => g === 1).map(([b]) => b);
    expect(groupOne).toEqual(['0000:00:01.0', '0000:01:00.0', '0000:02:00.0', '0000:03:00.0', '0000:03:00.1']);
  });
});
