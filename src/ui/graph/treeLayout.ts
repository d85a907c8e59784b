// The drawing's boxes, computed at once on the main thread: the graph is a tree (every function
// hangs below one bridge or PF) drawn as nested boxes, so each box's content is a forest laid out
// top-down by d3-hierarchy's tidy tree (Reingold-Tilford, in Buchheim et al.'s linear time), with
// the trees of a big box in rows. Three levels: frames (one per root bus) in rows; in a frame, the
// trees of group regions and loose devices; in a region, the tree of its members. This replaced a
// general graph layout engine (ELK, in a worker) whose start-up and layout took seconds on a big
// machine before anything was drawn.
import { hierarchy, tree } from 'd3-hierarchy';
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

/** Rows of trees grow to about this width for their height: wide rather than tall, like the screen. */
const ASPECT_RATIO = 2.4;

/** Gaps, in pixels: between siblings, between a parent and its children, between packed trees. */
interface Spacing {
  sibling: number;
  layer: number;
  tree: number;
}

const ROOT_SPACING: Spacing = { sibling: 60, layer: 60, tree: 60 };
const FRAME_SPACING: Spacing = { sibling: 28, layer: 44, tree: 36 };
const REGION_SPACING: Spacing = { sibling: 18, layer: 40, tree: 18 };

/** Below a region's members: the padding, then the strip where its default-domain node goes. */
const REGION_BOTTOM = REGION_PADDING.bottom + DEFAULT_PILL.gap + DEFAULT_PILL.height;

/** One box to place among its siblings in a container. */
interface Piece {
  id: string;
  width: number;
  height: number;
  /** Siblings stand in this order, left to right: the lowest address inside, as lspci lists them. */
  order: string;
}

interface Edge {
  source: string;
  target: string;
}

/** A placed tree or row of trees: its size and each box's offset inside it. */
interface Block {
  width: number;
  height: number;
  at: Map<string, { x: number; y: number }>;
}

export function layoutGraphModel(model: GraphModel): Layout {
  const boxes = new Map<string, Box>();
  const regionOf = new Map<string, string | null>();
  const frameOf = new Map<string, string>();
  const itemsIn = new Map<string, Piece[]>();
  const looseIn = new Map<string, Piece[]>();
  for (const item of model.items) {
    regionOf.set(item.id, item.region);
    frameOf.set(item.id, item.frame);
    const piece = { id: item.id, width: DEVICE_SIZE.width, height: DEVICE_SIZE.height, order: item.type === 'device' ? item.bdf : item.set.key };
    push(item.region === null ? looseIn : itemsIn, item.region ?? item.frame, piece);
  }

  // An edge inside one region places its members; any other edge places the two boxes it joins in
  // their frame (an edge into a group is drawn to the group).
  const innerEdges = new Map<string, Edge[]>();
  const frameEdges = new Map<string, Edge[]>();
  for (const e of model.edges) {
    const from = regionOf.get(e.source) ?? null;
    const to = regionOf.get(e.target) ?? null;
    if (from !== null && from === to) push(innerEdges, from, e);
    else push(frameEdges, frameOf.get(e.target)!, { source: from ?? e.source, target: to ?? e.target });
  }

  const piecesIn = new Map<string, Piece[]>();
  for (const region of model.regions) {
    const members = itemsIn.get(region.id) ?? [];
    const inner = placeForest(members, innerEdges.get(region.id) ?? [], REGION_SPACING, 'one-row');
    for (const m of members) boxes.set(m.id, boxAt(inner, m, REGION_PADDING.side, REGION_PADDING.top));
    const order = members.reduce((low, m) => (m.order < low ? m.order : low), members[0]?.order ?? region.id);
    push(piecesIn, region.frame, {
      id: region.id,
      width: inner.width + 2 * REGION_PADDING.side,
      height: REGION_PADDING.top + inner.height + REGION_BOTTOM,
      order,
    });
  }

  const frames: Piece[] = [];
  for (const frame of model.frames) {
    const pieces = [...(piecesIn.get(frame.id) ?? []), ...(looseIn.get(frame.id) ?? [])];
    const inner = placeForest(pieces, frameEdges.get(frame.id) ?? [], FRAME_SPACING, 'rows');
    for (const p of pieces) boxes.set(p.id, boxAt(inner, p, FRAME_PADDING.side, FRAME_PADDING.top));
    frames.push({
      id: frame.id,
      width: inner.width + 2 * FRAME_PADDING.side,
      height: FRAME_PADDING.top + inner.height + FRAME_PADDING.side,
      order: frame.bus,
    });
  }

  const all = placeForest(frames, [], ROOT_SPACING, 'rows');
  for (const f of frames) boxes.set(f.id, boxAt(all, f, 0, 0));
  return { boxes, bounds: { x: 0, y: 0, width: all.width, height: all.height } };
}

