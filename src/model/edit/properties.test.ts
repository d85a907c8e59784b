// Properties of what-if edits over random topologies and random edit sequences (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeGroups } from '../grouping/computeGroups.ts';
import { buildPciTree } from '../grouping/pciTree.ts';
import { arbitraryTopology } from '../grouping/testing/arbitraryTopology.ts';
import { DEFAULT_GROUPING_SETTINGS } from '../grouping/types.ts';
import { bdfParts } from '../topology/bdf.ts';
import type { Topology } from '../topology/types.ts';
import { applyEdit } from './applyEdit.ts';
import type { DeviceTemplate, ScenarioEdit } from './edits.ts';
import { diffGroupings } from './groupDiff.ts';

const TEMPLATES: DeviceTemplate[] = ['gpu-audio', 'nic-dual', 'nic-sriov', 'nvme', 'switch', 'pcie-pci-bridge', 'chipset'];

/** An edit drawn against the current topology: indexes pick functions, so most edits name real ones. */
const arbitraryPick = fc.record({
  op: fc.constantFrom('card.move', 'device.add', 'device.remove', 'acs.set'),
  a: fc.nat(),
  b: fc.nat(),
  template: fc.constantFrom(...TEMPLATES),
  count: fc.integer({ min: 1, max: 4 }),
  acs: fc.boolean(),
});
type EditPick = typeof arbitraryPick extends fc.Arbitrary<infer T> ? T : never;

function editOf(t: Topology, p: EditPick): ScenarioEdit {
  const pick = (i: number) => t.functions[i % t.functions.length]!.bdf;
  switch (p.op) {
    case 'card.move':
      return { op: 'card.move', bdf: pick(p.a), to: pick(p.b) };
    case 'device.add':
      return { op: 'device.add', at: pick(p.b), template: p.template, options: { vfs: p.count, ports: p.count, devices: p.count, acs: p.acs } };
    case 'device.remove':
      return { op: 'device.remove', bdf: pick(p.a) };
    default:
      return { op: 'acs.set', bdf: pick(p.a), acs: null };
  }
}

/** Bus numbers as firmware leaves them: each function on its bridge's secondary bus, within every range above. */
function expectFirmwareNumbering(t: Topology): void {
  const byBdf = new Map(t.functions.map((f) => [f.bdf, f]));
  for (const f of t.functions) {
    if (f.physfn !== undefined) {
      expect(byBdf.get(f.physfn)).toBeDefined();
      continue;
    }
    const bus = bdfParts(f.bdf).bus;
    for (let up = f.parent, first = true; up !== null; up = byBdf.get(up)!.parent, first = false) {
      const bridge = byBdf.get(up)!;
      if (first) expect(bridge.secondaryBus).toBe(bus);
      expect(bus).toBeGreaterThanOrEqual(bridge.secondaryBus!);
      expect(bus).toBeLessThanOrEqual(bridge.subordinateBus!);
    }
  }
}

describe('applyEdit properties', () => {
  it('never throws; an accepted edit leaves a consistent, firmware-numbered topology and a renamed map between the two', () => {
    const accepted = new Map<string, number>();
    fc.assert(
      fc.property(arbitraryTopology, fc.array(arbitraryPick, { minLength: 1, maxLength: 4 }), (start, picks) => {
        let t = start;
        for (const p of picks) {
          const e = editOf(t, p);
          const r = applyEdit({ topology: t, groupingSettings: DEFAULT_GROUPING_SETTINGS }, e);
          if (!r.ok) {
            expect(r.message.length).toBeGreaterThan(0);
            continue;
          }
          accepted.set(e.op, (accepted.get(e.op) ?? 0) + 1);
          expect(() => buildPciTree(r.topology)).not.toThrow();
          const before = new Set(t.functions.map((f) => f.bdf));
          const after = new Set(r.topology.functions.map((f) => f.bdf));
          for (const [from, to] of r.renamed) {
            expect(before.has(from)).toBe(true);
            expect(after.has(to)).toBe(true);
          }
          if (e.op === 'card.move') expect(after.size).toBe(before.size);
          if (e.op === 'device.remove') expect(after.size).toBeLessThan(before.size);
          if (e.op === 'device.add') expect(after.size).toBeGreaterThan(before.size);
          if (e.op !== 'acs.set') expectFirmwareNumbering(r.topology);
          expect(() => diffGroupings(computeGroups(t), computeGroups(r.topology), r.renamed)).not.toThrow();
          t = r.topology;
        }
      }),
      { numRuns: 200 },
    );
    // The random edits must reach every kind of accepted edit, or the properties prove little.
    expect([...accepted.keys()].sort()).toEqual(['acs.set', 'card.move', 'device.add', 'device.remove']);
  });
});
