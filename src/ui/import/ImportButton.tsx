// The top bar's Import button and its dialog. The draft lives here, not in the dialog, so texts a
// user pasted survive closing the dialog and a failed import. A saved scenario or an exported PNG
// dropped anywhere on the app opens too (ScenarioFileDrop).
import { lazy, Suspense, useCallback, useState } from 'react';
import { ErrorBoundary } from '../app/ErrorBoundary.tsx';
import { ScenarioFileDrop } from '../export/ScenarioFileDrop.tsx';
import { EMPTY_DRAFT } from './emptyDraft.ts';
import type { ImportDraft } from './readDraft.ts';

// The dialog and the parsers behind it load on first use, not with the page.
const ImportDialog = lazy(() => import('./ImportDialog.tsx').then((m) => ({ default: m.ImportDialog })));

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
      {open && (
        <ErrorBoundary what="import dialog">
          <Suspense fallback={null}>
            <ImportDialog draft={draft} setDraft={setDraft} onClose={close} />
          </Suspense>
        </ErrorBoundary>
      )}
      <ScenarioFileDrop />
    </>
  );
}
