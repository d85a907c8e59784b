// Events drive the animation and the log (model.md §5). Most are found by comparing the derived
// facts of the groups a command touched before and after it; a policy adds only what a diff cannot
// see (a probe that refused while the write succeeded).
import type { Bdf } from '../topology/types.ts';
import type { Command } from './commands.ts';
import { formatDomain, ownerLabel, viability, type Culprit } from './facts.ts';
import { driverOf, groupIdOf, groupState } from './state.ts';
import type { Errno, GroupId, MachineState } from './types.ts';

export type MachineEvent =
  | { type: 'driver.bound'; bdf: Bdf; driver: string }
  | { type: 'driver.unbound'; bdf: Bdf; driver: string }
  | { type: 'driver.probeRefused'; bdf: Bdf; driver: string; errno: Errno; message: string }
  | { type: 'group.viabilityChanged'; group: GroupId; viable: boolean; culprits: Culprit[] }
  | { type: 'group.domainChanged'; group: GroupId; from: string; to: string }
  | { type: 'group.ownerChanged'; group: GroupId; from: string; to: string }
  | { type: 'device.accessGranted'; device: string; bdf: Bdf }
  | { type: 'device.accessRevoked'; device: string; bdf: Bdf }
  // No modelled command makes the kernel WARN: its one vfio WARN is a device hot-added to a live
  // group (B.3), which the command vocabulary has no way to do. The UI still knows the kind.
  | { type: 'kernel.warn'; message: string }
  | { type: 'kernel.bug'; message: string; bdf: Bdf; rule: string };

/** Groups whose state object changed, plus the group of the command's device address. */
function touchedGroups(before: MachineState, after: MachineState, command: Command): GroupId[] {
  const touched = new Set<GroupId>();
  for (const [g, gs] of after.groups) if (before.groups.get(g) !== gs) touched.add(g);
  for (const [g, gs] of before.groups) if (after.groups.get(g) !== gs) touched.add(g);
  if ('bdf' in command) {
    const g = groupIdOf(before, command.bdf);
    if (g !== undefined) touched.add(g);
  }
  return [...touched].sort((a, b) => a - b);
}

function groupEvents(before: MachineState, after: MachineState, g: GroupId): MachineEvent[] {
  const out: MachineEvent[] = [];
  const vb = viability(before, g, true);
  const va = viability(after, g, true);
  if (vb.viable !== va.viable) out.push({ type: 'group.viabilityChanged', group: g, viable: va.viable, culprits: viability(after, g).culprits });
  const db = formatDomain(before, groupState(before, g).domain);
  const da = formatDomain(after, groupState(after, g).domain);
  if (db !== da) out.push({ type: 'group.domainChanged', group: g, from: db, to: da });
  const ob = ownerLabel(before, g);
  const oa = ownerLabel(after, g);
  if (ob !== oa) out.push({ type: 'group.ownerChanged', group: g, from: ob, to: oa });
  return out;
}

function accessEvents(before: MachineState, after: MachineState): MachineEvent[] {
  const out: MachineEvent[] = [];
  for (const [id, d] of before.devices) {
    if (d.accessGranted && !after.devices.get(id)?.accessGranted) out.push({ type: 'device.accessRevoked', device: d.name, bdf: d.bdf });
  }
  for (const [id, d] of after.devices) {
    if (d.accessGranted && !before.devices.get(id)?.accessGranted) out.push({ type: 'device.accessGranted', device: d.name, bdf: d.bdf });
  }
  return out;
}

/** Every event of one applied command, in the order a viewer should see them. */
export function collectEvents(before: MachineState, after: MachineState, command: Command, explicit: readonly MachineEvent[]): MachineEvent[] {
  const out: MachineEvent[] = [...explicit];
  if (command.op.startsWith('driver.') && 'bdf' in command) {
    const db = driverOf(before, command.bdf);
    const da = driverOf(after, command.bdf);
    if (db !== da) {
      if (db !== null) out.push({ type: 'driver.unbound', bdf: command.bdf, driver: db });
      if (da !== null) out.push({ type: 'driver.bound', bdf: command.bdf, driver: da });
    }
  }
  for (const g of touchedGroups(before, after, command)) out.push(...groupEvents(before, after, g));
  out.push(...accessEvents(before, after));
  if (after.panic && !before.panic) out.push({ type: 'kernel.bug', message: after.panic.message, bdf: after.panic.culprit, rule: after.panic.rule });
  return out;
}
