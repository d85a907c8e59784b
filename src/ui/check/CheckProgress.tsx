// How far a check run is: a bar over its searches (one per design, one per diffed pair) and, for
// the search under way, the states found, the depth reached and the states per second.
import type { CheckRun } from './checkRunStore.ts';

const count = (n: number) => n.toLocaleString('en');

export function CheckProgress({ run }: { run: CheckRun }) {
  if (run.status === 'idle') return null;
  const p = run.progress;
  const current = run.phase?.kind === 'check' ? `checking ${run.phase.policy}` : run.phase?.kind === 'diff' ? `diffing ${run.phase.policies.join(' vs ')}` : null;
  const rate = p && p.seconds > 0 ? `${count(Math.round(p.states / p.seconds))} states/s` : null;
  const busy = run.status === 'running' || run.status === 'cancelling';
  const fraction = run.phasesTotal === 0 ? 0 : Math.min(1, run.phasesDone / run.phasesTotal);
  const summary =
    run.status === 'done'
      ? `done: ${run.phasesDone} search${run.phasesDone === 1 ? '' : 'es'}`
      : run.status === 'cancelled'
        ? 'cancelled: the results below cover what was explored'
        : run.status === 'cancelling'
          ? 'cancelling…'
          : run.status === 'failed'
            ? 'failed'
            : current;
  return (
    <div data-testid="check-progress" data-busy={String(busy)} className="flex min-w-0 flex-1 items-center gap-2 text-[12px] text-slate-700">
      <div
        role="progressbar"
        aria-label="Searches done"
        aria-valuemin={0}
        aria-valuemax={run.phasesTotal}
        aria-valuenow={run.phasesDone}
        className="h-2 w-32 shrink-0 overflow-hidden rounded bg-slate-200"
      >
        <div className={`h-full ${run.status === 'cancelled' || run.status === 'failed' ? 'bg-amber-500' : 'bg-indigo-600'} ${busy ? 'animate-pulse' : ''}`} style={{ width: `${Math.max(busy ? 4 : 0, fraction * 100)}%` }} />
      </div>
      <span className="shrink-0 font-medium">{summary}</span>
      {p && busy && (
        <span data-testid="check-progress-figures" className="truncate font-mono text-[11px] text-slate-600">
          {count(p.states)} states · depth {p.depth} · {rate ?? '…'}
        </span>
      )}
    </div>
  );
}
