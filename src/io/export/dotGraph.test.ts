// Graphviz DOT: functions in group clusters along the PCI tree, user domains and device fds as
// nodes; every label escaped so that no name can change the graph (DOT injection).
import { describe, expect, it } from 'vitest';
import { exportScenario } from './exportScenario.ts';
import type { ExportScenario } from './runScenario.ts';
import { dotTokens, skeleton } from './testing/dotTokens.ts';
import { gpuUpstream } from './testing/goldenScenarios.ts';
import { hostileScenario, HOSTILE_NAMES } from './testing/hostile.ts';
import { dotLabel } from './dotText.ts';

function dot(s: ExportScenario): string {
  const r = exportScenario(s, 'dot');
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

describe('DOT graph', () => {
  it('draws each group as a cluster with its domain, the PCI tree, user domains and device fds', () => {
    const text = dot(gpuUpstream);
    expect(text).toMatch(/^digraph "ioasid-explorer" \{\n/);
    expect(text).toContain('subgraph cluster_g3 {\n    label="group 3: domain container \\"c1\\", IOMMU type1\\nowner container:c1, viable";');
    expect(text).toContain('d1 [shape=ellipse, label="IOAS \\"ioas\\""];');
    expect(text).toMatch(/f\d+ -> d1 \[ltail=cluster_g4, style=dashed, label="DMA"\];/);
    expect(text).toMatch(/u0 \[shape=note, label="device fd 5\\n\\"gpu\\"\\nuser access"\];\n {2}u0 -> f3;/);
    const tokens = dotTokens(text, true);
    expect(typeof tokens).not.toBe('string');
  });

  it('escapes quotes and backslashes, keeps a label from ending in a backslash, and stays ASCII', () => {
    expect(dotLabel(['a "b"', 'c\\N'])).toBe('"a \\"b\\"\\nc\\\\N"');
    expect(dotLabel(['evil\\'])).toBe('"evil\\\\ "');
    expect(dotLabel(['caf\u00e9 \u{1f4a5}\nx'])).toBe('"cafe ? x"');
  });

  it('no name can change the graph: hostile names give the structure plain names give', () => {
    const plainText = dot(hostileScenario('plain'));
    for (const name of HOSTILE_NAMES) {
      const text = dot(hostileScenario(name));
      expect(text).toMatch(/^[\x20-\x7e\n]*$/);
      for (const pairs of [true, false]) {
        const tokens = dotTokens(text, pairs);
        if (typeof tokens === 'string') throw new Error(`${JSON.stringify(name.slice(0, 40))}: ${tokens}`);
        const expected = dotTokens(plainText, pairs);
        expect(skeleton(tokens)).toBe(skeleton(expected as Exclude<typeof expected, string>));
      }
    }
  });
});
