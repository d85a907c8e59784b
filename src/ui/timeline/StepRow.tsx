// One step of the timeline: its number, result icon and label; a click travels to the machine as it
// was after it. Done steps can be moved up or down or deleted (the rest re-runs); undone steps are
// greyed until they are redone.
import type { Step } from '../../store/history.ts';
import { commandLine } from '../../store/notices.ts';
import type { StepResult } from './stepResult.ts';

export type StepState = 'done' | 'current' | 'future';

interface Props {
  step: Step;
  index: number;
  state: StepState;
  result: StepResult | null;
  /** Null for undone steps: only done steps are rewritten. */
  onMove: ((to: number) => void) | null;
  onDelete: (() => void) | null;
  onTravel: () => void;
  canMoveDown: boolean;
  /** How the three designs answer this step differently, when the timeline marks that. */
  difference: string | null;
}

const ICONS: Record<StepResult['kind'] | 'pending', { icon: string; className: string; label: string }> = {
  ok: { icon: '✓', className: 'text-emerald-700', label: 'ok' },
  errno: { icon: '✗', className: 'text-rose-700', label: 'refused' },
  bug: { icon: '⚠', className: 'text-red-700', label: 'kernel BUG' },
  'not-run': { icon: '–', className: 'text-slate-500', label: 'not run' },
  edit: { icon: '✎', className: 'text-indigo-700', label: 'edit' },
  'edit-failed': { icon: '✗', className: 'text-amber-700', label: 'edit no longer applies' },
  pending: { icon: '○', className: 'text-slate-400', label: 'undone' },
};

/** The label, or the command itself where the label says only where it came from. */
function describe(step: Step): { title: string; detail: string } {
  if (step.kind === 'edit') return { title: step.label, detail: 'what-if edit' };
  const lines = step.commands.map(commandLine);
  if (step.label === 'scenario' || step.label.startsWith('console')) return { title: lines.join('; '), detail: step.label === 'scenario' ? '' : 'console' };
  return { title: step.label, detail: step.commands.map((c) => c.op).join(' · ') };
}

const smallButton = 'rounded px-1 text-[12px] text-slate-500 hover:bg-slate-200 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600';

export function StepRow({ step, index, state, result, onMove, onDelete, onTravel, canMoveDown, difference }: Props) {
  const { title, detail } = describe(step);
  const icon = ICONS[result?.kind ?? 'pending'];
  const why = result && 'message' in result ? result.message : '';
  const errno = result?.kind === 'errno' ? result.errno : result?.kind === 'bug' ? 'BUG' : '';
  return (
    <li
      data-testid="timeline-step"
      data-index={index}
      data-state={state}
      data-result={result?.kind ?? 'pending'}
      data-errno={errno}
      aria-current={state === 'current' ? 'step' : undefined}
      className={`group flex items-center gap-1 border-l-4 pr-2 ${state === 'current' ? 'border-indigo-600 bg-indigo-50' : 'border-transparent'} ${state === 'future' ? 'opacity-55' : ''}`}
    >
      <button
        type="button"
        data-testid="timeline-travel"
        onClick={onTravel}
        title={state === 'future' ? `Redo up to step ${index}` : `Show the machine after step ${index}${why ? `: ${why}` : ''}`}
        className="flex min-w-0 flex-1 items-baseline gap-2 px-2 py-0.5 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600"
      >
        <span className="w-6 shrink-0 text-right font-mono text-[11px] text-slate-500">{index}</span>
        <span aria-label={icon.label} className={`w-3 shrink-0 text-center font-bold ${icon.className}`}>
          {icon.icon}
        </span>
        <span className="min-w-0 truncate font-mono text-[12px] text-slate-900">{title}</span>
        {detail && <span className="shrink-0 text-[11px] text-slate-500">{detail}</span>}
        {result?.kind === 'ok' && result.status && <span className="shrink-0 text-[11px] font-semibold text-emerald-800">{result.status}</span>}
        {errno && <span className={`shrink-0 rounded px-1 text-[11px] font-semibold ${result?.kind === 'bug' ? 'bg-red-700 text-white' : 'bg-rose-100 text-rose-800'}`}>{errno}</span>}
        {why && <span className="min-w-0 truncate text-[11px] text-slate-500">{why}</span>}
      </button>
      {difference && (
        <span data-testid="timeline-difference" title={difference} className="max-w-[22rem] shrink-0 truncate rounded bg-amber-100 px-1.5 text-[11px] text-amber-900">
          ≠ {difference}
        </span>
      )}
      {onMove && (
        <>
          <button type="button" data-testid="timeline-move-up" aria-label={`Move step ${index} up`} disabled={index === 1} onClick={() => onMove(index - 2)} className={`${smallButton} disabled:opacity-30`}>
            ↑
          </button>
          <button type="button" data-testid="timeline-move-down" aria-label={`Move step ${index} down`} disabled={!canMoveDown} onClick={() => onMove(index)} className={`${smallButton} disabled:opacity-30`}>
            ↓
          </button>
        </>
      )}
      {onDelete && (
        <button type="button" data-testid="timeline-delete" aria-label={`Delete step ${index}`} onClick={onDelete} className={`${smallButton} hover:text-rose-700`}>
          ×
        </button>
      )}
    </li>
  );
}
