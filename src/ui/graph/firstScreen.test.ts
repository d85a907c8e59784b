import type { Edge, Node } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { computeGroups } from '../../model/grouping/computeGroups.ts';
import { syntheticTopology } from '../../model/topology/synthetic.ts';
import { areaInView, nodesMeeting } from './firstScreen.ts';
import { layoutNodes, treeEdges } from './flowElements.ts';
import { buildGraphModel } from './graphModel.ts';
import { initialViewport } from './initialViewport.ts';
import { layoutGraphModel } from './treeLayout.ts';
import { stagedElements } from './useStagedElements.ts';

const node = (id: string, x: number, y: number, width: number, height: number, parentId?: string): Node => ({ id, position: { x, y }, width, height, data: {}, ...(parentId ? { parentId } : {}) });
const edge = (source: string, target: string): Edge => ({ id: `${source}->${target}`, source, target });

describe('the first screen of a big drawing', () => {
  it('is the part of the drawing in the pane, in drawing coordinates, widened by a margin', () => {
    expect(areaInView({ x: -200, y: 100, zoom: 0.5 }, { width: 800, height: 600 }, 0)).toEqual({ x: 400, y: -200, width: 1600, height: 1200 });
    expect(areaInView({ x: 0, y: 0, zoom: 1 }, { width: 800, height: 600 }, 0.5)).toEqual({ x: -400, y: -300, width: 1600, height: 1200 });
  });

  it('holds the nodes whose boxes meet it, placing children by their parents', () => {
    const nodes = [node('frame', 0, 0, 3000, 3000), node('near', 10, 10, 100, 100, 'frame'), node('far', 2000, 2000, 100, 100, 'frame'), node('inFar', 5, 5, 10, 10, 'far')];
    // 'inFar' sits at 2005,2005 in the drawing: out of the area, though its own position is small.
    expect([...nodesMeeting(nodes, [], { x: 0, y: 0, width: 500, height: 500 })].sort()).toEqual(['frame', 'near']);
    expect([...nodesMeeting(nodes, [], { x: 2000, y: 2000, width: 10, height: 10 })].sort()).toEqual(['far', 'frame', 'inFar']);
  });

  it('holds the far end of an edge that leaves it, with that end\'s parents, so no line ends in nothing', () => {
    const nodes = [node('a', 0, 0, 100, 100), node('b', 5000, 0, 1000, 1000), node('c', 10, 10, 10, 10, 'b'), node('d', 9000, 0, 10, 10)];
    const shown = nodesMeeting(nodes, [edge('a', 'c')], { x: 0, y: 0, width: 200, height: 200 });
    expect([...shown].sort()).toEqual(['a', 'b', 'c']);
  });

  it('on the 2,000-function machine is a small part of the drawing that holds the first root bus', () => {
    const topology = syntheticTopology(2000);
    const grouping = computeGroups(topology);
    const model = buildGraphModel(topology, grouping, new Set());
    const layout = layoutGraphModel(model);
    const nodes = layoutNodes(model, layout, new Map(topology.functions.map((f) => [f.bdf, f])));
    const edges = treeEdges(model);
    const pane = { width: 1100, height: 540 };
    const view = initialViewport(layout.bounds, pane);
    if (view.fit) throw new Error('a 2,000-function machine should not fit the pane readably');
    const first = nodesMeeting(nodes, edges, areaInView(view.viewport, pane, 0.5));
    expect(first.has(model.frames[0]!.id)).toBe(true);
    expect(first.size).toBeGreaterThan(10);
    expect(first.size).toBeLessThan(nodes.length / 4);
  });
});

describe('the stages that follow it', () => {
  const nodes = [node('f', 0, 0, 10, 10), node('r1', 0, 0, 1, 1, 'f'), node('r2', 0, 0, 1, 1, 'f'), node('d1', 0, 0, 1, 1, 'r1'), node('d2', 0, 0, 1, 1, 'r2'), node('row', 0, 0, 1, 1)];
  const edges = [edge('d1', 'd2'), edge('r2', 'row'), edge('f', 'd1')];

  it('hand React Flow the first screen, the layout\'s first nodes and the nodes after the layout, in their order', () => {
    const staged = stagedElements(nodes, edges, 5, new Set(['f', 'r2', 'd2']), 2);
    expect(staged.nodes.map((n) => n.id)).toEqual(['f', 'r1', 'r2', 'd2', 'row']);
    expect(staged.edges.map((e) => e.id)).toEqual(['r2->row']);
  });

  it('end with everything once the limit passes the layout', () => {
    const staged = stagedElements(nodes, edges, 5, new Set(), 5);
    expect(staged.nodes).toEqual(nodes);
    expect(staged.edges).toEqual(edges);
  });
});
