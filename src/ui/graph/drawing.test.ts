// The drawing is made once per scenario, grouping and opened sets, so that the page's start can
// make it before the React part loads and the graph's first render finds it.
import { describe, expect, it } from 'vitest';
import { computeGroups } from '../../model/grouping/computeGroups.ts';
import { synthetic300 } from '../../scenarios/index.ts';
import { drawingOf } from './drawing.ts';
import { buildGraphModel } from './graphModel.ts';
import { layoutGraphModel } from './treeLayout.ts';

const grouped = (scenario = synthetic300) => ({ scenario, grouping: computeGroups(scenario.topology, scenario.groupingSettings) });

describe('drawingOf', () => {
  it('is the graph model and layout of its scenario, grouping and opened sets', () => {
    const { scenario, grouping } = grouped();
    const set = buildGraphModel(scenario.topology, grouping, new Set()).items.find((i) => i.type === 'collapsed');
    if (set?.type !== 'collapsed') throw new Error('synthetic-300 has no identical siblings to open');
    const opened = new Set([set.set.key]);
    for (const expanded of [new Set<string>(), opened]) {
      const drawing = drawingOf(scenario, grouping, expanded);
      const model = buildGraphModel(scenario.topology, grouping, expanded);
      expect(drawing.model).toEqual(model);
      expect(drawing.layout).toEqual(layoutGraphModel(model));
      expect([...drawing.functions.keys()]).toEqual(scenario.topology.functions.map((f) => f.bdf));
      expect(drawing.scenario).toBe(scenario);
    }
  });

  it('is made once while the scenario, grouping and opened sets are the same objects', () => {
    const { scenario, grouping } = grouped();
    const expanded = new Set<string>();
    const first = drawingOf(scenario, grouping, expanded);
    const measured = performance.getEntriesByName('explorer:layout').length;
    expect(drawingOf(scenario, grouping, expanded)).toBe(first);
    expect(performance.getEntriesByName('explorer:layout')).toHaveLength(measured);
  });

  it('is made again when any of the three is a new object', () => {
    const { scenario, grouping } = grouped();
    const expanded = new Set<string>();
    // Each change is made right after the drawing it must not return was made.
    const made = () => drawingOf(scenario, grouping, expanded);
    let last = made();
    expect(drawingOf(scenario, grouping, new Set())).not.toBe(last);
    last = made();
    // A kernel's listing comes back as the same grouping object with every load of its scenario.
    const reloaded = { ...scenario };
    expect(drawingOf(reloaded, grouping, expanded)).not.toBe(last);
    expect(drawingOf(reloaded, grouping, expanded).scenario).toBe(reloaded);
    last = made();
    expect(drawingOf(scenario, computeGroups(scenario.topology, scenario.groupingSettings), expanded)).not.toBe(last);
  });
});
