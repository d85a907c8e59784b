// What the graph's first render and its stages need that the page's start can make while the
// browser still compiles the React part: the drawing and every React Flow node object of it
// (kept with the drawing, flowElements.ts nodesMadeFor), so those renders only pick nodes.
import type { Grouping } from '../../model/grouping/types.ts';
import type { Scenario } from '../../store/scenario.ts';
import { drawingOf } from './drawing.ts';
import { layoutNodes, nodesMadeFor } from './flowElements.ts';

export function prepareGraph(scenario: Scenario, grouping: Grouping, expanded: ReadonlySet<string>): void {
  const drawing = drawingOf(scenario, grouping, expanded);
  layoutNodes(drawing.model, drawing.layout, drawing.functions, undefined, nodesMadeFor(drawing));
}
