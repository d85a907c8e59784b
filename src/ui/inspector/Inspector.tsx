// The inspector panel: facts about the selection (a device, a group or a domain), or about the
// machine when nothing is selected.
import { useMemo } from 'react';
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
  const hasSelection = useExplorer((s) => s.selection !== null);
  const select = useExplorerStore().getState().select;
  return (
    <div data-testid="inspector" aria-label="Inspector" className="relative h-full overflow-y-auto">
      {hasSelection && (
        <button type="button" onClick={() => select(null)} className="absolute right-2 top-1.5 z-10 rounded px-2 text-[12px] text-slate-500 hover:bg-slate-100">
          clear
        </button>
      )}
      <Selected />
    </div>
  );
}
