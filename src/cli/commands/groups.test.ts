// `cli groups` and `cli compare`: output contract and exit statuses (scenario-format.md).
import { describe, expect, it } from 'vitest';
import { loadOracleFixture, oracleFixtures } from '../../testing/fixtures.ts';
import { fakeIo } from '../testing/fakeIo.ts';
import { compareCommand } from './compare.ts';
import { groupsCommand } from './groups.ts';

const b = loadOracleFixture('b-multifunction');
const c = loadOracleFixture('c-x3130-switch');

describe('cli groups', () => {
  it('prints the JSON of the contract with full addresses and a reason per joined member', async () => {
    const { io, out } = fakeIo({ 'b.txt': b.lspci });
    expect(await groupsCommand(['--json', 'b.txt'], io)).toBe(0);
    const json = JSON.parse(out.join(''));
    const gpu = json.groups.find((g: { devices: string[] }) => g.devices.includes('0000:01:00.0'));
    expect(gpu.devices).toEqual(['0000:01:00.0', '0000:01:00.1']);
    expect(gpu.reasons).toEqual([{ device: '0000:01:00.1', text: expect.stringContaining('01:00') }]);
    expect(typeof gpu.id).toBe('number');
  });

  it('applies --acs-override and --strict-switch', async () => {
    const split = fakeIo({ 'b.txt': b.lspci });
    await groupsCommand(['--json', '--acs-override=multifunction', 'b.txt'], split.io);
    const groups = JSON.parse(split.out.join('')).groups as { devices: string[] }[];
    expect(groups.find((g) => g.devices.includes('0000:01:00.0'))!.devices).toEqual(['0000:01:00.0']);

    const strict = fakeIo({ 'c.txt': c.lspci });
    await groupsCommand(['--json', '--strict-switch', 'c.txt'], strict.io);
    const merged = (JSON.parse(strict.out.join('')).groups as { devices: string[] }[]).find((g) => g.devices.includes('0000:03:00.0'))!;
    expect(merged.devices).toContain('0000:04:00.0');
  });

  it('prints readable text with the reasons', async () => {
    const { io, out } = fakeIo({ 'b.txt': b.lspci });
    expect(await groupsCommand(['b.txt'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/group \d+:\n {2}01:00\.0 .*\n {2}01:00\.1 .*\n {4}why 01:00\.1: /);
  });

  it('exits 2 with a message naming the file and line for unreadable input', async () => {
    const { io, err } = fakeIo({ 'bad.txt': 'hello\nworld\n', 'bin.txt': '\u0000\u0001\u0002garbage' });
    expect(await groupsCommand(['bad.txt'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/^bad\.txt, line 1: /);
    expect(await groupsCommand(['bin.txt'], io)).toBe(2);
    expect(err.at(-1)).toMatch(/^bin\.txt, line 1: .*binary/);
    expect(await groupsCommand(['--acs-override=downstrem', 'b.txt'], io)).toBe(2);
    expect(err.at(-1)).toContain('"downstrem"');
  });
});

describe('cli compare', () => {
  it.each(oracleFixtures().map((f) => [f.name, f] as const))('%s: the computed groups equal the kernel\'s (exit 0), except u without its hidden header bit (exit 1)', async (name, f) => {
    const { io, out } = fakeIo({ 'l.txt': f.lspci, 'g.txt': f.groupsListing });
    const expected = name.startsWith('u-') ? 1 : 0;
    expect(await compareCommand(['l.txt', 'g.txt'], io)).toBe(expected);
    if (expected === 1) expect(out.join('\n')).toMatch(/kernel group \d+ \{01:00\.0 02:00\.0 02:01\.0 03:00\.0 04:00\.0\}/);
    else expect(out.join('\n')).toMatch(/^identical/);
  });

  it('lists differences and exits 1 when the listing disagrees', async () => {
    const listing = b.groupsListing.replace(/iommu_groups\/\d+\/devices\/0000:01:00\.1/, 'iommu_groups/99/devices/0000:01:00.1');
    const { io, out } = fakeIo({ 'l.txt': b.lspci, 'g.txt': listing });
    expect(await compareCommand(['--json', 'l.txt', 'g.txt'], io)).toBe(1);
    const json = JSON.parse(out.join(''));
    expect(json.identical).toBe(false);
    expect(json.differences.length).toBeGreaterThan(0);
  });
});
