// The uAPI console's forms without the UI: one form per op with its fields typed from the command
// vocabulary's table of arguments (model/kernel/commands.ts), whether the policy has the op (its handler table, apply.ts
// POLICIES), the values a form starts with (taken from the machine and the selection) and the
// command a filled form makes.
import { POLICIES } from '../model/kernel/apply.ts';
import { ARGUMENTS_OF, type Argument, type Command, type Op } from '../model/kernel/commands.ts';
import { REFERENCE_ARGS } from '../model/kernel/refs.ts';
import { VFIO_PCI } from '../model/kernel/drivers.ts';
import type { MachineState, ObjectKind, PolicyName } from '../model/kernel/types.ts';
import type { Bdf } from '../model/topology/types.ts';
import { driverChoices } from './views.ts';

export type FieldType =
  /** A function of the topology (the group is named by any member, scenario-format.md). */
  | { type: 'device' }
  /** An existing userspace object of one kind. */
  | { type: 'object'; object: ObjectKind }
  /** The name the command gives the object it creates. */
  | { type: 'name'; creates: ObjectKind }
  | { type: 'driver'; clearable: boolean }
  | { type: 'number' }
  | { type: 'choice'; options: readonly string[] };

export interface FieldSpec {
  name: string;
  field: FieldType;
  optional: boolean;
}

export interface OpForm {
  op: Op;
  fields: readonly FieldSpec[];
}


/** What each creating op makes under its `as` name (refs.ts createdKind; the test checks it against the model). */
export const CREATES: Readonly<Partial<Record<Op, ObjectKind>>> = {
  'container.open': 'container',
  'iommufd.open': 'iommufd',
  'ioasid.alloc': 'ioasid',
  'group.getDeviceFd': 'device',
  'group.getDeviceFdNew': 'device',
  'cdev.open': 'device',
};

/** Fresh names read like the kernel documentation's examples: c1, io1, ioas1, d1. */
const NAME_PREFIX: Readonly<Record<ObjectKind, string>> = { container: 'c', iommufd: 'io', ioasid: 'ioas', device: 'd' };

function fieldOf(op: Op, { name, kind, optional = false }: Argument): FieldSpec {
  const reference = REFERENCE_ARGS[name];
  if (kind.type === 'bdf') return { name, field: { type: 'device' }, optional };
  if (reference) return { name, field: { type: 'object', object: reference }, optional };
  if (name === 'as') {
    const creates = CREATES[op];
    if (!creates) throw new Error(`${op} names an object with "as" but CREATES does not say which kind`);
    return { name, field: { type: 'name', creates }, optional };
  }
  if (name === 'driver') return { name, field: { type: 'driver', clearable: kind.type === 'driver-or-null' }, optional };
  if (kind.type === 'choice') return { name, field: { type: 'choice', options: kind.options }, optional };
  if (kind.type === 'count') return { name, field: { type: 'number' }, optional };
  throw new Error(`${op}: the console has no form field for argument "${name}"`);
}

/** One form per op, in the order of the command vocabulary. */
export const OP_FORMS: readonly OpForm[] = [...ARGUMENTS_OF].map(([op, args]) => ({ op, fields: args.map((a) => fieldOf(op, a)) }));

export function opForm(op: Op): OpForm {
  return OP_FORMS.find((f) => f.op === op)!;
}

/** Null when the policy defines the op; else why the console shows it disabled (apply.ts answers it ENOTTY). */
export function unavailableReason(policy: PolicyName, op: Op): string | null {
  const p = POLICIES[policy];
  return p.handlers[op] ? null : `${op} does not exist under ${policy} (${p.summary}); the kernel would answer ENOTTY`;
}

