import type { Edge, Node } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { computeGroups } from '../../model/grouping/computeGroups.ts';
import { syntheticTopology } from '../../model/topology/synthetic.ts';
import { areaInView, boxesMeeting, edgesAmong, stageIds } from './firstScreen.ts';
import { layoutNodeIds, layoutNodes } from './flowElements.ts';
import type { ExplorerNode } from './flowTypes.ts';
import { buildGraphModel, type GraphModel } from './graphModel.ts';
import { initialViewport } from './initialViewport.ts';
import { layoutGraphModel, type Layout } from './treeLayout.ts';

const node = (id: string, parentId?: string): Node => ({ id, position: { x: 0, y: 0 }, data: {}, ...(parentId ? { parentId } : {}) });
const edge = (source: string, target: string): Edge => ({ id: `${source}->${target}`, source, target });

describe('the first screen of a big drawing', () => {
  it('is the part of the drawing in the pane, in drawing coordinates, widened by a margin', () => {
    expect(areaInView({ x: -200, y: 100, zoom: 0.5 }, { width: 800, height: 600 }, 0)).toEqual({ x: 400, y: -200, width: 1600, height: 1200 });
    expect(areaInView({ x: 0, y: 0, zoom: 1 }, { width: 800, height: 600 }, 0.5)).toEqual({ x: -400, y: -300, width: 1600, height: 1200 });
  });

  // A frame; a region near its top with one device; a region far below; a loose device far right.
  const model: GraphModel = {
    frames: [{ id: 'frame', bus: '0000:00' }],
    regions: [
      { id: 'group:1', kind: 'group', groups: [1], frame: 'frame' },
      { id: 'group:2', kind: 'group', groups: [2], frame: 'frame' },
    ],
    items: [
      { type: 'device', id: 'dev:a', bdf: '0000:00:01.0', region: 'group:1', frame: 'frame' },
      { type: 'device', id: 'dev:b', bdf: '0000:01:00.0', region: 'group:2', frame: 'frame' },
      { type: 'device', id: 'dev:c', bdf: '0000:00:02.0', region: null, frame: 'frame' },
    ],
    edges: [],
    sets: [],
  };
  const layout: Layout = {
    boxes: new Map([
      ['frame', { x: 0, y: 0, width: 5000, height: 5000 }],
      ['group:1', { x: 10, y: 10, width: 200, height: 100 }],
      ['dev:a', { x: 5, y: 5, width: 100, height: 50 }],
      ['group:2', { x: 10, y: 3000, width: 200, height: 100 }],
      // Small in its region, but the region is far: 10+5, 3000+5 in the drawing.
      ['dev:b', { x: 5, y: 5, width: 100, height: 50 }],
      ['dev:c', { x: 4000, y: 10, width: 100, height: 50 }],
    ]),
    bounds: { x: 0, y: 0, width: 5000, height: 5000 },
  };

  it('holds the boxes that meet it, each placed by the boxes it sits in, with its region\'s default-domain node', () => {
    expect([...boxesMeeting(model, layout, { x: 0, y: 0, width: 500, height: 500 })].sort()).toEqual(['default:group:1', 'dev:a', 'frame', 'group:1']);
    expect([...boxesMeeting(model, layout, { x: 0, y: 2990, width: 100, height: 100 })].sort()).toEqual(['default:group:2', 'dev:b', 'frame', 'group:2']);
  });

  it('holds the far end of a tree edge that leaves it, with that end\'s region and frame, so no line ends in nothing', () => {
    const linked = { ...model, edges: [{ id: 'tree:dev:a->dev:b', source: 'dev:a', target: 'dev:b', kind: 'pci' as const }] };
    expect([...boxesMeeting(linked, layout, { x: 0, y: 0, width: 500, height: 500 })].sort()).toEqual(['default:group:1', 'default:group:2', 'dev:a', 'dev:b', 'frame', 'group:1', 'group:2']);
  });

  it('on the 2,000-function machine is a small part of the drawing that holds the first root bus, and its nodes are that part', () => {
    const topology = syntheticTopology(2000);
    const grouping = computeGroups(topology);
    const big = buildGraphModel(topology, grouping, new Set());
    const bigLayout = layoutGraphModel(big);
    const pane = { width: 1100, height: 540 };
    const view = initialViewport(bigLayout.bounds, pane);
    if (view.fit) throw new Error('a 2,000-function machine should not fit the pane readably');
    const first = boxesMeeting(big, bigLayout, areaInView(view.viewport, pane, 0.5));
    expect(first.has(big.frames[0]!.id)).toBe(true);
    expect(first.size).toBeGreaterThan(10);
    expect(first.size).toBeLessThan(layoutNodeIds(big).length / 4);
    const functions = new Map(topology.functions.map((f) => [f.bdf, f]));
    const nodes = layoutNodes(big, bigLayout, functions, first);
    expect(new Set(nodes.map((n) => n.id))).toEqual(first);
    // Parents first, as React Flow wants them.
    const seen = new Set<string>();
    for (const n of nodes) {
      if (n.parentId !== undefined) expect(seen.has(n.parentId), n.id).toBe(true);
      seen.add(n.id);
    }
    expect(layoutNodes(big, bigLayout, functions)).toHaveLength(layoutNodeIds(big).length);
  });
});

describe('the stages that follow it', () => {
  const order = ['f', 'r1', 'p1', 'r2', 'p2', 'd1', 'd2'];

  it('hold the first screen and the layout\'s first nodes', () => {
    expect([...stageIds(order, new Set(['f', 'r2', 'd2']), 2)].sort()).toEqual(['d2', 'f', 'r1', 'r2']);
    expect(stageIds(order, new Set(), order.length)).toEqual(new Set(order));
  });

  it('give React Flow only the edges between nodes it has', () => {
    const nodes = [node('f'), node('r2', 'f'), node('d2', 'r2'), node('row')];
    const edges = [edge('d1', 'd2'), edge('r2', 'row'), edge('f', 'd2')];
    expect(edgesAmong(nodes, edges).map((e) => e.id)).toEqual(['r2->row', 'f->d2']);
  });

  it('on the 2,000-function machine: each stage keeps its parents, and its nodes are the objects the stage before made', () => {
    const topology = syntheticTopology(2000);
    const big = buildGraphModel(topology, computeGroups(topology), new Set());
    const bigLayout = layoutGraphModel(big);
    const functions = new Map(topology.functions.map((f) => [f.bdf, f]));
    const ids = layoutNodeIds(big);
    expect(ids).toEqual(layoutNodes(big, bigLayout, functions).map((n) => n.id));
    const first = boxesMeeting(big, bigLayout, { x: 0, y: 0, width: 2000, height: 1000 });
    const built = new Map<string, ExplorerNode>();
    let before = new Map<string, ExplorerNode>();
    for (let limit = 0; limit <= ids.length + 400; limit += 400) {
      const nodes = layoutNodes(big, bigLayout, functions, stageIds(ids, first, limit), built);
      const seen = new Set<string>();
      for (const n of nodes) {
        if (n.parentId !== undefined) expect(seen.has(n.parentId), `${n.id} at limit ${limit}`).toBe(true);
        seen.add(n.id);
        if (before.has(n.id)) expect(n, n.id).toBe(before.get(n.id));
      }
      expect(seen.size).toBe(Math.min(ids.length, new Set([...first, ...ids.slice(0, limit)]).size));
      before = new Map(nodes.map((n) => [n.id, n]));
    }
    expect(before.size).toBe(layoutNodeIds(big).length);
  });
});
