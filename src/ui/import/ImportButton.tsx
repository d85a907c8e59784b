// The top bar's Import button and its dialog. The draft lives here, not in the dialog, so texts a
// user pasted survive closing the dialog and a failed import.
import { useCallback, useState } from 'react';
import { EMPTY_DRAFT, ImportDialog, type ImportDraft } from './ImportDialog.tsx';

export function ImportButton() {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<ImportDraft>(EMPTY_DRAFT);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <button
        type="button"
        data-testid="import-button"
        onClick={() => setOpen(true)}
        className="rounded border border-indigo-300 bg-indigo-50 px-3 py-1 text-sm font-medium text-indigo-800 hover:bg-indigo-100"
      >
        Import lspci…
      </button>
      {open && <ImportDialog draft={draft} setDraft={setDraft} onClose={close} />}
    </>
  );
}
