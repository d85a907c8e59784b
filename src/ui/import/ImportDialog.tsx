// Bring your own machine: paste or drop `lspci -vvv` text, optionally with the kernel's group
// listing; check it (warnings with their lines, where the groups came from and whether they match
// the kernel's), then load it as the current scenario. A failed import changes nothing, and the
// texts stay in the boxes until the user clears them. A saved scenario or an exported PNG, chosen
// or dropped here, opens as it was saved.
import { ModalDialog } from '../app/ModalDialog.tsx';
import { useEffect, useRef, useState } from 'react';
import type { ScenarioImportResult } from '../../store/importScenario.ts';
import { useExplorerStore } from '../app/explorerContext.ts';
import { openScenarioFile } from '../export/openScenarioFile.ts';
import { ImportReport, type CheckResult } from './ImportReport.tsx';
import { EMPTY_DRAFT } from './emptyDraft.ts';
import { readDraft, type ImportDraft, type Reading } from './readDraft.ts';
import { TextDrop } from './TextDrop.tsx';

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
  const [reading, setReading] = useState<Reading | null>(null);
  /** The reading whose outcome is still wanted (an edit or a closed dialog drops it). */
  const wanted = useRef<Reading | null>(null);
  const drop = () => {
    wanted.current?.cancel();
    wanted.current = null;
    setReading(null);
  };
  const edit = (next: ImportDraft) => {
    drop();
    setDraft(next);
    setResult(null);
  };
  /** Reads the draft (a large one in a worker), shows the outcome, and loads it when asked to. */
  const read = (andLoad: boolean) => {
    const r = readDraft(draft);
    wanted.current = r;
    setReading(r);
    void r.result.then((outcome) => {
      if (wanted.current !== r) return;
      wanted.current = null;
      setReading(null);
      setResult(checkOf(outcome));
      if (!andLoad || !outcome.ok) return;
      store.getState().loadScenario(outcome.scenario);
      onClose();
    });
  };
  useEffect(() => () => wanted.current?.cancel(), []);

  const openFile = (file: File) => {
    void openScenarioFile(store, file).then((why) => (why === null ? onClose() : setResult({ ok: false, error: { line: null, message: why } })));
  };

  return (
    <ModalDialog labelledBy="import-title" testId="import-dialog" onClose={onClose} className="gap-3">
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
          onScenarioFile={openFile}
        />
        <TextDrop
          label="Kernel's groups (optional)"
          hint="find /sys/kernel/iommu_groups/ -type l"
          value={draft.groupListing}
          onChange={(groupListing) => edit({ ...draft, groupListing })}
          testId="import-groups"
          rows={14}
          onScenarioFile={openFile}
        />
      </div>
      <p className="text-[12px] text-slate-600">
        Or open a scenario saved here (.json) or a PNG exported here:{' '}
        <label className="cursor-pointer text-indigo-700 underline decoration-indigo-300 underline-offset-2">
          choose the file
          <input type="file" data-testid="import-scenario-file" accept=".json,application/json,.png,image/png" className="sr-only" onChange={(e) => e.target.files?.[0] && openFile(e.target.files[0])} />
        </label>
      </p>
      {reading?.inWorker && (
        <p data-testid="import-reading" role="status" className="flex items-center gap-3 rounded border border-indigo-200 bg-indigo-50 px-3 py-2 text-[13px] text-indigo-950">
          Reading {((draft.lspci.length + draft.groupListing.length) / 1024 / 1024).toFixed(1)} MB of text; the page stays usable meanwhile.
          <button type="button" data-testid="import-stop" onClick={() => reading.cancel()} className="rounded border border-indigo-300 bg-white px-2 py-0.5 hover:bg-indigo-100">
            Stop
          </button>
        </p>
      )}
      {result && !reading && <ImportReport result={result} />}
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
          disabled={!/\S/.test(draft.lspci) || reading !== null}
          onClick={() => read(false)}
          className="rounded border border-indigo-300 px-3 py-1.5 text-sm font-medium text-indigo-800 enabled:hover:bg-indigo-50 disabled:text-slate-400"
        >
          Check
        </button>
        <button
          type="button"
          data-testid="import-load"
          disabled={!/\S/.test(draft.lspci) || reading !== null}
          onClick={() => read(true)}
          className="rounded bg-indigo-600 px-4 py-1.5 text-sm font-semibold text-white enabled:hover:bg-indigo-700 disabled:bg-slate-300"
        >
          Load machine
        </button>
      </footer>
    </ModalDialog>
  );
}
