// Reads the import dialog's texts into a scenario. Small pastes are read at once; a large one
// (measured: 50 MB of text takes seconds to minutes to read and group) goes to a worker, so the
// page stays responsive, says that it is reading, and can stop.
import { scenarioFromText, type MachineText, type ScenarioImportResult } from '../../store/importScenario.ts';

export interface ImportDraft {
  lspci: string;
  groupListing: string;
  /** The dropped file's name, or null for pasted text. */
  fileName: string | null;
}

/** Above this many characters the reading leaves the page's thread (about 10 ms of parsing below it). */
export const OFF_THREAD_CHARS = 256 * 1024;

export interface DraftRequest {
  text: MachineText;
  meta: { id: string; name: string; description: string };
}

export interface Reading {
  result: Promise<ScenarioImportResult>;
  /** Stops a reading in a worker; the result then says it was stopped. */
  cancel(): void;
  /** Whether the reading runs in a worker (and can be stopped). */
  inWorker: boolean;
}

function request(draft: ImportDraft): DraftRequest {
  const source = draft.fileName ?? 'pasted text';
  return {
    text: { lspci: draft.lspci, groupListing: draft.groupListing, source },
    meta: { id: 'imported', name: `Imported: ${source}`, description: `Imported from ${source}. Drag its devices onto drivers as with any scenario.` },
  };
}

const failed = (source: string | undefined, what: string): ScenarioImportResult => ({ ok: false, error: { line: null, message: `${source ?? 'the input'}: ${what}` } });

export function readDraft(draft: ImportDraft): Reading {
  const req = request(draft);
  const size = draft.lspci.length + draft.groupListing.length;
  if (size < OFF_THREAD_CHARS || typeof Worker === 'undefined') return { result: Promise.resolve(scenarioFromText(req.text, req.meta)), cancel: () => undefined, inWorker: false };
  const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  let settle: (r: ScenarioImportResult) => void = () => undefined;
  const result = new Promise<ScenarioImportResult>((resolve) => {
    settle = (r) => {
      worker.terminate();
      resolve(r);
    };
  });
  worker.onmessage = (e: MessageEvent<ScenarioImportResult>) => settle(e.data);
  worker.onerror = (e) => settle(failed(req.text.source, `the reader stopped (${e.message || 'it ran out of memory'}); nothing was imported.`));
  worker.postMessage(req);
  return { result, cancel: () => settle(failed(req.text.source, 'reading was stopped; nothing was imported.')), inWorker: true };
}
