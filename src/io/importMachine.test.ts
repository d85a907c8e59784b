// From pasted text to topology and groups (kernel-semantics A.10): computed where the text decides
// them, the kernel's own listing where it cannot, and a warning only where a hidden fact matters.
import { describe, expect, it } from 'vitest';
import { loadOracleFixture, realMachines } from '../testing/fixtures.ts';
import { importMachine } from './importMachine.ts';

const SETTINGS = { acsOverride: [], strictSwitch: false };
const real = Object.fromEntries(realMachines().map((m) => [m.name, m.files]));

function imported(lspci: string, listing?: string) {
  const r = importMachine(lspci, { source: 'lspci.txt', settings: SETTINGS, ...(listing ? { groupListing: { text: listing, source: 'groups.txt' } } : {}) });
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

describe('importMachine', () => {
  it('computes the groups of the Latitude 7490 (root `lspci -v`) exactly as its kernel listed them', () => {
    const m = real['asokolsky-latitude7490-kabylake-laptop']!;
    const r = imported(m['lspci.txt']!, m['groups.txt']);
    expect(r.groupsFrom).toBe('computed');
    expect(r.differences).toEqual([]);
    // -v shows no ACS control bits: the assumption is said.
    expect(r.gaps).toContain('acs-control');
  });

  it.each([
    ['asokolsky-duo-z370', 'bus-tree'],
    ['imac2020-cometlake-tb3-lkml', 'capabilities'],
  ])('%s: the text cannot decide the groups (%s), so the kernel\'s listing is shown and said', (name, gap) => {
    const m = real[name]!;
    const r = imported(m['lspci.txt']!, m['groups.txt']);
    expect(r.gaps).toContain(gap);
    expect(r.groupsFrom).toBe('kernel-listing');
    expect(r.grouping.groups.length).toBe(new Set(r.kernelGroups.values()).size);
    expect(r.warnings.some((w) => w.message.includes('kernel-semantics A.10'))).toBe(true);
  });

  it('says when neither the text nor a listing can decide the groups', () => {
    const r = imported(real['asokolsky-duo-z370']!['lspci.txt']!);
    expect(r.grouping.groups).toEqual([]);
    expect(r.warnings.at(-1)!.message).toMatch(/cannot be computed and no kernel listing was given/);
  });

  it('keeps the hidden-multifunction-bit warning where the bit changes the groups (u) and drops it where it cannot (g)', () => {
    const u = imported(loadOracleFixture('u-upstream-port-multifunction-bit-only').lspci);
    expect(u.warnings.filter((w) => w.gap === 'multifunction-bit').map((w) => w.bdf)).toContain('0000:01:00.0');
    // g: the root port above the switch has no ACS, so everything below is one group anyway.
    const g = imported(loadOracleFixture('g-switch-under-noacs-rootport').lspci);
    expect(g.warnings.filter((w) => w.gap === 'multifunction-bit')).toEqual([]);
  });

  it('compares computed groups with the IOMMU group lines inside the lspci text', () => {
    const u = imported(loadOracleFixture('u-upstream-port-multifunction-bit-only').lspci);
    expect(u.differences.map((d) => d.kernelGroup?.devices)).toEqual([['0000:01:00.0', '0000:02:00.0', '0000:02:01.0', '0000:03:00.0', '0000:04:00.0']]);
    expect(imported(loadOracleFixture('n-sriov-behind-switch').lspci).differences).toEqual([]);
  });

  it('returns the parser\'s error for unreadable input and the listing parser\'s for a bad listing', () => {
    expect(importMachine('', { settings: SETTINGS })).toMatchObject({ ok: false });
    const bad = importMachine(loadOracleFixture('b-multifunction').lspci, { settings: SETTINGS, groupListing: { text: 'nothing here', source: 'groups.txt' } });
    expect(bad).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^groups\.txt/) } });
  });
});
