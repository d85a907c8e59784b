// Properties of computeGroups over random topologies (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { busOf } from '../topology/bdf.ts';
import type { PciFunction, Topology } from '../topology/types.ts';
import { pciAcsEnabled } from './acsEnabled.ts';
import { REQ_ACS_FLAGS } from './acsFlags.ts';
import { parseAcsOverride } from './acsOverride.ts';
import { computeGroups } from './computeGroups.ts';
import { ALIAS_IDS, arbitraryTopology } from './testing/arbitraryTopology.ts';
import { partition } from './testing/groupingAssertions.ts';
import { DEFAULT_GROUPING_SETTINGS, type Grouping, type GroupingSettings } from './types.ts';

const RUNS = { numRuns: 300 };
const overrideWords = fc.subarray(['downstream', 'multifunction', 'id:1b36:0010', 'id:8086:10d3']);
const settings = (s: Partial<GroupingSettings>): GroupingSettings => ({ ...DEFAULT_GROUPING_SETTINGS, ...s });

/**
 * The topology with every bridge that has functions below it translated. Below an untranslated
 * bridge the kernel runs steps 3 and 4 for that bridge instead of the device, so functions that
 * alias each other can end up apart, and making the bridge isolated (override) can join them:
 * faithful to the kernel, but not what the refinement properties are about.
 */
function bridgesTranslated(t: Topology): Topology {
  const parents = new Set(t.functions.map((f) => f.parent));
  return { ...t, functions: t.functions.map((f) => (parents.has(f.bdf) ? { ...f, translated: true } : f)) };
}

/** Every pair of functions that share a group in `finer` also shares one in `coarser`. */
function refines(finer: Grouping, coarser: Grouping): boolean {
  return finer.groups.every((g) => new Set(g.devices.map((d) => coarser.groupOf.get(d))).size === 1);
}

describe('computeGroups properties', () => {
  it('partitions exactly the translated functions, numbers groups 0..n-1 and explains every member but the first', () => {
    fc.assert(fc.property(arbitraryTopology, fc.boolean(), (t, strictSwitch) => {
      const g = computeGroups(t, settings({ strictSwitch }));
      const translated = t.functions.filter((f) => f.translated).map((f) => f.bdf).sort();
      expect(g.groups.flatMap((x) => x.devices).sort()).toEqual(translated);
      expect([...g.groupOf.keys()].sort()).toEqual(translated);
      expect(g.ungrouped.sort()).toEqual(t.functions.filter((f) => !f.translated).map((f) => f.bdf).sort());
      g.groups.forEach((group, i) => {
        expect(group.id).toBe(i);
        for (const d of group.devices) expect(g.groupOf.get(d)).toBe(i);
        expect(group.reasons.map((r) => r.device)).toEqual(group.devices.slice(1));
        for (const r of group.reasons) expect(group.devices).toContain(r.via);
      });
    }), RUNS);
  });

  it('does not depend on the order of topology.functions', () => {
    fc.assert(fc.property(arbitraryTopology, fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (t, random) => {
      const shuffled: Topology = { ...t, functions: [...t.functions].map((f) => [random.next().value, f] as const).sort((a, b) => a[0] - b[0]).map(([, f]) => f) };
      const a = computeGroups(t);
      const b = computeGroups(shuffled);
      expect(b.groups).toEqual(a.groups);
    }), RUNS);
  });

  it('leaves a single-function function alone below an ACS-isolated path when nothing aliases it', () => {
    fc.assert(fc.property(arbitraryTopology, overrideWords, (t, acsOverride) => {
      const g = computeGroups(t, settings({ acsOverride }));
      const byBdf = new Map(t.functions.map((f) => [f.bdf, f]));
      const ctx = { env: { amdIvrs: false }, override: parseAcsOverride(acsOverride) };
      const isolated = (f: PciFunction) => pciAcsEnabled({ fn: f, onRootBus: f.parent === null && f.physfn === undefined }, REQ_ACS_FLAGS, ctx).isolated;
      // Every bridge above is a PCIe port (no bridge takes over requester IDs) that isolates.
      const isPort = (b: PciFunction) => b.pcieType === 'root-port' || b.pcieType === 'switch-upstream' || b.pcieType === 'switch-downstream';
      const pathIsolated = (f: PciFunction): boolean => {
        const bridge = f.parent === null ? null : byBdf.get(f.parent)!;
        return bridge === null || (isPort(bridge) && isolated(bridge) && pathIsolated(bridge));
      };
      const aliasIds = new Set(t.functions.filter((f) => ALIAS_IDS.includes(`${f.vendor}:${f.device}`)).map((f) => busOf(f.bdf)));
      for (const f of t.functions) {
        const hasChildren = t.functions.some((c) => c.parent === f.bdf && c.physfn === undefined);
        if (!f.translated || f.multifunction || hasChildren || !isolated(f) || !pathIsolated(f) || aliasIds.has(busOf(f.bdf))) continue;
        expect(g.groups[g.groupOf.get(f.bdf)!]!.devices).toEqual([f.bdf]);
      }
    }), RUNS);
  });

  it('never merges groups when an override is enabled', () => {
    fc.assert(fc.property(arbitraryTopology.map(bridgesTranslated), overrideWords, fc.boolean(), (t, acsOverride, strictSwitch) => {
      expect(refines(computeGroups(t, settings({ acsOverride, strictSwitch })), computeGroups(t, settings({ strictSwitch })))).toBe(true);
    }), RUNS);
  });

  it('never splits groups under the strict-switch rule', () => {
    fc.assert(fc.property(arbitraryTopology.map(bridgesTranslated), overrideWords, (t, acsOverride) => {
      expect(refines(computeGroups(t, settings({ acsOverride })), computeGroups(t, settings({ acsOverride, strictSwitch: true })))).toBe(true);
    }), RUNS);
  });

  it('gives the same partition however often it is computed (no hidden state)', () => {
    fc.assert(fc.property(arbitraryTopology, (t) => {
      expect(partition(computeGroups(t))).toEqual(partition(computeGroups(t)));
    }), { numRuns: 50 });
  });
});
