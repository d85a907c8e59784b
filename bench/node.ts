// The model's figures, measured in Node: grouping, one command, replaying a long log, and the
// model checker on the seed's scenario.
import { computeGroups } from '../src/model/grouping/computeGroups.ts';
import { apply } from '../src/model/kernel/apply.ts';
import { createMachine } from '../src/model/kernel/machine.ts';
import { replay } from '../src/model/kernel/replay.ts';
import type { MachineState } from '../src/model/kernel/types.ts';
import { syntheticTopology } from '../src/model/topology/synthetic.ts';
import { checkerFigures } from './checker.ts';
import { median, medianMs, onceMs, round } from './measure.ts';
import { passthroughLog } from './workload.ts';

const SETTINGS = { acsOverride: [], strictSwitch: false };

export function nodeFigures(repo: string) {
  const big = syntheticTopology(4096, 1);
  // The first grouping of a fresh process, before the optimising compiler has seen the code; then
  // the figure the budget is for, a grouping once the code is compiled (every edit groups again).
  const groupingColdMs4096 = onceMs(() => computeGroups(big, SETTINGS));
  const groupingMs4096 = medianMs(() => computeGroups(big, SETTINGS), 21);
  const grouping = computeGroups(big, SETTINGS);

  // One command: every apply of a 1,500-command passthrough log on the 4,096-function machine.
  const log = passthroughLog(big, grouping, 1500);
  const perCommand: number[] = [];
  for (let round_ = 0; round_ < 3; round_++) {
    let s: MachineState = createMachine(big, grouping, { policy: 'upstream' });
    for (const c of log) {
      const t = performance.now();
      const r = apply(s, c);
      perCommand.push(performance.now() - t);
      if (!r.ok) throw new Error(`bench workload refused: ${r.error.message}`);
      s = r.state;
    }
  }
  const commandMs4096 = median(perCommand);

  const small = syntheticTopology(500, 2);
  const smallGrouping = computeGroups(small, SETTINGS);
  const log1000 = passthroughLog(small, smallGrouping, 1000);
  const replay1000Ms = medianMs(() => replay(small, smallGrouping, log1000, 'upstream'), 9);

  return {
    groupingMs4096: round(groupingMs4096),
    groupingColdMs4096: round(groupingColdMs4096),
    commandMs4096: round(commandMs4096, 4),
    replay1000Ms: round(replay1000Ms),
    ...checkerFigures(repo),
  };
}
