// A big layout reaches React Flow in stages: its first screen (firstScreen.ts), then the rest in
// batches, each after the previous one is on screen, so the page answers the mouse in between.
import { useEffect, useState } from 'react';

/**
 * Nodes added per stage after the first screen: 10-50 ms of work each on the 2-core bench machine
 * (React Flow takes in every node and edge it has again at each stage), so a pointer moved while
 * the rest arrives waits at most that long. 400 made stages of 60-75 ms, and the page answered the
 * first pointer about 80 ms later; the whole layout now arrives about 0.8 s after the first view.
 */
const BATCH = 100;
/** Marks when the whole layout is in React Flow (the first screen is marked by GraphView). */
const GRAPH_COMPLETE_MARK = 'explorer:graph-complete';

export interface Stage {
  /** How many of the layout's nodes (parents first) React Flow has beyond the first screen. */
  limit: number;
  complete: boolean;
}

/** The stage of a layout of `count` nodes whose first screen is `first` (null: all at once). */
export function useStages(first: ReadonlySet<string> | null, count: number): Stage {
  const [stage, setStage] = useState({ first, limit: 0 });
  // A new first screen (a new layout) starts again from it.
  const limit = stage.first === first ? stage.limit : 0;
  const complete = first === null || limit >= count;

  useEffect(() => {
    if (complete) {
      if (first !== null) performance.mark(GRAPH_COMPLETE_MARK, { detail: { nodes: count } });
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
  }, [complete, first, limit, count]);

  return { limit, complete };
}