/** A piece's box from its place in a block, moved by the container's padding. */
function boxAt(block: Block, piece: Piece, dx: number, dy: number): Box {
  const p = block.at.get(piece.id)!;
  return { x: p.x + dx, y: p.y + dy, width: piece.width, height: piece.height };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Places pieces as trees along the edges among them: each piece below the source of its first
 * incoming edge (the rest are only drawn), children in `order`. The trees then stand in one row,
 * or, with 'rows', in rows about ASPECT_RATIO times as wide as they are tall.
 */
function placeForest(pieces: readonly Piece[], edges: readonly Edge[], spacing: Spacing, arrange: 'one-row' | 'rows'): Block {
  const byId = new Map(pieces.map((p) => [p.id, p]));
  const parentOf = new Map<string, string>();
  for (const e of edges) {
    if (e.source !== e.target && byId.has(e.source) && byId.has(e.target) && !parentOf.has(e.target)) parentOf.set(e.target, e.source);
  }
  breakCycles(pieces, parentOf);
  const childrenOf = new Map<string, Piece[]>();
  const roots: Piece[] = [];
  for (const p of pieces) {
    const parent = parentOf.get(p.id);
    if (parent === undefined) roots.push(p);
    else push(childrenOf, parent, p);
  }
  const byOrder = (a: Piece, b: Piece) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0);
  for (const list of childrenOf.values()) list.sort(byOrder);
  roots.sort(byOrder);

  if (arrange === 'one-row') return placeTree(roots, childrenOf, spacing);
  return packRows(roots.map((r) => placeTree([r], childrenOf, spacing)), spacing.tree);
}

/** A cycle of "first incoming edge" links (possible when groups interleave) is cut at its first piece. */
function breakCycles(pieces: readonly Piece[], parentOf: Map<string, string>) {
  const state = new Map<string, 'visiting' | 'done'>();
  for (const p of pieces) {
    const path: string[] = [];
    let id: string | undefined = p.id;
    while (id !== undefined && state.get(id) === undefined) {
      state.set(id, 'visiting');
      path.push(id);
      id = parentOf.get(id);
    }
    if (id !== undefined && state.get(id) === 'visiting') parentOf.delete(id);
    for (const seen of path) state.set(seen, 'done');
  }
}

/** Stands in for the common parent of several roots, so they form one tree; it is not drawn. */
const FOREST_ROOT: Piece = { id: '', width: 0, height: 0, order: '' };

/**
 * A tidy tree of the roots and what hangs below them: d3's tree() gives each box a centre x (in
 * pixels, since nodeSize is 1 and the separation of two neighbours is half their widths plus the
 * gap), each parent centred over its first and last child; each depth is a layer as tall as its
 * tallest box, so boxes of different depths never meet.
 */
