// The top bar's switch into edit mode, where the machine itself can be changed (issue 8).
import { setEditMode, useEditMode } from './editStore.ts';

export function EditModeToggle() {
  const on = useEditMode();
  return (
    <button
      type="button"
      data-testid="edit-mode"
      aria-pressed={on}
      onClick={() => setEditMode(!on)}
      title="Change the machine: move cards between ports, add or remove devices, edit ACS bits, set the ACS override"
      className={`rounded border px-3 py-1 text-sm ${on ? 'border-emerald-600 bg-emerald-600 font-semibold text-white hover:bg-emerald-700' : 'border-slate-300 text-slate-800 hover:bg-slate-100'}`}
    >
      {on ? 'Editing topology' : 'Edit topology'}
    </button>
  );
}
