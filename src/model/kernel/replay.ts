// Replays a command log on a fresh machine and reports it as the `replay` JSON of
// scenario-format.md: every step, every group's end state, each invariant with the first step that
// broke it, and the panic. A command that is not well formed stops the replay (the log is wrong).
import type { Grouping } from '../grouping/types.ts';
import type { Bdf, Topology } from '../topology/types.ts';
import { apply } from './apply.ts';
import type { MachineEvent } from './events.ts';
import { formatDomain, formatOwner, groupOwner, viability } from './facts.ts';
import { checkInvariants, INVARIANT_IDS, type InvariantId } from './invariants.ts';
import { createMachine } from './machine.ts';
import type { StatusFlags } from './outcome.ts';
import { groupState } from './state.ts';
import type { Errno, MachineOptions, MachineState, Panic, PolicyName } from './types.ts';

export type ReplayStep =
  | { op: string; ok: true; events: MachineEvent[]; flags?: StatusFlags }
  /** errno is null when the command never reached the kernel (the machine had panicked). */
  | { op: string; ok: false; errno: Errno | null; message: string; rule: string };

export interface ReplayGroup {
  id: number;
  devices: Bdf[];
  domain: string;
  owner: string;
  viable: boolean;
}

export interface ReplayInvariant {
  id: InvariantId;
  holds: boolean;
  message: string;
  /** 1-based step that first broke it. */
  step?: number;
}

export interface ReplayReport {
  policy: PolicyName;
  steps: ReplayStep[];
  groups: ReplayGroup[];
  invariants: ReplayInvariant[];
  panic: Panic | null;
}

export type ReplayOutcome =
  | { ok: true; report: ReplayReport; state: MachineState }
  | { ok: false; step: number; op: string; message: string };

function groupsOf(s: MachineState): ReplayGroup[] {
  return s.static.grouping.groups.map((g) => ({
    id: g.id,
    devices: [...g.devices],
    domain: formatDomain(s, groupState(s, g.id).domain),
    owner: formatOwner(groupOwner(s, g.id)),
    viable: viability(s, g.id, true).viable,
  }));
}

const opOf = (raw: unknown) => (typeof raw === 'object' && raw !== null && typeof (raw as { op?: unknown }).op === 'string' ? (raw as { op: string }).op : '?');

export function replay(
  topology: Topology,
  grouping: Grouping,
  commands: readonly unknown[],
  policy: PolicyName,
  options: Omit<MachineOptions, 'policy'> = {},
): ReplayOutcome {
  let s = createMachine(topology, grouping, { ...options, policy });
  const steps: ReplayStep[] = [];
  const firstBreak = new Map<InvariantId, { step: number; message: string }>();
  for (const [i, raw] of commands.entries()) {
    const r = apply(s, raw);
    const op = opOf(raw);
    if (!r.ok && r.error.reason === 'invalid-command') return { ok: false, step: i + 1, op, message: r.error.message };
    s = r.state;
    if (r.ok) steps.push(r.result ? { op, ok: true, events: r.events, flags: r.result.flags } : { op, ok: true, events: r.events });
    else steps.push({ op, ok: false, errno: r.error.errno, message: r.error.message, rule: r.error.rule });
    for (const check of checkInvariants(s)) {
      if (!check.holds && !firstBreak.has(check.id)) firstBreak.set(check.id, { step: i + 1, message: `step ${i + 1} (${op}): ${check.message}` });
    }
  }
  const final = checkInvariants(s);
  const invariants = INVARIANT_IDS.map((id): ReplayInvariant => {
    const broken = firstBreak.get(id);
    return broken ? { id, holds: false, message: broken.message, step: broken.step } : { id, holds: true, message: final.find((c) => c.id === id)!.message };
  });
  return { ok: true, report: { policy, steps, groups: groupsOf(s), invariants, panic: s.panic }, state: s };
}
