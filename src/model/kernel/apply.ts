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
import { checkNames, declareFailed, resolveRefs } from './refs.ts';
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

function invalid(s: MachineState, argument: string, message: string): ApplyResult {
  return { ok: false, error: { errno: null, message, rule: 'scenario-format "Commands"', reason: 'invalid-command', argument }, state: s };
}

function refused(s: MachineState, command: Command, error: ApplyError): ApplyResult {
  return { ok: false, error, state: declareFailed(s, command) };
}

export function apply(s: MachineState, raw: unknown): ApplyResult {
  const parsed = parseCommand(s.static, raw);
  if (!parsed.ok) return invalid(s, parsed.argument, parsed.message);
  const command = parsed.command;
  const nameProblem = checkNames(s, command);
  if (nameProblem) return invalid(s, nameProblem.argument, nameProblem.message);
  if (s.panic) {
    const message = `the machine has panicked (${s.panic.message}); it runs nothing more`;
    return refused(s, command, { errno: null, message, rule: 'model.md §3 (panic)', reason: 'machine-panicked' });
  }
  const policy = POLICIES[s.static.policy];
  const handler = policy.handlers[command.op] as Handler<typeof command.op> | undefined;
  if (!handler) {
    const message = `${command.op} does not exist under the ${policy.name} policy (${policy.summary})`;
    return refused(s, command, { errno: 'ENOTTY', message, rule: 'model.md §5 (undefined command: ENOTTY)', reason: 'kernel' });
  }
  const resolved = resolveRefs(s, command);
  if (!resolved.ok) return refused(s, command, { ...resolved.error, reason: 'kernel' });
  const outcome = handler(s, command as never, resolved.refs);
  if (!outcome.ok) return refused(s, command, { ...outcome.error, reason: 'kernel' });
  const events = collectEvents(s, outcome.state, command, outcome.events ?? []);
  return outcome.result
    ? { ok: true, state: outcome.state, events, result: outcome.result, command }
    : { ok: true, state: outcome.state, events, command };
}
