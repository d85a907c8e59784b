// Layout + graph model + machine state -> React Flow nodes and edges. Nodes that come from the
// layout are rebuilt only when the layout changes; the domain row and the route edges follow the
// machine, so a command moves edges, never boxes. Z order is explicit (React Flow's manual mode):
// frames, then regions, then edges and boxes (see Z).
import type { Edge, NodeHandle, Position } from '@xyflow/react';
import type { MachineState } from '../../model/kernel/types.ts';
import type { Bdf, PciFunction } from '../../model/topology/types.ts';
import { groupDomain, type DomainKind, type DomainView } from '../../store/views.ts';
import type { Drawing } from './drawing.ts';
import type { Box, Layout } from './treeLayout.ts';
import type { DomainFlowNode, ExplorerNode, RouteEdge } from './flowTypes.ts';
import type { GraphModel, Region } from './graphModel.ts';
import { AWAY_HANDLE_LEFT, DEFAULT_PILL, DOMAIN_GAP, DOMAIN_ROW_GAP, DOMAIN_SIZE } from './sizes.ts';

export const defaultPillId = (region: Region) => `default:${region.id}`;
export const domainNodeId = (domain: string) => `domain:${domain}`;

/**
 * A node's size, also as React Flow's `measured`: every box's size is known from the layout, and a
 * node object that arrives without `measured` would lose its handle positions until re-measured,
 * dropping its edges for a frame (and restarting their animation).
 */
const size = (b: { width: number; height: number }) => ({ width: b.width, height: b.height, measured: { width: b.width, height: b.height } });

/**
 * Where the node components put their handles (1 px anchors, index.css; centred on the border as
 * React Flow's handle classes place them). Declared so React Flow knows every node before drawing
 * it: with visible-only rendering it otherwise draws every node once, in view or not, to measure
 * its handles (xyflow getNodesInside, forceInitialRender), which on a big machine cost seconds.
 * Once drawn, a node's handles are measured from the page as usual.
 */
const HANDLE = { width: 1, height: 1 };
// React Flow's Position values, spelled here: the page's start makes a drawing's nodes (main.tsx)
// before React Flow's code has loaded, so this module imports only its types.
const TOP = ('top' satisfies `${Position}`) as Position;
const BOTTOM = ('bottom' satisfies `${Position}`) as Position;
const topIn = (b: { width: number }, id: string | null = null): NodeHandle => ({ id, type: 'target', position: TOP, x: b.width / 2 - 0.5, y: -0.5, ...HANDLE });
const bottomOut = (b: { width: number; height: number }, id: string | null = null, x = b.width / 2): NodeHandle => ({
  id,
  type: 'source',
  position: BOTTOM,
  x: x - 0.5,
  y: b.height - 0.5,
  ...HANDLE,
});
/** RegionNode's handles: tree edges in at the top; to the default domain near the right corner, to a shared one near the left. */
const regionHandles = (b: Box): NodeHandle[] => [
  topIn(b, 'in'),
  bottomOut(b, 'default', b.width - (DEFAULT_PILL.width / 2 - DEFAULT_PILL.overhang) - 1),
  bottomOut(b, 'away', AWAY_HANDLE_LEFT),
];

/**
 * Stacking: root-bus frames; group regions; tree edges between regions under them (a line into a
 * group ends at its border); edges inside a region and group-to-domain edges over them; boxes on top.
 */
const Z = { frame: 0, region: 1, betweenRegions: 1, insideRegion: 2, route: 2, box: 3 } as const;

/** The region drawn without the strip the layout reserved for its default-domain node. */
function regionBox(b: Box): Box {
  return { ...b, height: b.height - DEFAULT_PILL.gap - DEFAULT_PILL.height };
}

/** The node objects layoutNodes has made for each drawing (its `built`): each is made once. */
const madeNodes = new WeakMap<Drawing, Map<string, ExplorerNode>>();

export function nodesMadeFor(drawing: Drawing): Map<string, ExplorerNode> {
  let made = madeNodes.get(drawing);
  if (made === undefined) madeNodes.set(drawing, (made = new Map()));
  return made;
}

/** The ids of layoutNodes' nodes, in its order (parents first), without building any node. */
export function layoutNodeIds(model: GraphModel): string[] {
  return [...model.frames.map((f) => f.id), ...model.regions.flatMap((r) => [r.id, defaultPillId(r)]), ...model.items.map((i) => i.id)];
}

/**
 * The layout's nodes, parents first; only those in `only` when it is given (a first screen, a
 * stage). With `built`, a node made before is that same object and a new one is kept there: a
 * stage hands React Flow the nodes it has unchanged, so it and React skip them.
 */
