// File descriptor numbers for a command log, as the kernel hands them to one process: the lowest
// free number, from 3 (0-2 are stdin, stdout, stderr). The model names objects by their `as` names;
// a trace must show what the program passes, so every fd-creating step gets its number and every
// later reference shows it. A failed open leaves the program's variable at -1, as C code holds it.
import type { Command } from '../../model/kernel/commands.ts';
import type { GroupId, ObjectId } from '../../model/kernel/types.ts';
import type { RunStep } from './runScenario.ts';

export interface StepFds {
  /** The fd a successful open returned. */
  opened: number | null;
  /** The fd of the group the command names (-1 when the program has none open). */
  group: number;
  /** The fd each object argument names (container, iommufd, device), -1 after a failed open. */
  args: Readonly<Record<string, number>>;
}

export interface FdNumbers {
  steps: StepFds[];
  /** The fd of each model object that is still open at the end, by its internal id. */
  objects: ReadonlyMap<ObjectId, number>;
  /** The fd of each group file open at the end. */
  groups: ReadonlyMap<GroupId, number>;
}

/** Ops that return a new fd, and the argument their name goes in. */
const OPENS: ReadonlySet<Command['op']> = new Set(['container.open', 'iommufd.open', 'group.getDeviceFd', 'group.getDeviceFdNew', 'cdev.open']);
/** Ops that close the fd held in the given argument. */
const CLOSES: Readonly<Partial<Record<Command['op'], string>>> = { 'container.close': 'container', 'device.close': 'device' };
const FD_ARGS = ['container', 'iommufd', 'device'] as const;

class FdTable {
  private readonly used = new Set<number>();

  open(): number {
    let fd = 3;
    while (this.used.has(fd)) fd++;
    this.used.add(fd);
    return fd;
  }

  close(fd: number): void {
    this.used.delete(fd);
  }
}

export function fdNumbers(steps: readonly RunStep[]): FdNumbers {
  const table = new FdTable();
  /** What the program holds in each `as` variable. */
  const byName = new Map<string, number>();
  const groupFds = new Map<GroupId, number>();
  const objects = new Map<ObjectId, number>();
  const out: StepFds[] = [];
  for (const { command, before, result } of steps) {
    const g = 'bdf' in command ? before.static.grouping.groupOf.get(command.bdf) : undefined;
    const args: Record<string, number> = {};
    const record = command as Record<string, unknown>;
    for (const a of FD_ARGS) if (typeof record[a] === 'string') args[a] = byName.get(record[a] as string) ?? -1;
    const step: StepFds = { opened: null, group: g === undefined ? -1 : (groupFds.get(g) ?? -1), args };
    out.push(step);
    if (command.op === 'group.open' && result.ok && g !== undefined) {
      step.opened = table.open();
      groupFds.set(g, step.opened);
    } else if (command.op === 'group.close' && result.ok && g !== undefined) {
      table.close(step.group);
      groupFds.delete(g);
    } else if (OPENS.has(command.op) && 'as' in command) {
      if (!result.ok) {
        byName.set(command.as, -1);
        continue;
      }
      step.opened = table.open();
      byName.set(command.as, step.opened);
      const id = result.state.names.get(command.as)?.id;
      if (id) objects.set(id, step.opened);
    } else if (CLOSES[command.op] !== undefined && result.ok) {
      const fd = args[CLOSES[command.op]!]!;
      table.close(fd);
      const id = before.names.get(record[CLOSES[command.op]!] as string)?.id;
      if (id) objects.delete(id);
    }
  }
  return { steps: out, objects, groups: groupFds };
}
