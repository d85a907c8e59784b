// The design diff: for each pair of designs, every kind of difference ("group.setContainer: legacy
// ok, upstream EPERM") with how often the search met it and its shortest sequence, all of whose
// commands the two answer alike except the last.
import type { DiffReport, DifferenceKind } from '../../model/check/index.ts';
import type { Command } from '../../model/kernel/commands.ts';
import type { PolicyName } from '../../model/kernel/types.ts';
import { CommandList } from './CheckResults.tsx';

function Kind({ report, d, onLoad }: { report: DiffReport; d: DifferenceKind; onLoad: (policy: PolicyName, commands: readonly Command[]) => void }) {
  const [a, b] = report.policies;
  return (
    <li data-testid="check-diff-kind" data-kind={d.kind} className="flex min-w-0 flex-col gap-1 rounded border border-amber-200 bg-amber-50/40 p-2">
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <p className="text-[12px] text-slate-800">
            <span className="font-mono font-semibold text-slate-900">{d.op}</span>: {a} <b>{d.outcomes[0]}</b>, {b} <b>{d.outcomes[1]}</b>
          </p>
          <p className="text-[11px] text-slate-500">
            met {d.count.toLocaleString('en')}×; shortest sequence: {d.sequence.length} command{d.sequence.length === 1 ? '' : 's'}
          </p>
        </div>
        <button
          type="button"
          title={`Load the sequence into the timeline under ${a}`}
          className="shrink-0 rounded border border-indigo-300 bg-white px-2 py-0.5 text-[12px] font-medium text-indigo-800 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
          onClick={() => onLoad(a, d.sequence)}
        >
          Load
        </button>
      </div>
      <CommandList commands={d.sequence} testId="check-diff-sequence" />
      <p className="text-[11px] text-slate-700">
        <span className="font-semibold">{a}:</span> {d.messages[0]}
        <br />
        <span className="font-semibold">{b}:</span> {d.messages[1]}
      </p>
    </li>
  );
}

export function DiffResults({ reports, onLoad }: { reports: readonly DiffReport[]; onLoad: (policy: PolicyName, commands: readonly Command[]) => void }) {
  if (reports.length === 0) return null;
  return (
    <section aria-label="Design diff" data-testid="check-diff-results" className="flex flex-col gap-2">
      <h3 className="text-[13px] font-semibold text-slate-900">Design diff: where two designs answer the same sequence differently</h3>
      {reports.map((r, i) => (
        <details key={r.policies.join('-')} open={i === 0} data-testid={`check-diff-${r.policies.join('-')}`} className="rounded border border-slate-200">
          <summary className="cursor-pointer px-2 py-1 text-[12px] text-slate-800">
            <b>{r.policies[0]}</b> vs <b>{r.policies[1]}</b>: {r.differences.length} kind{r.differences.length === 1 ? '' : 's'} of difference
            {!r.complete && <span className="text-amber-700"> (search stopped: {r.stoppedBy})</span>}
          </summary>
          <ul className="grid grid-cols-[repeat(auto-fill,minmax(22rem,1fr))] gap-2 p-2">
            {r.differences.map((d) => (
              <Kind key={d.kind} report={r} d={d} onLoad={onLoad} />
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
