// The model checker's figures, measured in Node on the seed's scenario (issue 7): distinct states
// found per second, commands tried per second (TLC's "states generated"), and the time to check
// the scenario under all three policies, as `cli check` does. Medians of a few runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readScenario } from '../src/io/scenario.ts';
import { checkSteps } from '../src/model/check/check.ts';
import { runToEnd } from '../src/model/check/run.ts';
import { POLICY_NAMES } from '../src/model/kernel/types.ts';
import { median, round } from './measure.ts';

/** `repo` is the repository's root: this code runs bundled, from a temporary directory. */
export function checkerFigures(repo: string, runs = 3) {
  const seed = join(repo, 'src/model/check/scenarios/seed-gpu-audio-bridge.scenario.json');
  const read = readScenario(readFileSync(seed, 'utf8'), { source: seed, readFile: (p) => readFileSync(p, 'utf8') });
  if (!read.ok) throw new Error(read.error.message);
  const { topology, grouping, check: settings } = read.scenario;
  const checkAll = () => {
    let states = 0;
    let transitions = 0;
    let seconds = 0;
    for (const policy of POLICY_NAMES) {
      const r = runToEnd(checkSteps({ topology, grouping, policy, settings }));
      if (!r.complete) throw new Error(`the seed's check under ${policy} did not complete`);
      states += r.states;
      transitions += r.transitions;
      seconds += r.seconds;
    }
    return { states: states / seconds, transitions: transitions / seconds, seconds };
  };
  // The first check of a fresh process, then `runs` more once the optimising compiler has the code.
  const cold = checkAll();
  const perRun = Array.from({ length: runs }, checkAll);
  return {
    checkerStatesPerSec: Math.round(median(perRun.map((r) => r.states))),
    checkerTransitionsPerSec: Math.round(median(perRun.map((r) => r.transitions))),
    checkerSeedSeconds: round(median(perRun.map((r) => r.seconds)), 2),
    checkerSeedSecondsCold: round(cold.seconds, 2),
  };
}
