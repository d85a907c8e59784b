// The page's start makes the graph's drawing and all its React Flow nodes before React loads; the
// graph's first render then picks its first screen from those same objects.
import { describe, expect, it } from 'vitest';
import { computeGroups } from '../../model/grouping/computeGroups.ts';
import { synthetic300 } from '../../scenarios/index.ts';
import { drawingOf } from './drawing.ts';
import { layoutNodeIds, layoutNodes, nodesMadeFor } from './flowElements.ts';
import { prepareGraph } from './prepareGraph.ts';

describe('prepareGraph', () => {
  it('makes the drawing and every one of its nodes, which later renders pick as they are', () => {
    const grouping = computeGroups(synthetic300.topology, synthetic300.groupingSettings);
    const expanded = new Set<string>();
    prepareGraph(synthetic300, grouping, expanded);
    const drawing = drawingOf(synthetic300, grouping, expanded);
    const made = nodesMadeFor(drawing);
    expect([...made.keys()].sort()).toEqual(layoutNodeIds(drawing.model).sort());
    const first = new Set(layoutNodeIds(drawing.model).slice(0, 20));
    const picked = layoutNodes(drawing.model, drawing.layout, drawing.functions, first, made);
    expect(picked.map((n) => n.id)).toEqual([...first]);
    for (const node of picked) expect(node).toBe(made.get(node.id));
  });

  it('keeps the nodes of each drawing apart', () => {
    const grouping = computeGroups(synthetic300.topology, synthetic300.groupingSettings);
    prepareGraph(synthetic300, grouping, new Set());
    const other = drawingOf(synthetic300, computeGroups(synthetic300.topology, synthetic300.groupingSettings), new Set());
    expect(nodesMadeFor(other).size).toBe(0);
  });
});
