// The drop targets: no driver, the two drivers that take any device through driver_override, and
// the host drivers that claim the device being dragged (or, between drags, the selected one).
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { sameDriver } from '../../model/kernel/drivers.ts';
import { shortBdf } from '../../model/topology/bdf.ts';
import { deviceView, driverChoices } from '../../store/views.ts';
import { useExplorer, useExplorerStore } from '../app/explorerContext.ts';
import { dragStore } from './dragStore.ts';
import { NONE_TARGET, toDriverTarget } from './dropTargets.ts';

interface TargetProps {
  name: string;
  label: string;
  hint: string;
  over: boolean;
  current: boolean;
  dragging: boolean;
  /** Binds the selected device to this driver: the keyboard's and the click's way, besides the drag. */
  onChoose: (() => void) | null;
}

function Target({ name, label, hint, over, current, dragging, onChoose }: TargetProps) {
  return (
    <button
      type="button"
      data-driver-target={name}
      data-testid={`driver-${name}`}
      title={onChoose ? `${hint} (or press Enter to do it to the selected device)` : hint}
      disabled={onChoose === null && !dragging}
      onClick={onChoose ?? undefined}
      className={`flex h-8 min-w-24 items-center justify-center gap-1.5 rounded-md border-2 px-3 font-mono text-[13px] transition-colors ${
        over
          ? 'border-indigo-600 bg-indigo-600 text-white shadow-md'
          : dragging
            ? 'border-dashed border-indigo-400 bg-indigo-50 text-indigo-900'
            : 'border-slate-300 bg-white text-slate-800 enabled:hover:border-indigo-400 disabled:opacity-60'
      } focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600`}
    >
      {label}
      {current && <span className={`text-[10px] font-sans ${over ? 'text-indigo-100' : 'text-slate-500'}`}>(now)</span>}
    </button>
  );
}

export function DriverPalette() {
  const store = useExplorerStore();
  const drag = useStore(dragStore, (s) => s.drag);
  const selected = useExplorer((s) => (s.selection?.kind === 'device' ? s.selection.bdf : null));
  const machine = useExplorer((s) => s.machine);
  const subject = drag?.bdf ?? selected;
  const choices = useMemo(() => driverChoices(machine, subject), [machine, subject]);
  const currentDriver = subject === null ? null : deviceView(machine, subject).driver;
  const dragging = drag !== null;
  const isCurrent = (name: string) => subject !== null && (name === NONE_TARGET ? currentDriver === null : currentDriver !== null && sameDriver(currentDriver, name));
  const target = (name: string, label: string, hint: string) => (
    <Target
      key={name}
      name={name}
      label={label}
      hint={hint}
      over={drag?.over === name}
      current={isCurrent(name)}
      dragging={dragging}
      onChoose={selected === null || dragging ? null : () => store.getState().changeDriver(selected, toDriverTarget(name))}
    />
  );
  return (
    <section aria-label="Drivers" className="flex min-h-12 flex-wrap items-center gap-2 border-b border-slate-200 bg-slate-50 px-4 py-1.5">
      <span className="mr-1 min-w-56 text-sm font-semibold whitespace-nowrap text-slate-700">{dragging ? `Drop ${shortBdf(drag.bdf)} on a driver:` : 'Drag a device onto a driver:'}</span>
      {target(NONE_TARGET, 'none', 'unbind the device and clear its driver_override')}
      {choices.userspace.map((d) => target(d, d, `${d} binds through driver_override: unbind, write driver_override, drivers_probe`))}
      <span className="mx-1 h-6 w-px bg-slate-300" />
      {subject === null ? (
        <span className="text-sm text-slate-500">select or drag a device to see its host drivers</span>
      ) : (
        <>
          <span className="text-sm text-slate-600">host drivers of {shortBdf(subject)}:</span>
          {choices.host.length === 0 ? (
            <span className="text-sm text-slate-500">none claims it</span>
          ) : (
            choices.host.map((d) => target(d, d, `unbind, clear driver_override, write the device to ${d}'s bind file`))
          )}
        </>
      )}
    </section>
  );
}
