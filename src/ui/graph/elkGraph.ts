// The graph model as an ELK graph and ELK's answer as boxes. Layered, top-down, with compound
// nodes: a frame per root bus, group regions inside it, devices inside those. A group is a
// connected set of sibling subtrees, so a compound node keeps its members together without
// overlapping anything else. Each compound is laid out on its own and then as one box in its
// parent (ELK's default SEPARATE_CHILDREN): an edge into a group counts as an edge to the group,
// which is also how it is drawn, and this is several times faster than laying out the whole
// hierarchy at once. The subtrees below a root bus are not joined to the bus by edges, so ELK packs
// them in rows to the screen's proportions instead of one very wide row of root ports.
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { GraphModel } from './graphModel.ts';
import { DEFAULT_PILL, DEVICE_SIZE, FRAME_PADDING, REGION_PADDING } from './sizes.ts';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Layout {
  /** A frame's box is absolute; any other box is relative to the box it sits in. */
  boxes: Map<string, Box>;
  /** The extent of everything laid out, absolute. */
  bounds: Box;
}

/** Wide rather than tall, like the screen the graph is shown on. */
const ASPECT_RATIO = '2.4';

const LAYERED: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  // Keep siblings in address order, as lspci lists them.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.considerModelOrder.components': 'MODEL_ORDER',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
};

const ROOT_OPTIONS: Record<string, string> = { ...LAYERED, 'elk.aspectRatio': ASPECT_RATIO, 'elk.spacing.componentComponent': '60' };

const FRAME_OPTIONS: Record<string, string> = {
  ...LAYERED,
  'elk.aspectRatio': ASPECT_RATIO,
  'elk.padding': `[top=${FRAME_PADDING.top},left=${FRAME_PADDING.side},bottom=${FRAME_PADDING.side},right=${FRAME_PADDING.side}]`,
  'elk.layered.spacing.nodeNodeBetweenLayers': '44',
  'elk.spacing.nodeNode': '28',
  'elk.spacing.componentComponent': '36',
};

/** Below the members: the padding, then the strip where the default-domain node goes. */
const REGION_BOTTOM = REGION_PADDING.bottom + DEFAULT_PILL.gap + DEFAULT_PILL.height;

const REGION_OPTIONS: Record<string, string> = {
  ...LAYERED,
  // Members without an edge between them (a GPU and its audio function) are siblings: one row.
  'elk.separateConnectedComponents': 'false',
  'elk.padding': `[top=${REGION_PADDING.top},left=${REGION_PADDING.side},bottom=${REGION_BOTTOM},right=${REGION_PADDING.side}]`,
  'elk.spacing.nodeNode': '18',
  'elk.layered.spacing.nodeNodeBetweenLayers': '40',
};

/** Boxes of one layer hang from the layer's top, so a tall group does not push its neighbours down. */
const NODE_OPTIONS: Record<string, string> = { 'elk.alignment': 'TOP' };

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function toElkGraph(model: GraphModel): ElkNode {
  const members = new Map<string, ElkNode[]>();
  const loose = new Map<string, ElkNode[]>();
  const regionOf = new Map<string, string | null>();
  const frameOf = new Map<string, string>();
  for (const item of model.items) {
    regionOf.set(item.id, item.region);
    frameOf.set(item.id, item.frame);
    const box = { id: item.id, ...DEVICE_SIZE, layoutOptions: NODE_OPTIONS };
    if (item.region === null) push(loose, item.frame, box);
    else push(members, item.region, box);
  }
  // An edge inside one group stays in it; any other edge joins the two boxes it connects in a frame.
  const inner = new Map<string, ElkExtendedEdge[]>();
  const outer = new Map<string, Map<string, ElkExtendedEdge>>();
  for (const e of model.edges) {
    const from = regionOf.get(e.source) ?? null;
    const to = regionOf.get(e.target) ?? null;
    if (from !== null && from === to) {
      push(inner, from, { id: e.id, sources: [e.source], targets: [e.target] });
      continue;
    }
    const source = from ?? e.source;
    const target = to ?? e.target;
    const id = `${source}->${target}`;
    const frame = frameOf.get(e.target)!;
    const edges = outer.get(frame) ?? new Map<string, ElkExtendedEdge>();
    outer.set(frame, edges);
    if (!edges.has(id)) edges.set(id, { id, sources: [source], targets: [target] });
  }
  const regionsIn = new Map<string, ElkNode[]>();
  for (const r of model.regions) {
    const inside = members.get(r.id) ?? [];
    // A group of one box needs no layout of its own, and ELK's cost is mostly per graph laid out.
    const node: ElkNode =
      inside.length === 1
        ? { id: r.id, width: inside[0]!.width! + 2 * REGION_PADDING.side, height: inside[0]!.height! + REGION_PADDING.top + REGION_BOTTOM, layoutOptions: NODE_OPTIONS }
        : { id: r.id, layoutOptions: { ...REGION_OPTIONS, ...NODE_OPTIONS }, children: inside, edges: inner.get(r.id) ?? [] };
    push(regionsIn, r.frame, node);
  }
  return {
    id: 'root',
    layoutOptions: ROOT_OPTIONS,
    children: model.frames.map((f) => ({
      id: f.id,
      layoutOptions: FRAME_OPTIONS,
      // Regions in group order and loose devices after them: ELK's model order reads like lspci.
      children: [...(regionsIn.get(f.id) ?? []), ...(loose.get(f.id) ?? [])],
      edges: [...(outer.get(f.id)?.values() ?? [])],
    })),
    edges: [],
  };
}

const boxOf = (n: ElkNode): Box => ({ x: n.x ?? 0, y: n.y ?? 0, width: n.width ?? 0, height: n.height ?? 0 });

/** ELK's boxes, and the lone member of a one-box group placed inside its padding. */
export function fromElkGraph(root: ElkNode, model: GraphModel): Layout {
  const boxes = new Map<string, Box>();
  const visit = (n: ElkNode) => {
    for (const c of n.children ?? []) {
      boxes.set(c.id, boxOf(c));
      visit(c);
    }
  };
  visit(root);
  for (const item of model.items) {
    if (item.region !== null && !boxes.has(item.id)) boxes.set(item.id, { x: REGION_PADDING.side, y: REGION_PADDING.top, ...DEVICE_SIZE });
  }
  const frames = (root.children ?? []).map(boxOf);
  const minX = Math.min(...frames.map((b) => b.x));
  const minY = Math.min(...frames.map((b) => b.y));
  const maxX = Math.max(...frames.map((b) => b.x + b.width));
  const maxY = Math.max(...frames.map((b) => b.y + b.height));
  const bounds = frames.length > 0 ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY } : { x: 0, y: 0, width: 0, height: 0 };
  return { boxes, bounds };
}
