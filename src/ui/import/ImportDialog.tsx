// Bring your own machine: paste or drop `lspci -vvv` text, optionally with the kernel's group
// listing; check it (warnings with their lines, where the groups came from and whether they match
// the kernel's), then load it as the current scenario. A failed import changes nothing, and the
// texts stay in the boxes until the user clears them.
import { useEffect, useState } from 'react';
import { scenarioFromText, type ScenarioImportResult } from '../../store/importScenario.ts';
import { useExplorerStore } from '../app/explorerContext.ts';
import { ImportReport, type CheckResult } from './ImportReport.tsx';
import { TextDrop } from './TextDrop.tsx';

export interface ImportDraft {
  lspci: string;
  groupListing: string;
  /** The dropped file's name, or null for pasted text. */
  fileName: string | null;
}

export const EMPTY_DRAFT: ImportDraft = { lspci: '', groupListing: '', fileName: null };

function read(draft: ImportDraft): ScenarioImportResult {
  const source = draft.fileName ?? 'pasted text';
  return scenarioFromText(
    { lspci: draft.lspci, groupListing: draft.groupListing, source },
    { id: 'imported', name: `Imported: ${source}`, description: `Imported from ${source}. Drag its devices onto drivers as with any scenario.` },
  );
}

function checkOf(r: ScenarioImportResult): CheckResult {
  if (!r.ok) return r;
  return { ok: true, warnings: r.warnings, findings: r.scenario.findings ?? [], functions: r.scenario.topology.functions.length, groups: r.grouping.groups.length };
}

interface Props {
  draft: ImportDraft;
  setDraft: (draft: ImportDraft) => void;
  onClose: () => void;
}

export function ImportDialog({ draft, setDraft, onClose }: Props) {
  const store = useExplorerStore();
  const [result, setResult] = useState<CheckResult | null>(null);
  const edit = (next: ImportDraft) => {
    setDraft(next);
    setResult(null);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const load = () => {
    const r = read(draft);
    setResult(checkOf(r));
    if (!r.ok) return;
    store.getState().loadScenario(r.scenario);
    onClose();
  };

  return (
    <div className="fixed inset-0 z-40 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-6" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-dialog" className="flex w-full max-w-4xl flex-col gap-3 rounded-lg bg-white p-5 shadow-2xl">
        <header className="flex items-baseline justify-between gap-4">
          <h2 id="import-title" className="text-lg font-bold text-slate-900">
            Import a machine
          </h2>
          <p className="text-[12px] text-slate-500">Nothing leaves this page: the text is read here, in the browser.</p>
        </header>
        <div className="grid grid-cols-[3fr_2fr] gap-4">
          <TextDrop
            label="lspci output"
            hint="sudo lspci -D -vvv -nn"
            value={draft.lspci}
            onChange={(lspci, fileName) => edit({ ...draft, lspci, fileName: fileName ?? draft.fileName })}
            testId="import-lspci"
            rows={14}
            autoFocus
          />
          <TextDrop
            label="Kernel's groups (optional)"
            hint="find /sys/kernel/iommu_groups/ -type l"
            value={draft.groupListing}
            onChange={(groupListing) => edit({ ...draft, groupListing })}
            testId="import-groups"
            rows={14}
          />
        </div>
        {result && <ImportReport result={result} />}
        <footer className="flex items-center justify-end gap-2">
          <button type="button" onClick={() => edit(EMPTY_DRAFT)} className="mr-auto rounded px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100">
            Clear
          </button>
          <button type="button" onClick={onClose} className="rounded border border-slate-300 px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100">
            Cancel
          </button>
          <button
            type="button"
            data-testid="import-check"
            disabled={draft.lspci.trim() === ''}
            onClick={() => setResult(checkOf(read(draft)))}
            className="rounded border border-indigo-300 px-3 py-1.5 text-sm font-medium text-indigo-800 enabled:hover:bg-indigo-50 disabled:text-slate-400"
          >
            Check
          </button>
          <button
            type="button"
            data-testid="import-load"
            disabled={draft.lspci.trim() === ''}
            onClick={load}
            className="rounded bg-indigo-600 px-4 py-1.5 text-sm font-semibold text-white enabled:hover:bg-indigo-700 disabled:bg-slate-300"
          >
            Load machine
          </button>
        </footer>
      </div>
    </div>
  );
}
