// The command log and its replay. The input is a list of user actions (a drag, one console command),
// each a list of commands; the output is one entry per command that ran, with the model's answer,
// and the machine state after each entry. States are kept per entry so that appending an action or
// undoing one costs only that action, never a replay from the start.
import { apply, type ApplyError } from '../model/kernel/apply.ts';
import type { Command } from '../model/kernel/commands.ts';
import type { MachineEvent } from '../model/kernel/events.ts';
import type { CommandResult } from '../model/kernel/outcome.ts';
import type { MachineState } from '../model/kernel/types.ts';

/** One thing the user did; undo removes a whole action. */
export interface UserAction {
  id: number;
  /** For people: "drag 01:00.1 to snd_hda_intel", "console". */
  label: string;
  /**
   * Every command the action plans, in order. They run until the first refusal, as a passthrough
   * script would stop; under another policy the same list may run further or stop earlier.
   */
  commands: readonly Command[];
  /**
   * Commands that can no longer run, by index, with why (a what-if edit removed their device). They
   * are answered with that sentence and stop the action, like a refusal: reported, never dropped.
   */
  unrunnable?: ReadonlyMap<number, string>;
}

export type EntryOutcome =
  | { ok: true; events: MachineEvent[]; result?: CommandResult }
  | { ok: false; error: ApplyError };

export interface LogEntry {
  /** Position in the log, from 1. */
  seq: number;
  actionId: number;
  command: Command;
  outcome: EntryOutcome;
}

export interface Replay {
  initial: MachineState;
  entries: readonly LogEntry[];
  /** states[i] is the machine after entries[i]. */
  states: readonly MachineState[];
}

export function emptyReplay(initial: MachineState): Replay {
  return { initial, entries: [], states: [] };
}

export function currentMachine(r: Replay): MachineState {
  return r.states.length > 0 ? r.states[r.states.length - 1]! : r.initial;
}

/** Runs one action on top of a replay; returns the longer replay and the entries it added. */
export function runAction(r: Replay, action: UserAction): { replay: Replay; added: LogEntry[] } {
  const entries = [...r.entries];
  const states = [...r.states];
  const added: LogEntry[] = [];
  let machine = currentMachine(r);
  for (const [index, command] of action.commands.entries()) {
    const why = action.unrunnable?.get(index);
    if (why !== undefined) {
      const error: ApplyError = { errno: null, message: why, rule: 'issue 8: the log is replayed on the edited machine', reason: 'invalid-command', argument: 'bdf' };
      const entry: LogEntry = { seq: entries.length + 1, actionId: action.id, command, outcome: { ok: false, error } };
      entries.push(entry);
      states.push(machine);
      added.push(entry);
      break;
    }
    const result = apply(machine, command);
    const outcome: EntryOutcome = result.ok
      ? result.result
        ? { ok: true, events: result.events, result: result.result }
        : { ok: true, events: result.events }
      : { ok: false, error: result.error };
    const entry: LogEntry = { seq: entries.length + 1, actionId: action.id, command, outcome };
    machine = result.state;
    entries.push(entry);
    states.push(machine);
    added.push(entry);
    if (!result.ok) break;
  }
  return { replay: { initial: r.initial, entries, states }, added };
}

/** Replays every action from a fresh machine (a new policy, a loaded scenario). */
export function replayAll(initial: MachineState, actions: readonly UserAction[]): Replay {
  let r = emptyReplay(initial);
  for (const action of actions) r = runAction(r, action).replay;
  return r;
}

/** The replay without its entries of one action at the end of the log. */
export function dropTrailingAction(r: Replay, actionId: number): Replay {
  let keep = r.entries.length;
  while (keep > 0 && r.entries[keep - 1]!.actionId === actionId) keep -= 1;
  return { initial: r.initial, entries: r.entries.slice(0, keep), states: r.states.slice(0, keep) };
}
