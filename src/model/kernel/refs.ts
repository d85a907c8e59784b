// Object references by `as` name. A name no earlier command gave is a mistake in the command log
// (checked before anything runs). A name whose fd was closed, or whose creating command failed (the
// program holds fd -1), is what the kernel sees as a bad fd (EBADF); a freed or never allocated
// IOASID is an unknown id (ENOENT, D.5).
import { ARGUMENTS_OF, OPS, type Command } from './commands.ts';
import { refuse, type Outcome } from './outcome.ts';
import type { Container, DeviceFd, Ioasid, Iommufd, MachineState, ObjectKind } from './types.ts';

/** Arguments that name an object, and the kind each must name (the console's forms use it too). */
export const REFERENCE_ARGS: Readonly<Record<string, ObjectKind>> = {
  container: 'container',
  device: 'device',
  iommufd: 'iommufd',
  ioasid: 'ioasid',
  parent: 'ioasid',
};

/**
 * The reference arguments of each op, in REFERENCE_ARGS order, made once: checkNames and
 * resolveRefs run for every command a model checker tries, and most ops name one object or none.
 */
const REFERENCES_OF: ReadonlyMap<string, readonly (readonly [string, ObjectKind])[]> = new Map(
  OPS.map((op) => [op, Object.entries(REFERENCE_ARGS).filter(([argument]) => ARGUMENTS_OF.get(op)!.some((a) => a.name === argument))]),
);

const KIND_WORDS: Readonly<Record<ObjectKind, string>> = {
  container: 'a container',
  iommufd: 'an iommu fd',
  ioasid: 'an IOASID',
  device: 'a device fd',
};

/** The kind of object an op creates under its `as` name. */
function createdKind(command: Command): ObjectKind | null {
  switch (command.op) {
    case 'container.open':
      return 'container';
    case 'iommufd.open':
      return 'iommufd';
    case 'ioasid.alloc':
      return 'ioasid';
    case 'group.getDeviceFd':
    case 'group.getDeviceFdNew':
    case 'cdev.open':
      return 'device';
    default:
      return null;
  }
}

function isLive(s: MachineState, kind: ObjectKind, id: string | null): boolean {
  if (id === null) return false;
  switch (kind) {
    case 'container':
      return s.containers.get(id)?.fdOpen === true;
    case 'iommufd':
      return s.iommufds.has(id);
    case 'ioasid':
      return s.ioasids.has(id);
    case 'device':
      return s.devices.has(id);
  }
}

/** What is wrong with a name a command gives; described by describeNameProblem. */
export interface NameProblem {
  argument: string;
  why: 'never-named' | 'other-kind' | 'still-open';
  /** The kind the argument must name, and the kind the name holds. */
  wanted: ObjectKind | null;
  holds: ObjectKind | null;
}

/**
 * Names that a command log gets wrong: a reference to a name never given, or to another kind, or a
 * new object given a name that still holds an open one. The sentence is made apart (a model checker
 * meets hundreds of thousands of such commands and needs only to know they are invalid).
 */
export function checkNames(s: MachineState, command: Command): NameProblem | null {
  const args = command as Record<string, unknown>;
  for (const [argument, kind] of REFERENCES_OF.get(command.op)!) {
    const name = args[argument];
    if (typeof name !== 'string') continue;
    const ref = s.names.get(name);
    if (!ref) return { argument, why: 'never-named', wanted: kind, holds: null };
    if (ref.kind !== kind) return { argument, why: 'other-kind', wanted: kind, holds: ref.kind };
  }
  const kind = createdKind(command);
  if (kind && 'as' in command) {
    const ref = s.names.get(command.as);
    if (ref && isLive(s, ref.kind, ref.id)) return { argument: 'as', why: 'still-open', wanted: null, holds: ref.kind };
  }
  return null;
}

export function describeNameProblem(command: Command, p: NameProblem): string {
  const name = (command as Record<string, unknown>)[p.argument] as string;
  const at = `${command.op}: argument "${p.argument}"`;
  switch (p.why) {
    case 'never-named':
      return `${at}: no object was ever named "${name}"`;
    case 'other-kind':
      return `${at}: "${name}" names ${KIND_WORDS[p.holds!]}, not ${KIND_WORDS[p.wanted!]}`;
    case 'still-open':
      return `${at}: "${name}" already names ${KIND_WORDS[p.holds!]} that is still open`;
  }
}

export interface Refs {
  container?: Container;
  device?: DeviceFd;
  iommufd?: Iommufd;
  ioasid?: Ioasid;
  parent?: Ioasid;
}

// Module-level helpers rather than closures in resolveRefs, which runs for nearly every command.
const idOf = (s: MachineState, args: Record<string, unknown>, argument: string) => s.names.get(args[argument] as string)!.id ?? '';
const gone = (s: MachineState, args: Record<string, unknown>, argument: string, what: string) =>
  s.names.get(args[argument] as string)!.id === null ? `the command that was to create it failed` : `it was ${what}`;

/** A command that names no object resolves to these; frozen, since every such command shares them. */
const NO_REFS: { ok: true; refs: Refs } = Object.freeze({ ok: true, refs: Object.freeze({}) });

/** Looks up the live objects a command names, or the kernel's answer when one is gone. */
export function resolveRefs(s: MachineState, command: Command): { ok: true; refs: Refs } | (Outcome & { ok: false }) {
  const references = REFERENCES_OF.get(command.op)!;
  if (references.length === 0) return NO_REFS;
  const args = command as Record<string, unknown>;
  const refs: Refs = {};
  for (const [argument] of references) {
    if (typeof args[argument] !== 'string') continue;
    switch (argument) {
      case 'container': {
        const c = s.containers.get(idOf(s, args, 'container'));
        if (!c?.fdOpen) return refuse('EBADF', `"${args['container']}" is no open container fd: ${gone(s, args, 'container', 'closed')}`, 'kernel-semantics B.4 (a bad fd)');
        refs.container = c;
        break;
      }
      case 'device': {
        const d = s.devices.get(idOf(s, args, 'device'));
        if (!d) return refuse('EBADF', `"${args['device']}" is no open device fd: ${gone(s, args, 'device', 'closed')}`, 'kernel-semantics B.4 (a bad fd)');
        refs.device = d;
        break;
      }
      case 'iommufd': {
        const f = s.iommufds.get(idOf(s, args, 'iommufd'));
        if (!f) return refuse('EBADF', `"${args['iommufd']}" is no iommu fd: ${gone(s, args, 'iommufd', 'closed')}`, 'kernel-semantics B.4 (a bad fd)');
        refs.iommufd = f;
        break;
      }
      case 'ioasid':
      case 'parent': {
        const a = s.ioasids.get(idOf(s, args, argument));
        if (!a) return refuse('ENOENT', `IOASID "${args[argument]}" does not exist: ${gone(s, args, argument, 'freed')}`, 'kernel-semantics D.5 (unknown id: ENOENT)');
        refs[argument] = a;
        break;
      }
    }
  }
  return { ok: true, refs };
}

/** After a refused creating command the name holds nothing, as a program's fd variable holds -1. */
export function declareFailed(s: MachineState, command: Command): MachineState {
  const kind = createdKind(command);
  if (!kind || !('as' in command)) return s;
  const names = new Map(s.names);
  names.set(command.as, { kind, id: null });
  return { ...s, names };
}

/** A reference the schema guarantees for this op; its absence is a bug in the model. */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal: the command names no ${what}`);
  return value;
}
