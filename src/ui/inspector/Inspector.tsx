// The right-hand panel: facts about the selection (a device, a group or a domain), or about the
// machine when nothing is selected. Folds to a narrow strip to give the graph the room.
import { useMemo, useState } from 'react';
import { useExplorer, useExplorerStore } from '../app/explorerContext.ts';
import { DeviceDetails } from './DeviceDetails.tsx';
import { DomainDetails } from './DomainDetails.tsx';
import { GroupDetails } from './GroupDetails.tsx';
import { MachineNotes } from './MachineNotes.tsx';

function Selected() {
  const selection = useExplorer((s) => s.selection);
  const topology = useExplorer((s) => s.scenario.topology);
  const functions = useMemo(() => new Map(topology.functions.map((f) => [f.bdf, f])), [topology]);
  if (selection === null) return <MachineNotes />;
  if (selection.kind === 'group') return <GroupDetails id={selection.id} />;
  if (selection.kind === 'domain') return <DomainDetails id={selection.id} />;
  const fn = functions.get(selection.bdf);
  return fn ? <DeviceDetails fn={fn} /> : <MachineNotes />;
}

export function Inspector() {
  const [open, setOpen] = useState(true);
  const hasSelection = useExplorer((s) => s.selection !== null);
  const select = useExplorerStore().getState().select;
  return (
    <aside
      data-testid="inspector"
      aria-label="Inspector"
      className={`flex min-h-0 shrink-0 flex-col border-l border-slate-300 bg-white ${open ? 'w-[22rem]' : 'w-9'}`}
    >
      <header className="flex items-center gap-1 border-b border-slate-200 px-1.5 py-1">
        <button
          type="button"
          data-testid="inspector-toggle"
          aria-expanded={open}
          aria-controls="inspector-body"
          title={open ? 'Fold the inspector' : 'Open the inspector'}
          onClick={() => setOpen(!open)}
          className="rounded px-1.5 text-slate-600 hover:bg-slate-100"
        >
          {open ? '»' : '«'}
        </button>
        {open && <span className="flex-1 text-sm font-semibold text-slate-700">Inspector</span>}
        {open && hasSelection && (
          <button type="button" onClick={() => select(null)} className="rounded px-2 text-[12px] text-slate-500 hover:bg-slate-100">
            clear
          </button>
        )}
      </header>
      {open && (
        <div id="inspector-body" className="min-h-0 flex-1 overflow-y-auto">
          <Selected />
        </div>
      )}
    </aside>
  );
}
