// Drop a saved scenario (.json) or an exported PNG anywhere on the app to open it. While a file is
// dragged over the page a frame says so; a file that cannot be opened gets one sentence, and the
// current scenario stays. Drops a text box handles itself (lspci text) are left to it.
import { useEffect, useState } from 'react';
import { useExplorerStore } from '../app/explorerContext.ts';
import { isScenarioFile, openScenarioFile } from './openScenarioFile.ts';

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

export function ScenarioFileDrop() {
  const store = useExplorerStore();
  const [over, setOver] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth += 1;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const dragOver = (e: DragEvent) => {
      // Without this the browser would open the file itself, leaving the app.
      if (carriesFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      depth = 0;
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (e.defaultPrevented || !file) return;
      e.preventDefault();
      setError(null);
      void openScenarioFile(store, file).then((why) =>
        // The bytes decide (a renamed picture opens); for other files the likely intent is named.
        setError(why === null || isScenarioFile(file) ? why : `${file.name} is not a saved scenario or an exported PNG; lspci text goes into "Import lspci…".`),
      );
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', dragOver);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', dragOver);
      window.removeEventListener('drop', drop);
    };
  }, [store]);

  return (
    <>
      {over && (
        // A frame, not a veil: a text box that takes the drop itself (lspci text) stays visible.
        <div className="pointer-events-none fixed inset-1 z-50 flex items-start justify-center rounded-xl border-4 border-dashed border-indigo-500">
          <p className="mt-2 rounded-lg bg-white px-4 py-2 text-sm font-semibold text-indigo-900 shadow">Drop a saved scenario (.json) or an exported PNG to open it</p>
        </div>
      )}
      {error && (
        <div role="alert" data-testid="scenario-open-error" className="fixed top-16 left-1/2 z-50 flex w-[36rem] max-w-[90vw] -translate-x-1/2 items-start gap-3 rounded-lg border-l-4 border-rose-600 bg-white p-3 shadow-lg">
          <p className="min-w-0 flex-1 text-[13px] leading-snug break-words text-slate-800">
            <span className="font-semibold text-rose-800">Not opened; the current scenario is unchanged.</span> {error}
          </p>
          <button type="button" aria-label="dismiss" onClick={() => setError(null)} className="text-slate-400 hover:text-slate-700">
            ×
          </button>
        </div>
      )}
    </>
  );
}
