// apply(state, command): the one entry point. Checks, in order: the command is well formed and
// names only objects an earlier command gave a name (else it is a mistake in the log, not a kernel
// answer); the machine has not panicked; the policy defines the command (else ENOTTY); the named
// fds are open. A refusal returns the state too: a refused creating command leaves its `as` name
// holding nothing (fd -1), so later commands on it get EBADF rather than being called malformed.
import { parseCommand, type Command } from './commands.ts';
import { collectEvents, type MachineEvent } from './events.ts';
import { legacyPolicy } from './legacy.ts';
import type { CommandResult } from './outcome.ts';
import type { Handler, Policy } from './policy.ts';
import { checkNames, declareFailed, describeNameProblem, resolveRefs } from './refs.ts';
import { rfcV2Policy } from './rfc-v2.ts';
import type { Errno, MachineState, PolicyName } from './types.ts';
import { upstreamPolicy } from './upstream.ts';

export const POLICIES: Readonly<Record<PolicyName, Policy>> = {
  legacy: legacyPolicy,
  'rfc-v2': rfcV2Policy,
  upstream: upstreamPolicy,
};

/** Why a command did not run: the kernel refused it, the log is wrong, or the machine is dead. */
export type RefusalReason = 'kernel' | 'invalid-command' | 'machine-panicked';

export interface ApplyError {
  /** The kernel's errno; null when the command never reached the kernel. */
  errno: Errno | null;
  message: string;
  rule: string;
  reason: RefusalReason;
  /** For an invalid command: the argument at fault. */
  argument?: string;
}

export type ApplyResult =
  | { ok: true; state: MachineState; events: MachineEvent[]; result?: CommandResult; command: Command }
  | { ok: false; error: ApplyError; state: MachineState };

function invalid(s: MachineState, argument: string, message: string): ApplyResult & { ok: false } {
  return { ok: false, error: { errno: null, message, rule: 'scenario-format "Commands"', reason: 'invalid-command', argument }, state: s };
}

function refusedFully(s: MachineState, command: Command, error: ApplyError): ApplyResult & { ok: false } {
  return { ok: false, error, state: declareFailed(s, command) };
}

function refusedInPlace(s: MachineState, _command: Command, error: ApplyError): ApplyResult & { ok: false } {
  return { ok: false, error, state: s };
}

/**
 * What a well-formed command does, without the events: apply()'s own path after parsing. For
 * callers that apply many commands validated once (the model checker); `policy` defaults to the
 * machine's and is a parameter only so a test can run a deliberately altered copy of one.
 */
export type ParsedResult =
  | { ok: true; state: MachineState; handlerEvents: readonly MachineEvent[]; result?: CommandResult }
  | { ok: false; error: ApplyError; state: MachineState };

/** Shared by every answer without events of its own; frozen, so no caller can add to it. */
const NO_EVENTS: readonly MachineEvent[] = Object.freeze([]);

/**
 * How much of a refusal a caller needs. `full` (the default) is what apply() reports. `verdict` is
 * for a search that looks only at `ok`, the errno and the reason of a refusal and drops its state:
 * an invalid command is then not described, and a refused one returns the state it was given
 * (without the `as` name it leaves empty, which no search key reads).
 */
export type Detail = 'full' | 'verdict';

/** What every invalid command is under `verdict` detail. */
const INVALID_VERDICT: ApplyError = Object.freeze({
  errno: null,
  message: 'an invalid command (not described under verdict detail)',
  rule: 'scenario-format "Commands"',
  reason: 'invalid-command',
});

export function applyParsed(s: MachineState, command: Command, policy: Policy = POLICIES[s.static.policy], detail: Detail = 'full'): ParsedResult {
  const nameProblem = checkNames(s, command);
  if (nameProblem) return detail === 'full' ? invalid(s, nameProblem.argument, describeNameProblem(command, nameProblem)) : { ok: false, error: INVALID_VERDICT, state: s };
  const refused = detail === 'full' ? refusedFully : refusedInPlace;
  if (s.panic) {
    const message = `the machine has panicked (${s.panic.message}); it runs nothing more`;
    return refused(s, command, { errno: null, message, rule: 'model.md §3 (panic)', reason: 'machine-panicked' });
  }
  const handler = policy.handlers[command.op] as Handler<typeof command.op> | undefined;
  if (!handler) {
    const message = `${command.op} does not exist under the ${policy.name} policy (${policy.summary})`;
    return refused(s, command, { errno: 'ENOTTY', message, rule: 'model.md §5 (undefined command: ENOTTY)', reason: 'kernel' });
  }
  const resolved = resolveRefs(s, command);
  if (!resolved.ok) return refused(s, command, resolved.error);
  const outcome = handler(s, command as never, resolved.refs);
  if (!outcome.ok) return refused(s, command, outcome.error);
  const handlerEvents = outcome.events ?? NO_EVENTS;
  return outcome.result ? { ok: true, state: outcome.state, handlerEvents, result: outcome.result } : { ok: true, state: outcome.state, handlerEvents };
}

export function apply(s: MachineState, raw: unknown): ApplyResult {
  const parsed = parseCommand(s.static, raw);
  if (!parsed.ok) return invalid(s, parsed.argument, parsed.message);
  const command = parsed.command;
  const r = applyParsed(s, command);
  if (!r.ok) return r;
  const events = collectEvents(s, r.state, command, r.handlerEvents);
  return r.result ? { ok: true, state: r.state, events, result: r.result, command } : { ok: true, state: r.state, events, command };
}
