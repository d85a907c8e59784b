import { describe, expect, it } from 'vitest';
import { computeGroups } from '../../model/grouping/computeGroups.ts';
import { createMachine } from '../../model/kernel/machine.ts';
import { syntheticTopology } from '../../model/topology/synthetic.ts';
import { BUILT_IN_SCENARIOS, gpuAudioNvme } from '../../scenarios/index.ts';
import { sharedDomains } from '../../store/views.ts';
import { domainRowNodes, layoutNodes } from './flowElements.ts';
import type { ExplorerNode } from './flowTypes.ts';
import { buildGraphModel, type GraphModel } from './graphModel.ts';
import { DEVICE_SIZE } from './sizes.ts';
import { layoutGraphModel, type Box, type Layout } from './treeLayout.ts';
import { loadRealKernelTexts } from '../../scenarios/oracle/realKernel.ts';

// The real-kernel scenarios' lspci texts are a chunk the app loads when one is opened.
await loadRealKernelTexts();

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

function containerOf(model: GraphModel): Map<string, string | null> {
  return new Map<string, string | null>([
    ...model.frames.map((f): [string, null] => [f.id, null]),
    ...model.regions.map((r): [string, string] => [r.id, r.frame]),
    ...model.items.map((i): [string, string] => [i.id, i.region ?? i.frame]),
  ]);
}

function absolute(layout: Layout, parentOf: ReadonlyMap<string, string | null>, id: string): Box {
  const box = layout.boxes.get(id)!;
  const parent = parentOf.get(id);
  if (!parent) return box;
  const p = absolute(layout, parentOf, parent);
  return { ...box, x: box.x + p.x, y: box.y + p.y };
}

/** What a reader needs: nothing on top of anything else, every box in its container, parents above children. */
function expectReadable(model: GraphModel) {
  const layout = layoutGraphModel(model);
  const parentOf = containerOf(model);
  const abs = (id: string) => absolute(layout, parentOf, id);
  const byContainer = new Map<string | null, string[]>();
  for (const [id, parent] of parentOf) byContainer.set(parent, [...(byContainer.get(parent) ?? []), id]);
  for (const [container, ids] of byContainer) {
    for (let i = 0; i < ids.length; i++) {
      if (container !== null) expect(inside(abs(ids[i]!), abs(container)), `${ids[i]} in ${container}`).toBe(true);
      for (let j = i + 1; j < ids.length; j++) expect(overlap(abs(ids[i]!), abs(ids[j]!)), `${ids[i]} / ${ids[j]}`).toBe(false);
    }
  }
  for (const e of model.edges) expect(abs(e.source).y, e.id).toBeLessThan(abs(e.target).y);
  for (const f of model.frames) expect(inside(abs(f.id), layout.bounds), f.id).toBe(true);
  return { layout, abs };
}

