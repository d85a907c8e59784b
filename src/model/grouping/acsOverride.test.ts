// The out-of-tree pcie_acs_override= patch (kernel-semantics A.7).
import { describe, expect, it } from 'vitest';
import { acsCapability, downstreamPort, endpoint, gpuWithAudio, pciDevice, rootPort, topology, upstreamPort } from '../topology/builders.ts';
import { acsOverrideWord, parseAcsOverride } from './acsOverride.ts';
import { groupsOf } from './testing/groupingAssertions.ts';

describe('pcie_acs_override= parsing', () => {
  it('reads downstream, multifunction and hex ids, comma-separated or as separate words', () => {
    const o = parseAcsOverride(['downstream,id:10DE:1aef', 'multifunction', 'bogus', 'id:12:34']);
    expect(o).toEqual({ downstream: true, multifunction: true, ids: [{ vendor: 0x10de, device: 0x1aef }], ignored: ['bogus', 'id:12:34'] });
  });

  it('keeps 15 ids and ignores the rest, as the patch does with 16 slots', () => {
    const words = Array.from({ length: 17 }, (_, i) => `id:8086:${(0x1000 + i).toString(16)}`);
    const o = parseAcsOverride(words);
    expect(o.ids).toHaveLength(15);
    expect(o.ignored).toEqual(['id:8086:100f', 'id:8086:1010']);
  });
});

describe('pcie_acs_overrides()', () => {
  const all = parseAcsOverride(['downstream', 'multifunction']);

  it('makes root and downstream ports without an ACS capability pass with downstream', () => {
    expect(acsOverrideWord(rootPort('00:01.0', { acs: false }).fn, all)).toBe('downstream');
    expect(acsOverrideWord(downstreamPort('02:00.0', { acs: false }).fn, all)).toBe('downstream');
  });

  it('never helps a port whose ACS capability exists but is disabled', () => {
    expect(acsOverrideWord(rootPort('00:01.0', { acs: acsCapability('sv rr cr uf', '') }).fn, all)).toBeNull();
  });

  it('makes multifunction endpoints and upstream ports pass with multifunction, not single-function ones', () => {
    expect(acsOverrideWord(endpoint('01:00.1', { multifunction: true }).fn, all)).toBe('multifunction');
    expect(acsOverrideWord(upstreamPort('01:00.0', { multifunction: true }).fn, all)).toBe('multifunction');
    expect(acsOverrideWord(endpoint('01:00.0').fn, all)).toBeNull();
  });

  it('never overrides conventional PCI, even by id', () => {
    expect(acsOverrideWord(pciDevice('00:1f.2', { vendor: 0x8086, device: 0x2922, multifunction: true }).fn, parseAcsOverride(['multifunction', 'id:8086:2922']))).toBeNull();
  });

  it('makes a listed vendor:device pass whatever its type', () => {
    expect(acsOverrideWord(endpoint('01:00.1', { vendor: 0x10de, device: 0x1aef, multifunction: true }).fn, parseAcsOverride(['id:10de:1aef']))).toBe('id:10de:1aef');
  });

  it('splits a GPU from its audio function with multifunction (A.8 example 2)', () => {
    const t = topology(rootPort('00:01.0', { acs: true }, gpuWithAudio('01:00')));
    expect(groupsOf(t)).toContainEqual(['01:00.0', '01:00.1']);
    expect(groupsOf(t, { acsOverride: ['multifunction'] })).toEqual([['00:01.0'], ['01:00.0'], ['01:00.1']]);
  });
});
