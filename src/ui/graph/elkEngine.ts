// ELK runs in a Web Worker so a big machine's layout never blocks the page.
import ELK from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import { fromElkGraph, toElkGraph, type Layout } from './elkGraph.ts';
import type { GraphModel } from './graphModel.ts';

let elk: InstanceType<typeof ELK> | null = null;

/**
 * Boots the layout worker. Loading and compiling ELK (1.6 MB) is the biggest single cost at
 * start-up, so the page calls this first and the worker loads while React renders.
 */
export function startLayoutEngine(): InstanceType<typeof ELK> {
  elk ??= new ELK({ workerUrl: elkWorkerUrl });
  return elk;
}

/** Performance entry of each layout, for the scale e2e and the browser's profiler. */
const LAYOUT_MEASURE = 'explorer:layout';

export async function layoutGraph(model: GraphModel): Promise<Layout> {
  const start = performance.now();
  const layout = fromElkGraph(await startLayoutEngine().layout(toElkGraph(model)), model);
  performance.measure(LAYOUT_MEASURE, { start, detail: { nodes: model.items.length } });
  return layout;
}
