// What reading the pasted text found: the error that stopped it (naming the line), or the warnings
// (each naming its line) and what the user must know about the groups.
import type { ImportError, ImportWarning } from '../../io/importResult.ts';

/** Enough warnings to act on; the rest are counted. */
const SHOWN_WARNINGS = 50;

export type CheckResult = { ok: false; error: ImportError } | { ok: true; warnings: readonly ImportWarning[]; findings: readonly string[]; functions: number; groups: number };

export function ImportReport({ result }: { result: CheckResult }) {
  if (!result.ok) {
    return (
      <div data-testid="import-error" role="alert" className="rounded border border-rose-300 bg-rose-50 px-3 py-2 text-[13px] text-rose-900">
        <p className="font-semibold">Not imported{result.error.line === null ? '' : ` (line ${result.error.line})`}; the current machine is unchanged.</p>
        <p className="mt-0.5 break-words">{result.error.message}</p>
      </div>
    );
  }
  const { warnings, findings } = result;
  const differs = findings.length > 1;
  return (
    <div data-testid="import-report" className="space-y-2 text-[13px]">
      <p className="text-slate-800">
        Read {result.functions} functions in {result.groups} IOMMU groups.
      </p>
      {findings.length > 0 && (
        <div data-testid="import-findings" className={`rounded border px-3 py-2 ${differs ? 'border-amber-400 bg-amber-50 text-amber-950' : 'border-slate-200 bg-slate-50 text-slate-800'}`}>
          <p className="font-semibold">{findings[0]}</p>
          {differs && (
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {findings.slice(1).map((f, i) => <li key={i}>{f}</li>)}
            </ul>
          )}
        </div>
      )}
      {warnings.length > 0 && (
        <div>
          <p className="font-semibold text-slate-800">
            {warnings.length} warning{warnings.length === 1 ? '' : 's'}
          </p>
          <ol data-testid="import-warnings" className="mt-1 max-h-40 space-y-1 overflow-y-auto pr-1">
            {warnings.slice(0, SHOWN_WARNINGS).map((w, i) => (
              <li key={i} className="flex gap-2 rounded bg-amber-50 px-2 py-1 text-[12px] leading-4 text-amber-950">
                <span className="w-[4.5rem] shrink-0 whitespace-nowrap font-mono text-amber-700">{w.line === null ? 'all' : `line ${w.line}`}</span>
                <span className="min-w-0 break-words">{withoutPlace(w.message, w.line)}</span>
              </li>
            ))}
          </ol>
          {warnings.length > SHOWN_WARNINGS && <p className="text-[12px] text-slate-500">and {warnings.length - SHOWN_WARNINGS} more.</p>}
        </div>
      )}
    </div>
  );
}

/** The message without its leading "pasted text, line 76: ": the line stands in its own column. */
function withoutPlace(message: string, line: number | null): string {
  const marker = line === null ? null : `line ${line}: `;
  const at = marker === null ? -1 : message.indexOf(marker);
  return at < 0 || at > 80 ? message : message.slice(at + marker!.length);
}
