// One argument of a console form: a device select, an object select (open objects first, then names
// whose fd is gone, to try a use-after-close), a name to give, a driver, a number or a choice.
import type { ReactNode } from 'react';
import { shortBdf } from '../../model/topology/bdf.ts';
import type { MachineState } from '../../model/kernel/types.ts';
import { CLEAR_DRIVER, liveObjects, type FieldSpec } from '../../store/consoleDefaults.ts';
import { driverChoices } from '../../store/views.ts';

interface Props {
  spec: FieldSpec;
  value: string;
  machine: MachineState;
  /** The device the form works on (for the driver choices). */
  bdf: string;
  onChange: (value: string) => void;
}

const inputClass = 'w-full rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-[12px] text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600';

function Select({ id, value, onChange, children }: { id: string; value: string; onChange: (v: string) => void; children: ReactNode }) {
  return (
    <select id={id} data-testid={id} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass}>
      {children}
    </select>
  );
}

export function ConsoleField({ spec, value, machine, bdf, onChange }: Props) {
  const id = `console-field-${spec.name}`;
  const f = spec.field;
  let control: ReactNode;
  switch (f.type) {
    case 'device':
      control = (
        <Select id={id} value={value} onChange={onChange}>
          {machine.static.topology.functions.map((fn) => (
            <option key={fn.bdf} value={fn.bdf}>
              {shortBdf(fn.bdf)} {fn.name}
            </option>
          ))}
        </Select>
      );
      break;
    case 'object': {
      const live = liveObjects(machine, f.object).map((o) => o.name);
      const gone = [...machine.names].filter(([name, ref]) => ref.kind === f.object && !live.includes(name)).map(([name]) => name);
      control = (
        <Select id={id} value={value} onChange={onChange}>
          {(spec.optional || live.length === 0) && <option value="">{spec.optional ? '(none)' : `(no ${f.object} open)`}</option>}
          {live.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
          {gone.map((n) => (
            <option key={n} value={n}>
              {n} (closed or never made)
            </option>
          ))}
        </Select>
      );
      break;
    }
    case 'driver': {
      const choices = driverChoices(machine, bdf);
      const all = [...choices.userspace, ...choices.host];
      control = (
        <Select id={id} value={value} onChange={onChange}>
          {f.clearable && <option value={CLEAR_DRIVER}>(clear)</option>}
          {!all.includes(value) && value !== CLEAR_DRIVER && <option value={value}>{value}</option>}
          {all.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </Select>
      );
      break;
    }
    case 'choice':
      control = (
        <Select id={id} value={value} onChange={onChange}>
          {f.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </Select>
      );
      break;
    case 'number':
      control = <input id={id} data-testid={id} type="number" min={0} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass} />;
      break;
    case 'name':
      control = <input id={id} data-testid={id} type="text" spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass} />;
      break;
  }
  return (
    <div className="grid grid-cols-[5.5rem_minmax(0,1fr)] items-center gap-2">
      <label htmlFor={id} className="text-right font-mono text-[12px] text-slate-600">
        {spec.name}
        {spec.optional && <span className="text-slate-400">?</span>}
      </label>
      {control}
    </div>
  );
}
