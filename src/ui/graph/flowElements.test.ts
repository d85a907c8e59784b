import { describe, expect, it } from 'vitest';
import { computeGroups } from '../../model/grouping/computeGroups.ts';
import { createMachine } from '../../model/kernel/machine.ts';
import { sriovNic } from '../../scenarios/index.ts';
import { sharedDomains } from '../../store/views.ts';
import { domainRowNodes, layoutNodes, routeEdges, treeEdges } from './flowElements.ts';
import { buildGraphModel } from './graphModel.ts';
import { layoutGraphModel } from './treeLayout.ts';

describe('React Flow elements', () => {
  // Without declared handles React Flow draws every node once to measure it, visible-only or not.
  it('declares every handle an edge uses, so nodes out of view are never drawn just to be measured', () => {
    const { topology } = sriovNic;
    const grouping = computeGroups(topology);
    const model = buildGraphModel(topology, grouping, new Set());
    const layout = layoutGraphModel(model);
    const machine = createMachine(topology, grouping, { policy: 'upstream' });
    const nodes = [...layoutNodes(model, layout, new Map(topology.functions.map((f) => [f.bdf, f]))), ...domainRowNodes(layout, sharedDomains(machine))];
    const byId = new Map(nodes.map((n) => [n.id, n]));
    for (const n of nodes) expect(n.handles, n.id).toBeDefined();
    for (const e of [...treeEdges(model), ...routeEdges(model, machine)]) {
      const source = byId.get(e.source)!.handles!.filter((h) => h.type === 'source');
      const target = byId.get(e.target)!.handles!.filter((h) => h.type === 'target');
      expect(e.sourceHandle ? source.some((h) => h.id === e.sourceHandle) : source.length > 0, `${e.id} leaves ${e.source}`).toBe(true);
      expect(e.targetHandle ? target.some((h) => h.id === e.targetHandle) : target.length > 0, `${e.id} reaches ${e.target}`).toBe(true);
    }
  });

  it('puts a handle on the border it belongs to', () => {
    const grouping = computeGroups(sriovNic.topology);
    const model = buildGraphModel(sriovNic.topology, grouping, new Set());
    const nodes = layoutNodes(model, layoutGraphModel(model), new Map(sriovNic.topology.functions.map((f) => [f.bdf, f])));
    for (const n of nodes) {
      for (const h of n.handles!) {
        expect(h.y + 0.5, `${n.id} ${h.id}`).toBe(h.position === 'top' ? 0 : n.height);
        expect(h.x + 0.5, `${n.id} ${h.id}`).toBeGreaterThan(0);
        expect(h.x + 0.5, `${n.id} ${h.id}`).toBeLessThan(n.width!);
      }
    }
  });
});
