// What a big drawing hands React Flow first: the boxes on the first screen. React Flow processes
// every node it is given when it mounts (internal nodes, handle bounds, edge lookups), drawn or
// not; on a machine of 2,000 functions that is most of the wait before the page answers the mouse.
// So the first screen goes first, and the rest follows in stages after it is on screen (useStages).
import type { Edge, Node } from '@xyflow/react';
import { defaultPillId } from './flowElements.ts';
import type { GraphModel } from './graphModel.ts';
import type { Box, Layout } from './treeLayout.ts';

/** The part of the drawing a pane shows at a viewport, in the drawing's coordinates, widened by `margin` panes on each side. */
export function areaInView(viewport: { x: number; y: number; zoom: number }, pane: { width: number; height: number }, margin: number): Box {
  const width = pane.width / viewport.zoom;
  const height = pane.height / viewport.zoom;
  return { x: -viewport.x / viewport.zoom - margin * width, y: -viewport.y / viewport.zoom - margin * height, width: width * (1 + 2 * margin), height: height * (1 + 2 * margin) };
}

const meets = (a: Box, b: Box) => b.x < a.x + a.width && b.x + b.width > a.x && b.y < a.y + a.height && b.y + b.height > a.y;

/**
 * The frames, regions and items whose boxes meet `area`, with what they need to be drawn whole:
 * the item at the far end of each tree edge they have (a line leaving the screen still goes
 * somewhere) and every such box's region and frame, since React Flow places a child in its
 * parent. A region's default-domain node, just below it, comes with it.
 */
export function boxesMeeting(model: GraphModel, layout: Layout, area: Box): Set<string> {
  const origin = new Map<string, { x: number; y: number }>();
  const shown = new Set<string>();
  const place = (id: string, parent: string | null) => {
    const box = layout.boxes.get(id);
    if (!box) return;
    const at = parent === null ? undefined : origin.get(parent);
    const abs = { x: box.x + (at?.x ?? 0), y: box.y + (at?.y ?? 0), width: box.width, height: box.height };
    origin.set(id, abs);
    if (meets(area, abs)) shown.add(id);
  };
  for (const f of model.frames) place(f.id, null);
  for (const r of model.regions) place(r.id, r.frame);
  const parentsOf = new Map<string, string[]>();
  for (const item of model.items) {
    place(item.id, item.region ?? item.frame);
    parentsOf.set(item.id, item.region === null ? [item.frame] : [item.region, item.frame]);
  }
  const wanted: string[] = [];
  for (const e of model.edges) {
    if (shown.has(e.source) !== shown.has(e.target)) wanted.push(shown.has(e.source) ? e.target : e.source);
  }
  for (const id of [...shown, ...wanted]) {
    shown.add(id);
    for (const parent of parentsOf.get(id) ?? []) shown.add(parent);
  }
  for (const r of model.regions) {
    if (!shown.has(r.id)) continue;
    shown.add(r.frame);
    shown.add(defaultPillId(r));
  }
  return shown;
}

/**
 * The nodes React Flow has at a stage: the first screen and the first `limit` of the layout's
 * nodes in `order` (layoutNodeIds: parents come before their children, so a stage holds each
 * node's parents).
 */
export function stageIds(order: readonly string[], first: ReadonlySet<string>, limit: number): Set<string> {
  const ids = new Set(first);
  for (const id of order.slice(0, limit)) ids.add(id);
  return ids;
}

/** The edges whose two ends are among `nodes`: React Flow gets no edge to a node it has not. */
export function edgesAmong<E extends Edge>(nodes: readonly Node[], edges: readonly E[]): E[] {
  const ids = new Set(nodes.map((n) => n.id));
  return edges.filter((e) => ids.has(e.source) && ids.has(e.target));
}
