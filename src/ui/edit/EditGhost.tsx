// The chip that follows the pointer while a card or a new device is dragged in edit mode.
import { useStore } from 'zustand';
import { TEMPLATE_LABELS } from '../../model/edit/edits.ts';
import { shortBdf } from '../../model/topology/bdf.ts';
import { editStore } from './editStore.ts';

export function EditGhost() {
  const drag = useStore(editStore, (s) => s.drag);
  if (!drag) return null;
  const what = drag.payload.kind === 'card' ? `move ${shortBdf(drag.payload.bdf)}` : `add ${TEMPLATE_LABELS[drag.payload.template]}`;
  return (
    <div
      data-testid="edit-ghost"
      className="pointer-events-none fixed z-50 -translate-x-1/2 -translate-y-[140%] rounded-md border border-emerald-500 bg-white px-2.5 py-1 text-xs font-semibold text-emerald-800 shadow-lg"
      style={{ left: drag.x, top: drag.y }}
    >
      {what} → {drag.over === null ? 'drop on a port or bridge' : drag.over.includes('.') ? shortBdf(drag.over) : `root bus ${shortBdf(drag.over)}`}
    </div>
  );
}
