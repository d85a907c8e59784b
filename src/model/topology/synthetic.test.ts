import { describe, expect, it } from 'vitest';
import { syntheticTopology } from './synthetic.ts';
import { busOf } from './bdf.ts';

describe('syntheticTopology', () => {
  it.each([2, 17, 300, 500, 2000, 4096])('makes exactly %i functions with unique addresses', (n) => {
    const t = syntheticTopology(n, 7);
    expect(t.functions).toHaveLength(n);
    expect(new Set(t.functions.map((f) => f.bdf)).size).toBe(n);
  });

  it('is deterministic for a seed and varies with it', () => {
    const a = JSON.stringify(syntheticTopology(500, 3));
    expect(JSON.stringify(syntheticTopology(500, 3))).toBe(a);
    expect(JSON.stringify(syntheticTopology(500, 4))).not.toBe(a);
  });

  it('has the realistic mix: switches, PCIe-to-PCI bridges, multifunction GPUs and SR-IOV VFs', () => {
    const t = syntheticTopology(4096, 1);
    const types = new Set(t.functions.map((f) => f.pcieType));
    expect(types).toContain('switch-upstream');
    expect(types).toContain('pcie-to-pci-bridge');
    expect(t.functions.some((f) => f.physfn !== undefined)).toBe(true);
    expect(t.functions.some((f) => f.classCode === 0x0403 && f.multifunction)).toBe(true);
  });

  it('places every non-root function on its parent bridge\'s bus range', () => {
    const t = syntheticTopology(4096, 2);
    const byBdf = new Map(t.functions.map((f) => [f.bdf, f]));
    for (const f of t.functions) {
      if (f.parent === null || f.physfn !== undefined) continue;
      const p = byBdf.get(f.parent)!;
      const bus = parseInt(busOf(f.bdf).slice(5), 16);
      expect(bus).toBe(p.secondaryBus);
    }
  });
});