function placeTree(roots: readonly Piece[], childrenOf: ReadonlyMap<string, Piece[]>, spacing: Spacing): Block {
  if (roots.length === 0) return { width: 0, height: 0, at: new Map() };
  // A lone box (most groups on a big machine, most trees in a frame) is its own block: the same
  // answer as the tidy tree's, without building a hierarchy for it hundreds of times.
  const lone = roots.length === 1 && !childrenOf.has(roots[0]!.id) ? roots[0]! : null;
  if (lone) return { width: Math.ceil(lone.width), height: lone.height, at: new Map([[lone.id, { x: 0, y: 0 }]]) };
  const forest = roots.length > 1;
  const root = hierarchy<Piece>(forest ? FOREST_ROOT : roots[0]!, (p) => (p === FOREST_ROOT ? roots : childrenOf.get(p.id)));
  const placed = tree<Piece>()
    .nodeSize([1, 1])
    .separation((a, b) => (a.data.width + b.data.width) / 2 + spacing.sibling)(root);
  const nodes = forest ? placed.descendants().slice(1) : placed.descendants();
  const layerOf = (depth: number) => (forest ? depth - 1 : depth);

  const layerHeight: number[] = [];
  let left = Infinity;
  let right = -Infinity;
  for (const n of nodes) {
    const layer = layerOf(n.depth);
    layerHeight[layer] = Math.max(layerHeight[layer] ?? 0, n.data.height);
    left = Math.min(left, n.x - n.data.width / 2);
    right = Math.max(right, n.x + n.data.width / 2);
  }
  const layerTop = [0];
  for (const h of layerHeight) layerTop.push(layerTop[layerTop.length - 1]! + h + spacing.layer);

  const at = new Map<string, { x: number; y: number }>();
  for (const n of nodes) at.set(n.data.id, { x: Math.round(n.x - n.data.width / 2 - left), y: layerTop[layerOf(n.depth)]! });
  return { width: Math.ceil(right - left), height: layerTop[layerHeight.length]! - spacing.layer, at };
}

/**
 * Blocks in rows, in order (a flow-wrap), broken at the width where the whole comes closest to
 * ASPECT_RATIO: a couple of dozen tries from the widest block's width up to one row. The tries
 * only measure; the best one is then laid out.
 */
function packRows(blocks: readonly Block[], gap: number): Block {
  const widest = blocks.reduce((w, b) => Math.max(w, b.width), 0);
  const oneRow = blocks.reduce((w, b) => w + b.width + gap, -gap);
  const misfit = (r: Extent) => Math.abs(Math.log(r.width / Math.max(r.height, 1) / ASPECT_RATIO));
  const TRIES = 24;
  let bestLimit = oneRow;
  let best = flowWrap(blocks, gap, oneRow);
  for (let i = 0; i < TRIES; i++) {
    const limit = widest + ((oneRow - widest) * i) / TRIES;
    const candidate = flowWrap(blocks, gap, limit);
    if (misfit(candidate) < misfit(best)) {
      best = candidate;
      bestLimit = limit;
    }
  }
  const corners: Corner[] = [];
  flowWrap(blocks, gap, bestLimit, corners);
  const at = new Map<string, { x: number; y: number }>();
  blocks.forEach((b, i) => {
    const corner = corners[i]!;
    for (const [id, p] of b.at) at.set(id, { x: corner.x + p.x, y: corner.y + p.y });
  });
  return { width: best.width, height: best.height, at };
}

interface Extent {
  width: number;
  height: number;
}

/** A block's top-left corner. */
interface Corner {
  x: number;
  y: number;
}

/**
 * Blocks left to right, tops aligned, starting a new row where the next one would pass `limit`:
 * the extent of the whole, and each block's corner (in the order of the blocks) when asked for.
 */
function flowWrap(blocks: readonly Block[], gap: number, limit: number, corners?: Corner[]): Extent {
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const b of blocks) {
    if (x > 0 && x + b.width > limit) {
      y += rowHeight + gap;
      x = 0;
      rowHeight = 0;
    }
    corners?.push({ x, y });
    width = Math.max(width, x + b.width);
    rowHeight = Math.max(rowHeight, b.height);
    x += b.width + gap;
  }
  return { width, height: blocks.length === 0 ? 0 : y + rowHeight };
}
