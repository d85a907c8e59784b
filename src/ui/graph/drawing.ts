// The drawing of a machine: its structure (graphModel.ts) and boxes (treeLayout.ts), plain data
// with no React, so that the page's start can make it before the React part has loaded.
import type { Grouping } from '../../model/grouping/types.ts';
import type { Bdf, PciFunction } from '../../model/topology/types.ts';
import type { Scenario } from '../../store/scenario.ts';
import { buildGraphModel, type GraphModel } from './graphModel.ts';
import { layoutGraphModel, type Layout } from './treeLayout.ts';

/** Performance entry of each layout, for the scale e2e and the browser's profiler. */
const LAYOUT_MEASURE = 'explorer:layout';

export interface Drawing {
  scenario: Scenario;
  model: GraphModel;
  layout: Layout;
  functions: ReadonlyMap<Bdf, PciFunction>;
}

/**
 * The drawing's structure and boxes. Some tens of milliseconds for thousands of functions, so it
 * runs on the main thread with no worker; timed for the scale e2e and the browser's profiler.
 */
function makeDrawing(scenario: Scenario, grouping: Grouping, expanded: ReadonlySet<string>): Drawing {
  const start = performance.now();
  const model = buildGraphModel(scenario.topology, grouping, expanded);
  const layout = layoutGraphModel(model);
  performance.measure(LAYOUT_MEASURE, { start, detail: { nodes: model.items.length } });
  return { scenario, model, layout, functions: new Map(scenario.topology.functions.map((f) => [f.bdf, f])) };
}

interface Made {
  scenario: Scenario;
  expanded: ReadonlySet<string>;
  drawing: Drawing;
}

/**
 * The last drawing made for each grouping object. A grouping given with a scenario (a kernel's
 * listing) comes back as the same object on every load, so the scenario and the opened sets are
 * compared too.
 */
const made = new WeakMap<Grouping, Made>();

/**
 * The drawing of this scenario, grouping and set of expanded sibling sets: made once and kept
 * while the three are the same objects. The page's start makes it while the browser still
 * compiles the React part, and the graph's first render finds it made.
 */
export function drawingOf(scenario: Scenario, grouping: Grouping, expanded: ReadonlySet<string>): Drawing {
  const last = made.get(grouping);
  if (last && last.scenario === scenario && last.expanded === expanded) return last.drawing;
  const drawing = makeDrawing(scenario, grouping, expanded);
  made.set(grouping, { scenario, expanded, drawing });
  return drawing;
}
