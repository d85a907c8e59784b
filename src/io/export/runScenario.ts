// The scenario every export reads, and its command log run on a fresh machine with every step's
// state kept: the trace needs the state before each step (the driver a device is unbound from),
// the picture the state at the end.
import { apply, type ApplyResult } from '../../model/kernel/apply.ts';
import { parseCommand, type Command } from '../../model/kernel/commands.ts';
import { createMachine } from '../../model/kernel/machine.ts';
import { replay, type ReplayReport } from '../../model/kernel/replay.ts';
import type { MachineState } from '../../model/kernel/types.ts';
import type { Scenario } from '../scenario.ts';

/**
 * A scenario as `readScenario` returns it, without the import warnings. The app builds one from
 * its store: its topology, the groups it shows, the settings and the log of commands it ran.
 */
export type ExportScenario = Pick<Scenario, 'name' | 'topology' | 'grouping' | 'groupsFrom' | 'settings' | 'commands'>;

export interface RunStep {
  /** The command with canonical addresses, as the model read it. */
  command: Command;
  before: MachineState;
  result: ApplyResult;
}

export type ScenarioRun =
  | { ok: true; steps: RunStep[]; final: MachineState; report: ReplayReport }
  /** A command that is not well formed: the log is wrong, not the kernel (named by its 1-based step). */
  | { ok: false; step: number; op: string; message: string };

export function runScenario(scenario: ExportScenario): ScenarioRun {
  const { topology, grouping, commands, settings } = scenario;
  // replay() is the one judge of the invariants; the loop below only keeps what it does not return.
  const replayed = replay(topology, grouping, commands, settings.policy);
  if (!replayed.ok) return replayed;
  let state = createMachine(topology, grouping, { policy: settings.policy });
  const steps: RunStep[] = [];
  for (const [i, raw] of commands.entries()) {
    // replay() accepted every command, so each one parses; a refused one is canonical here too.
    const parsed = parseCommand(state.static, raw);
    if (!parsed.ok) return { ok: false, step: i + 1, op: String((raw as { op?: unknown }).op), message: parsed.message };
    const result = apply(state, raw);
    steps.push({ command: parsed.command, before: state, result });
    state = result.state;
  }
  return { ok: true, steps, final: state, report: replayed.report };
}
