// The top bar's Export button and its dialog.
import { lazy, Suspense, useCallback, useState } from 'react';
import { ErrorBoundary } from '../app/ErrorBoundary.tsx';

// The dialog and the writers behind it load on first use, not with the page.
const ExportDialog = lazy(() => import('./ExportDialog.tsx').then((m) => ({ default: m.ExportDialog })));

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
      {open && (
        <ErrorBoundary what="export dialog">
          <Suspense fallback={null}>
            <ExportDialog onClose={close} />
          </Suspense>
        </ErrorBoundary>
      )}
    </>
  );
}
