// What a big drawing hands React Flow first: the nodes on the first screen. React Flow processes
// every node it is given when it mounts (internal nodes, handle bounds, edge lookups), drawn or
// not; on a machine of 2,000 functions that is most of the wait before the page answers the mouse.
// So the first screen goes first, and the rest follows in batches after it is on screen (GraphView).
import type { Edge, Node } from '@xyflow/react';

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of the drawing a pane shows at a viewport, in the drawing's coordinates, widened by `margin` panes on each side. */
export function areaInView(viewport: { x: number; y: number; zoom: number }, pane: { width: number; height: number }, margin: number): Area {
  const width = pane.width / viewport.zoom;
  const height = pane.height / viewport.zoom;
  return { x: -viewport.x / viewport.zoom - margin * width, y: -viewport.y / viewport.zoom - margin * height, width: width * (1 + 2 * margin), height: height * (1 + 2 * margin) };
}

const meets = (a: Area, x: number, y: number, width: number, height: number) => x < a.x + a.width && x + width > a.x && y < a.y + a.height && y + height > a.y;

/**
 * The nodes whose boxes meet `area`, with what they need to be drawn whole: the node at the far end
 * of each of their edges (a line leaving the screen still goes somewhere) and every such node's
 * parents (React Flow places a child in its parent). `nodes` come parents first, as React Flow
 * wants them; positions are relative to the parent.
 */
export function nodesMeeting(nodes: readonly Node[], edges: readonly Edge[], area: Area): Set<string> {
  const origin = new Map<string, { x: number; y: number }>();
  const parentOf = new Map<string, string>();
  const shown = new Set<string>();
  for (const n of nodes) {
    const parent = n.parentId === undefined ? undefined : origin.get(n.parentId);
    if (n.parentId !== undefined) parentOf.set(n.id, n.parentId);
    const x = n.position.x + (parent?.x ?? 0);
    const y = n.position.y + (parent?.y ?? 0);
    origin.set(n.id, { x, y });
    if (meets(area, x, y, n.width ?? 0, n.height ?? 0)) shown.add(n.id);
  }
  const wanted = [...shown];
  for (const e of edges) {
    if (shown.has(e.source) !== shown.has(e.target)) wanted.push(shown.has(e.source) ? e.target : e.source);
  }
  for (const id of wanted) {
    for (let at: string | undefined = id; at !== undefined; at = parentOf.get(at)) shown.add(at);
  }
  return shown;
}
