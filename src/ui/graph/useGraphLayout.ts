// Runs ELK off the render path whenever the graph's structure changes (a scenario, an opened set),
// and keeps the previous drawing until the new one is ready. Commands never get here.
import { useEffect, useState } from 'react';
import type { Layout } from './elkGraph.ts';
import { layoutGraph } from './elkEngine.ts';
import type { GraphModel } from './graphModel.ts';

export interface LaidOut<I extends { model: GraphModel }> {
  input: I;
  layout: Layout;
}

export function useGraphLayout<I extends { model: GraphModel }>(input: I): LaidOut<I> | null {
  const [laidOut, setLaidOut] = useState<LaidOut<I> | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  useEffect(() => {
    let current = true;
    layoutGraph(input.model).then(
      (layout) => current && setLaidOut({ input, layout }),
      (e: unknown) => current && setFailure(e instanceof Error ? e : new Error(String(e))),
    );
    return () => {
      current = false;
    };
  }, [input]);
  if (failure) throw failure; // the graph's error boundary shows it; the rest of the page stays
  return laidOut;
}
