// A policy is a table of handlers, one per command it defines; a command it leaves out is refused
// with ENOTTY (model.md §5). All policies share the state type and the command vocabulary.
import type { CommandOf, Op } from './commands.ts';
import type { Outcome } from './outcome.ts';
import type { Refs } from './refs.ts';
import type { MachineState, PolicyName } from './types.ts';

export type Handler<O extends Op> = (s: MachineState, command: CommandOf<O>, refs: Refs) => Outcome;

export type Handlers = { [O in Op]?: Handler<O> };

export interface Policy {
  name: PolicyName;
  /** One line for people: what this policy models. */
  summary: string;
  handlers: Handlers;
}
