import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { computeGroups } from '../../model/grouping/computeGroups.ts';
import { BUILT_IN_SCENARIOS } from '../../scenarios/index.ts';
import { fromElkGraph, toElkGraph, type Box } from './elkGraph.ts';
import { buildGraphModel } from './graphModel.ts';

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the ELK layout of the built-in scenarios', () => {
  for (const scenario of BUILT_IN_SCENARIOS) {
    it(`${scenario.id}: boxes in one frame do not overlap and parents sit above their children`, async () => {
      const model = buildGraphModel(scenario.topology, computeGroups(scenario.topology, scenario.groupingSettings), new Set());
      const layout = fromElkGraph(await new ELK().layout(toElkGraph(model)), model);
      const parentOf = new Map<string, string | null>([
        ...model.frames.map((f): [string, null] => [f.id, null]),
        ...model.regions.map((r): [string, string] => [r.id, r.frame]),
        ...model.items.map((i): [string, string] => [i.id, i.region ?? i.frame]),
      ]);
      const absolute = (id: string): Box => {
        const box = layout.boxes.get(id)!;
        const parent = parentOf.get(id);
        if (!parent) return box;
        const p = absolute(parent);
        return { ...box, x: box.x + p.x, y: box.y + p.y };
      };
      const topOfFrame = [...parentOf].filter(([, parent]) => parent !== null && parent.startsWith('bus:')).map(([id]) => id);
      for (let i = 0; i < topOfFrame.length; i++) {
        for (let j = i + 1; j < topOfFrame.length; j++) {
          expect(overlap(absolute(topOfFrame[i]!), absolute(topOfFrame[j]!)), `${topOfFrame[i]} / ${topOfFrame[j]}`).toBe(false);
        }
      }
      for (const e of model.edges) expect(absolute(e.source).y, e.id).toBeLessThan(absolute(e.target).y);
    });
  }
});
