// What a policy's handler returns: the next state (with events the diff cannot see, and a result
// for queries), or the kernel's refusal as an errno, a sentence and the rule it comes from.
import type { MachineEvent } from './events.ts';
import type { Errno, MachineState } from './types.ts';

export interface KernelError {
  errno: Errno;
  message: string;
  rule: string;
  /** Said here rather than added by apply(): the refusal is then passed on as it is, not copied. */
  reason: 'kernel';
}

/** VFIO_GROUP_GET_STATUS flags. */
export interface StatusFlags {
  viable: boolean;
  containerSet: boolean;
}

export interface CommandResult {
  flags: StatusFlags;
}

export type Outcome =
  | { ok: true; state: MachineState; events?: MachineEvent[]; result?: CommandResult }
  | { ok: false; error: KernelError };

export function refuse(errno: Errno, message: string, rule: string): Outcome & { ok: false } {
  return { ok: false, error: { errno, message, rule, reason: 'kernel' } };
}

export function done(state: MachineState, events?: MachineEvent[]): Outcome & { ok: true } {
  return events && events.length > 0 ? { ok: true, state, events } : { ok: true, state };
}