export function layoutNodes(model: GraphModel, layout: Layout, functions: ReadonlyMap<Bdf, PciFunction>, only?: ReadonlySet<string>, built = new Map<string, ExplorerNode>()): ExplorerNode[] {
  const nodes: ExplorerNode[] = [];
  const add = (id: string, make: () => ExplorerNode) => {
    if (only !== undefined && !only.has(id)) return;
    let node = built.get(id);
    if (node === undefined) built.set(id, (node = make()));
    nodes.push(node);
  };
  const boxOf = (id: string) => layout.boxes.get(id) ?? { x: 0, y: 0, width: 0, height: 0 };
  const fixed = { selectable: false, draggable: false };
  // React Flow wants a parent before its children.
  for (const frame of model.frames) {
    add(frame.id, () => {
      const box = boxOf(frame.id);
      return { id: frame.id, type: 'frame', position: { x: box.x, y: box.y }, ...size(box), handles: [], data: { bus: frame.bus }, ...fixed, zIndex: Z.frame };
    });
  }
  for (const region of model.regions) {
    const outer = boxOf(region.id);
    const box = regionBox(outer);
    const inFrame = { parentId: region.frame, ...fixed };
    add(region.id, () => ({ id: region.id, type: 'region', position: { x: box.x, y: box.y }, ...size(box), handles: regionHandles(box), data: { region }, ...inFrame, zIndex: Z.region }));
    add(defaultPillId(region), () => ({
      id: defaultPillId(region),
      type: 'defaultDomain',
      position: { x: outer.x + outer.width - DEFAULT_PILL.width + DEFAULT_PILL.overhang, y: box.y + box.height + DEFAULT_PILL.gap },
      ...size(DEFAULT_PILL),
      handles: [topIn(DEFAULT_PILL)],
      data: { region },
      ...inFrame,
      zIndex: Z.box,
    }));
  }
  for (const item of model.items) {
    add(item.id, () => {
      const box = boxOf(item.id);
      const placed = { position: { x: box.x, y: box.y }, ...size(box), parentId: item.region ?? item.frame, ...fixed, zIndex: Z.box };
      if (item.type === 'device') return { id: item.id, type: 'device', ...placed, handles: [topIn(box), bottomOut(box)], data: { fn: functions.get(item.bdf)! } };
      return { id: item.id, type: 'collapsed', ...placed, handles: [topIn(box)], data: { set: item.set, functions: item.set.members.map((b) => functions.get(b)!) } };
    });
  }
  return nodes;
}

/**
 * Shared domains in a row below the tree. Slot i is fixed (the centre, then alternately right and
 * left), so a domain that appears never moves the ones already there.
 */
export function domainRowNodes(layout: Layout, views: readonly DomainView[]): DomainFlowNode[] {
  const centre = layout.bounds.x + layout.bounds.width / 2;
  const y = layout.bounds.y + layout.bounds.height + DOMAIN_ROW_GAP;
  const pitch = DOMAIN_SIZE.width + DOMAIN_GAP;
  return views.map((view, i) => {
    const offset = i === 0 ? 0 : (i % 2 === 1 ? 1 : -1) * Math.ceil(i / 2) * pitch;
    return {
      id: domainNodeId(view.id),
      type: 'domain',
      position: { x: centre + offset - DOMAIN_SIZE.width / 2, y },
      ...size(DOMAIN_SIZE),
      handles: [topIn(DOMAIN_SIZE)],
      data: { view },
      selectable: false,
      draggable: false,
      zIndex: Z.box,
    };
  });
}

const regionOf = (model: GraphModel) => new Map(model.items.map((item) => [item.id, item.region]));

/**
 * The bus hierarchy. Inside a region an edge joins the two functions; an edge into a region ends
 * at the region's top, since what hangs below a bridge is the group, and runs under other regions.
 */
export function treeEdges(model: GraphModel): Edge[] {
  const region = regionOf(model);
  const edges = new Map<string, Edge>();
  for (const e of model.edges) {
    const targetRegion = region.get(e.target) ?? null;
    const inside = targetRegion !== null && region.get(e.source) === targetRegion;
    const target = targetRegion === null || inside ? e.target : targetRegion;
    const id = `tree:${e.source}->${target}`;
    edges.set(id, {
      id,
      source: e.source,
      target,
      ...(target === targetRegion ? { targetHandle: 'in' } : {}),
      type: 'smoothstep',
      selectable: false,
      focusable: false,
      zIndex: inside ? Z.insideRegion : Z.betweenRegions,
      style: e.kind === 'sriov' ? { stroke: '#64748b', strokeWidth: 1.5, strokeDasharray: '5 4' } : { stroke: '#64748b', strokeWidth: 1.5 },
    });
  }
  return [...edges.values()];
}

/**
 * One edge per group to its domain now: its own default-domain node, or a shared domain. A stack
 * of groups gets one edge per domain its groups are in, with the count.
 */
export function routeEdges(model: GraphModel, machine: MachineState): RouteEdge[] {
  const edges: RouteEdge[] = [];
  for (const region of model.regions) {
    const targets = new Map<string, { kind: DomainKind; count: number }>();
    for (const g of region.groups) {
      const v = groupDomain(machine, g);
      const target = v.domainKind === 'default' ? defaultPillId(region) : domainNodeId(v.domainId);
      const t = targets.get(target);
      targets.set(target, { kind: v.domainKind, count: (t?.count ?? 0) + 1 });
    }
    for (const [target, { kind, count }] of targets) {
      // A group keeps one edge id whatever its domain, so the edge moves rather than being replaced.
      const id = region.kind === 'group' ? `route:${region.id}` : `route:${region.id}:${target}`;
      const sourceHandle = kind === 'default' ? 'default' : 'away';
      edges.push({ id, source: region.id, sourceHandle, target, type: 'route', data: { kind, count }, selectable: false, focusable: false, zIndex: Z.route });
    }
  }
  return edges;
}
