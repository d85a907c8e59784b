// Edit mode's tools under the top bar, in place of the driver palette: the device palette and the
// grouping settings, with a hint on how to move and remove cards in the graph.
import { DevicePalette } from './DevicePalette.tsx';
import { EditGhost } from './EditGhost.tsx';
import { OverrideSettings } from './OverrideSettings.tsx';

export function EditToolbar() {
  return (
    <section data-testid="edit-toolbar" aria-label="Edit the machine" className="flex flex-col gap-1.5 border-b border-emerald-300 bg-emerald-50 px-4 py-1.5">
      <DevicePalette />
      <OverrideSettings />
      <p className="text-[11px] text-slate-600">
        Drag a card onto a root port, downstream port or bridge (dashed outline) to move it; × removes a card; a chipset device also goes onto a root bus’s frame. Every edit can be undone; the “What changed” panel shows what it did to the groups.
      </p>
      <EditGhost />
    </section>
  );
}
