// A big layout reaches React Flow in stages: its first screen (firstScreen.ts), then the rest in
// batches, each after the previous one is on screen, so the page answers the mouse in between.
import type { Edge, Node } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';

/** Nodes added per stage after the first screen: about 30 ms of React Flow's work each on a slow laptop. */
const BATCH = 400;
/** Marks when the whole layout is in React Flow (the first screen is marked by GraphView). */
const GRAPH_COMPLETE_MARK = 'explorer:graph-complete';

/**
 * What React Flow gets at a stage: the first screen and the layout's first `limit` nodes, with the
 * nodes after the layout's (the domain row), and the edges between two of them. Order is kept, so
 * parents still come before their children.
 */
export function stagedElements<N extends Node, E extends Edge>(nodes: N[], edges: E[], fixedCount: number, first: ReadonlySet<string>, limit: number): { nodes: N[]; edges: E[] } {
  const shown = nodes.filter((n, i) => i < limit || i >= fixedCount || first.has(n.id));
  const ids = new Set(shown.map((n) => n.id));
  return { nodes: shown, edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

/**
 * `nodes` start with the layout's `fixedCount` nodes (parents first); what follows them (the domain
 * row) is always shown. `first` is the first screen, or null to show everything at once.
 */
export function useStagedElements<N extends Node, E extends Edge>(nodes: N[], edges: E[], fixedCount: number, first: ReadonlySet<string> | null): { nodes: N[]; edges: E[] } {
  const [stage, setStage] = useState({ first, limit: 0 });
  // A new first screen (a new layout) starts again from it.
  const limit = stage.first === first ? stage.limit : 0;
  const complete = first === null || limit >= fixedCount;

  const staged = useMemo(() => (complete ? { nodes, edges } : stagedElements(nodes, edges, fixedCount, first, limit)), [complete, nodes, edges, limit, fixedCount, first]);

  useEffect(() => {
    if (complete) {
      if (first !== null) performance.mark(GRAPH_COMPLETE_MARK, { detail: { nodes: fixedCount } });
      return;
    }
    // After the next frame is painted, in a task of its own: input waiting since then goes first.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setStage({ first, limit: limit + BATCH }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [complete, first, limit, fixedCount]);

  return staged;
}
