// The check's verdicts: one row per invariant (model.md §6), one column per design, each cell holds
// or broken; below, every broken one with its shortest counterexample as numbered commands and a
// button that loads it into the timeline to replay it.
import type { CheckReport, InvariantFinding } from '../../model/check/index.ts';
import type { Command } from '../../model/kernel/commands.ts';
import { INVARIANT_IDS, INVARIANT_NAMES } from '../../model/kernel/invariants.ts';
import type { PolicyName } from '../../model/kernel/types.ts';
import { commandLine } from '../../store/notices.ts';

const buttonClass =
  'shrink-0 whitespace-nowrap rounded border border-indigo-300 bg-white px-2 py-0.5 text-[12px] font-medium text-indigo-800 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600';

export function CommandList({ commands, testId }: { commands: readonly Command[]; testId: string }) {
  return (
    <ol data-testid={testId} className="list-decimal pl-7 font-mono text-[12px] leading-5 text-slate-900 marker:text-slate-400">
      {commands.map((c, i) => (
        <li key={i}>{commandLine(c)}</li>
      ))}
    </ol>
  );
}

function Verdict({ report, finding }: { report: CheckReport; finding: InvariantFinding }) {
  const tone = finding.holds ? 'bg-emerald-50 text-emerald-800' : 'bg-rose-100 text-rose-800';
  const text = finding.holds ? (report.complete ? 'holds' : 'holds so far') : `broken · ${finding.counterexample!.length}`;
  return (
    <td data-testid={`check-result-${report.policy}-${finding.id}`} data-holds={String(finding.holds)} title={finding.message} className="px-2 py-0.5">
      <span className={`inline-block rounded px-1.5 font-mono text-[11px] font-semibold ${tone}`}>{text}</span>
    </td>
  );
}

function Counterexample({ report, finding, onLoad }: { report: CheckReport; finding: InvariantFinding; onLoad: (policy: PolicyName, commands: readonly Command[]) => void }) {
  const commands = finding.counterexample!;
  return (
    <li data-testid={`check-counterexample-${report.policy}-${finding.id}`} className="flex min-w-0 flex-col gap-1 rounded border border-rose-200 bg-rose-50/40 p-2">
      <div className="flex items-baseline gap-2">
        <span className="text-[12px] font-semibold text-slate-900">
          {report.policy} breaks {finding.id} ({INVARIANT_NAMES[finding.id]}) in {commands.length} command{commands.length === 1 ? '' : 's'}
        </span>
        <span className="flex-1" />
        <button type="button" data-testid={`check-load-${report.policy}-${finding.id}`} className={buttonClass} onClick={() => onLoad(report.policy, commands)}>
          Load into timeline
        </button>
      </div>
      <CommandList commands={commands} testId={`check-commands-${report.policy}-${finding.id}`} />
      <p className="text-[12px] text-rose-900">{finding.message}</p>
    </li>
  );
}

export function CheckResults({ reports, onLoad }: { reports: readonly CheckReport[]; onLoad: (policy: PolicyName, commands: readonly Command[]) => void }) {
  if (reports.length === 0) return null;
  const broken = reports.flatMap((r) => r.invariants.filter((f) => !f.holds).map((f) => ({ report: r, finding: f })));
  return (
    <section aria-label="Invariants" className="flex flex-col gap-2">
      <table data-testid="check-results" className="self-start border-collapse text-left text-[12px]">
        <thead className="text-slate-600">
          <tr>
            <th className="px-2 py-0.5 font-medium">invariant</th>
            {reports.map((r) => (
              <th key={r.policy} className="px-2 py-0.5 font-semibold text-slate-800" title={`${r.states.toLocaleString('en')} states, ${r.transitions.toLocaleString('en')} commands tried${r.complete ? '' : `; stopped by ${r.stoppedBy}`}`}>
                {r.policy}
                {!r.complete && <span className="ml-1 font-normal text-amber-700">(stopped: {r.stoppedBy})</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {INVARIANT_IDS.map((id) => (
            <tr key={id} className="border-t border-slate-100">
              <th scope="row" className="px-2 py-0.5 font-normal text-slate-800">
                <span className="font-mono font-semibold">{id}</span> {INVARIANT_NAMES[id]}
              </th>
              {reports.map((r) => (
                <Verdict key={r.policy} report={r} finding={r.invariants.find((f) => f.id === id)!} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {broken.length > 0 && (
        <ul className="grid grid-cols-[repeat(auto-fill,minmax(22rem,1fr))] gap-2">
          {broken.map(({ report, finding }) => (
            <Counterexample key={`${report.policy}-${finding.id}`} report={report} finding={finding} onLoad={onLoad} />
          ))}
        </ul>
      )}
    </section>
  );
}