describe('the tree layout', () => {
  for (const scenario of BUILT_IN_SCENARIOS) {
    it(`${scenario.id}: no box overlaps another, each sits in its container, parents above children`, () => {
      expectReadable(buildGraphModel(scenario.topology, computeGroups(scenario.topology, scenario.groupingSettings), new Set()));
    });
  }

  it('a 2,000-function machine: the same, in rows that suit a wide screen', () => {
    const topology = syntheticTopology(2000);
    const { layout } = expectReadable(buildGraphModel(topology, computeGroups(topology), new Set()));
    const ratio = layout.bounds.width / layout.bounds.height;
    expect(ratio).toBeGreaterThan(1);
    expect(ratio).toBeLessThan(5);
  });

  it('puts siblings in address order, left to right, and a parent over its children', () => {
    const model = buildGraphModel(gpuAudioNvme.topology, computeGroups(gpuAudioNvme.topology), new Set());
    const { abs } = expectReadable(model);
    const children = (source: string) => model.edges.filter((e) => e.source === source).map((e) => e.target);
    for (const parent of new Set(model.edges.map((e) => e.source))) {
      const kids = children(parent);
      const xs = kids.map((k) => abs(k).x);
      expect(xs, parent).toEqual([...xs].sort((a, b) => a - b));
      const centre = (b: Box) => b.x + b.width / 2;
      if (kids.length === 1) expect(Math.abs(centre(abs(parent)) - centre(abs(kids[0]!))), parent).toBeLessThan(DEVICE_SIZE.width / 2);
    }
  });

  it('lays out groups that reach into each other (a cycle between regions) without losing a box', () => {
    // x -> y -> z with x and z in one group, y in another: each region sits below the other.
    const device = (id: string, region: string) => ({ type: 'device' as const, id, bdf: id, region, frame: 'bus:0000:00' });
    const model: GraphModel = {
      frames: [{ id: 'bus:0000:00', bus: '0000:00' }],
      items: [device('x', 'group:0'), device('y', 'group:1'), device('z', 'group:0')],
      regions: [
        { id: 'group:0', kind: 'group', groups: [0], frame: 'bus:0000:00' },
        { id: 'group:1', kind: 'group', groups: [1], frame: 'bus:0000:00' },
      ],
      edges: [
        { id: 'x-y', source: 'x', target: 'y', kind: 'pci' },
        { id: 'y-z', source: 'y', target: 'z', kind: 'pci' },
      ],
      sets: [],
    };
    const layout = layoutGraphModel(model);
    expect([...layout.boxes.keys()].sort()).toEqual(['bus:0000:00', 'group:0', 'group:1', 'x', 'y', 'z']);
    expect(overlap(layout.boxes.get('group:0')!, layout.boxes.get('group:1')!)).toBe(false);
  });

  it('is deterministic: the same model, the same boxes', () => {
    const model = buildGraphModel(gpuAudioNvme.topology, computeGroups(gpuAudioNvme.topology), new Set());
    expect(layoutGraphModel(model)).toEqual(layoutGraphModel(structuredClone(model)));
  });

  describe('a 2,000-function machine as the graph draws it (every node React Flow gets, pills and domains too)', () => {
    const topology = syntheticTopology(2000, 7);
    const grouping = computeGroups(topology);
    const functions = new Map(topology.functions.map((f) => [f.bdf, f]));
    const everySet = new Set(buildGraphModel(topology, grouping, new Set()).sets.map((s) => s.key));
    for (const [name, expanded] of [
      ['identical siblings folded', new Set<string>()],
      ['every identical sibling set opened', everySet],
    ] as const) {
      it(`${name}: no node overlaps another in the same box, each inside its box`, () => {
        const model = buildGraphModel(topology, grouping, expanded);
        const layout = layoutGraphModel(model);
        const machine = createMachine(topology, grouping, { policy: 'upstream' });
        const nodes = [...layoutNodes(model, layout, functions), ...domainRowNodes(layout, sharedDomains(machine))];
        expect(nodes.length).toBeGreaterThan(model.items.length);
        expectNoOverlaps(nodes);
      });
    }
  });
});

const boxOfNode = (n: ExplorerNode): Box => ({ x: n.position.x, y: n.position.y, width: n.width!, height: n.height! });

/** Nodes of one parent, compared by a sweep along x (a big frame holds a thousand of them). */
function expectNoOverlaps(nodes: readonly ExplorerNode[]) {
  const byParent = new Map<string | undefined, ExplorerNode[]>();
  for (const n of nodes) {
    const siblings = byParent.get(n.parentId);
    if (siblings) siblings.push(n);
    else byParent.set(n.parentId, [n]);
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const [parent, children] of byParent) {
    const container = parent === undefined ? undefined : byId.get(parent)!;
    const sorted = children.map((n) => ({ id: n.id, box: boxOfNode(n) })).sort((a, b) => a.box.x - b.box.x);
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i]!;
      // A child's position is relative to its container's top-left corner.
      if (container) expect(inside(a.box, { x: 0, y: 0, width: container.width!, height: container.height! }), `${a.id} in ${parent}`).toBe(true);
      for (let j = i + 1; j < sorted.length && sorted[j]!.box.x < a.box.x + a.box.width; j++) {
        expect(overlap(a.box, sorted[j]!.box), `${a.id} / ${sorted[j]!.id}`).toBe(false);
      }
    }
  }
}