/** Live objects of a kind, oldest first (ids count up: `kind#n`). */
export function liveObjects(s: MachineState, kind: ObjectKind): { id: string; name: string; bdf?: Bdf }[] {
  const order = (id: string) => Number(id.slice(id.indexOf('#') + 1));
  const list = (() => {
    switch (kind) {
      case 'container':
        return [...s.containers.values()].filter((c) => c.fdOpen).map((c) => ({ id: c.id, name: c.name }));
      case 'iommufd':
        return [...s.iommufds.values()].map((f) => ({ id: f.id, name: f.name }));
      case 'ioasid':
        return [...s.ioasids.values()].map((a) => ({ id: a.id, name: a.name }));
      case 'device':
        return [...s.devices.values()].map((d) => ({ id: d.id, name: d.name, bdf: d.bdf }));
    }
  })();
  return list.sort((a, b) => order(a.id) - order(b.id));
}

/** A name no command has given yet: `c1`, `c2` ... */
export function freshName(s: MachineState, kind: ObjectKind): string {
  const prefix = NAME_PREFIX[kind];
  let n = 1;
  while (s.names.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

export interface DefaultContext {
  machine: MachineState;
  /** The selected device (or the first member of the selected group). */
  selectedBdf: Bdf | null;
  /** Objects the user picked in the console's object list, by kind (their names). */
  picked: Readonly<Partial<Record<ObjectKind, string>>>;
}

/** The device a form starts with: the selection, else the first device on a vfio driver, else the first endpoint. */
function defaultBdf(s: MachineState, selected: Bdf | null): Bdf {
  if (selected !== null && s.static.functions.has(selected)) return selected;
  const fns = s.static.topology.functions;
  const onVfio = fns.find((f) => {
    const d = s.drivers.has(f.bdf) ? s.drivers.get(f.bdf) : f.driver;
    return d === VFIO_PCI;
  });
  return (onVfio ?? fns.find((f) => f.headerType === 'normal') ?? fns[0]!).bdf;
}

function defaultObject(ctx: DefaultContext, kind: ObjectKind, bdf: Bdf): string {
  const live = liveObjects(ctx.machine, kind);
  const picked = ctx.picked[kind];
  if (picked !== undefined && live.some((o) => o.name === picked)) return picked;
  // A device fd of the device the form works on beats the newest one.
  const ofDevice = kind === 'device' ? live.filter((o) => o.bdf === bdf) : [];
  return (ofDevice.at(-1) ?? live.at(-1))?.name ?? '';
}

export type FormValues = Record<string, string>;

/** The values a form starts with; every value is text, as the form holds it. */
export function defaultValues(form: OpForm, ctx: DefaultContext): FormValues {
  const s = ctx.machine;
  const bdf = defaultBdf(s, ctx.selectedBdf);
  const values: FormValues = {};
  for (const { name, field, optional } of form.fields) {
    switch (field.type) {
      case 'device':
        values[name] = bdf;
        break;
      case 'object':
        values[name] = optional ? '' : defaultObject(ctx, field.object, bdf);
        break;
      case 'name':
        values[name] = freshName(s, field.creates);
        break;
      case 'driver': {
        // driver_override is how vfio-pci gets a device (D.6); a bind writes a host driver's name.
        const host = driverChoices(s, bdf).host[0];
        values[name] = field.clearable || host === undefined ? VFIO_PCI : host;
        break;
      }
      case 'number':
        values[name] = String(Math.max(0, ...[...s.devices.values()].map((d) => d.cookie ?? 0)) + 1);
        break;
      case 'choice':
        values[name] = field.options[0] ?? '';
        break;
    }
  }
  return values;
}

/** Text the driver field takes to clear driver_override (`driver: null`). */
export const CLEAR_DRIVER = '';

/**
 * The command a filled form makes, as plain data: the model checks it (apply.ts), so a bad value
 * is reported in the model's words. An empty optional field is left out; a number field that is
 * not a number stays text, for the model to name.
 */
export function commandFrom(form: OpForm, values: FormValues): Command {
  const raw: Record<string, unknown> = { op: form.op };
  for (const { name, field, optional } of form.fields) {
    const value = (values[name] ?? '').trim();
    if (optional && value === '') continue;
    if (field.type === 'number') raw[name] = value !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
    else if (field.type === 'driver' && field.clearable && value === CLEAR_DRIVER) raw[name] = null;
    else raw[name] = value;
  }
  return raw as Command;
}
