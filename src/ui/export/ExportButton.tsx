// The top bar's Export button and its dialog.
import { useCallback, useState } from 'react';
import { ExportDialog } from './ExportDialog.tsx';

export function ExportButton() {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <button
        type="button"
        data-testid="export-button"
        onClick={() => setOpen(true)}
        className="rounded border border-indigo-300 bg-indigo-50 px-3 py-1 text-sm font-medium text-indigo-800 hover:bg-indigo-100"
      >
        Export…
      </button>
      {open && <ExportDialog onClose={close} />}
    </>
  );
}
