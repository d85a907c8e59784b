// Compare designs: the current steps replayed under all three policies at once (store/compare.ts),
// one row per command, one column per policy, the rows where the designs answer differently marked.
// A row's step number travels the timeline to that step.
import { useDeferredValue, useMemo, useState } from 'react';
import { POLICY_NAMES, type PolicyName } from '../../model/kernel/types.ts';
import { compareDesigns, type CellOutcome, type CompareRow } from '../../store/compare.ts';
import { commandLine } from '../../store/notices.ts';
import { useExplorer, useExplorerStore } from '../app/explorerContext.ts';

const CELL_TONE: Record<CellOutcome['class'], string> = {
  ok: 'bg-emerald-50 text-emerald-800',
  errno: 'bg-rose-100 text-rose-800',
  bug: 'bg-red-700 text-white',
  'not-run': 'bg-slate-100 text-slate-500',
};

function Cell({ policy, cell, current }: { policy: PolicyName; cell: CellOutcome; current: boolean }) {
  return (
    <td data-testid={`compare-cell-${policy}`} data-outcome={cell.class} data-answer={cell.text} title={cell.message || undefined} className={`px-2 py-0.5 ${current ? 'bg-indigo-50/60' : ''}`}>
      <span className={`inline-block rounded px-1.5 font-mono text-[11px] font-semibold ${CELL_TONE[cell.class]}`}>{cell.text}</span>
      {cell.class !== 'ok' && cell.message && <span className="ml-1.5 hidden text-[11px] text-slate-600 xl:inline">{shorten(cell.message)}</span>}
    </td>
  );
}

const shorten = (text: string) => (text.length > 70 ? `${text.slice(0, 68)}…` : text);

function Row({ row, policy, first, onTravel }: { row: CompareRow; policy: PolicyName; first: boolean; onTravel: () => void }) {
  return (
    <tr data-testid="compare-row" data-step={row.stepNumber} data-op={row.command?.op ?? 'edit'} data-differs={String(row.differs)} className={`border-t ${first ? 'border-slate-200' : 'border-slate-100'} ${row.differs ? 'bg-amber-50' : ''}`}>
      <td className="w-10 px-2 py-0.5 text-right align-top">
        {first && (
          <button type="button" onClick={onTravel} title={`Show the machine after step ${row.stepNumber}`} className="rounded px-1 font-mono text-[11px] text-indigo-700 hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-indigo-600">
            {row.stepNumber}
          </button>
        )}
      </td>
      <td className="max-w-[28rem] truncate px-2 py-0.5 font-mono text-[12px] text-slate-900" title={row.label}>
        {row.differs && <span className="mr-1 font-sans font-bold text-amber-700" aria-label="differs">≠</span>}
        {row.command ? commandLine(row.command) : `edit: ${row.label}`}
      </td>
      {POLICY_NAMES.map((p) => (
        <Cell key={p} policy={p} cell={row.cells[p]} current={p === policy} />
      ))}
    </tr>
  );
}

export function CompareView() {
  const store = useExplorerStore();
  const base = useExplorer((s) => s.baseScenario);
  // Three replays per change (some 80 ms on a 300-function machine): deferred, so a click answers first.
  const steps = useDeferredValue(useExplorer((s) => s.steps));
  const policy = useExplorer((s) => s.policy);
  const [onlyDiffering, setOnlyDiffering] = useState(false);
  const rows = useMemo(() => compareDesigns(base, steps), [base, steps]);
  const differing = rows.filter((r) => r.differs).length;
  const shown = onlyDiffering ? rows.filter((r) => r.differs) : rows;
  return (
    <div data-testid="compare-view" data-differing={differing} className="flex h-full min-h-0 flex-col text-sm">
      <div className="flex shrink-0 items-center gap-4 border-b border-slate-200 px-3 py-1 text-[12px] text-slate-600">
        <span data-testid="compare-summary">
          {rows.length === 0
            ? 'No steps to compare yet.'
            : `${rows.length} command${rows.length === 1 ? '' : 's'} in ${steps.length} step${steps.length === 1 ? '' : 's'}, replayed under each design: ${differing} answered differently.`}
        </span>
        <label className="flex items-center gap-1.5">
          <input type="checkbox" data-testid="compare-only-differing" checked={onlyDiffering} onChange={(e) => setOnlyDiffering(e.target.checked)} />
          only where they differ
        </label>
      </div>
      <div className="min-h-0 flex-1 overflow-auto">
        <table data-testid="compare-table" className="w-full border-collapse text-left">
          <thead className="sticky top-0 bg-white text-[12px] text-slate-600 shadow-[0_1px_0_rgb(226_232_240)]">
            <tr>
              <th className="px-2 py-1 text-right font-medium">step</th>
              <th className="px-2 py-1 font-medium">command</th>
              {POLICY_NAMES.map((p) => (
                <th key={p} className={`px-2 py-1 font-semibold ${p === policy ? 'text-indigo-800' : 'text-slate-700'}`}>
                  {p}
                  {p === policy && <span className="ml-1 font-normal text-indigo-600">(shown)</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, i) => (
              <Row key={`${row.stepId}-${i}`} row={row} policy={policy} first={shown[i - 1]?.stepId !== row.stepId} onTravel={() => store.getState().jumpTo(row.stepNumber)} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
