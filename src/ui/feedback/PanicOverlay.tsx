// A kernel BUG stops the simulated machine. The overlay shows it the way a console would, and
// offers the one way on: undo the action that caused it.
import { useExplorer } from '../app/explorerContext.ts';

export function PanicOverlay() {
  const panic = useExplorer((s) => s.machine.panic);
  const lastAction = useExplorer((s) => s.steps[s.steps.length - 1]?.label ?? null);
  const undo = useExplorer((s) => s.undo);
  const policy = useExplorer((s) => s.policy);
  if (!panic) return null;
  return (
    <div data-testid="panic-overlay" role="alertdialog" aria-label="kernel BUG" className="fixed inset-0 z-50 flex items-center justify-center bg-slate-950/70 p-6">
      <div className="w-full max-w-3xl overflow-hidden rounded-lg border border-rose-700 bg-black shadow-2xl">
        <pre className="overflow-x-auto p-5 font-mono text-[13px] leading-relaxed whitespace-pre-wrap text-rose-200">
          {[
            '------------[ cut here ]------------',
            panic.message,
            `culprit: ${panic.culprit}`,
            `policy:  ${policy}`,
            `rule:    ${panic.rule}`,
            '---[ end trace ]---',
            'The machine has stopped: no further command runs.',
          ].join('\n')}
        </pre>
        <div className="flex items-center justify-between gap-3 border-t border-rose-900 bg-slate-900 px-5 py-3">
          <span className="text-sm text-slate-300">{lastAction ? `Caused by: ${lastAction}` : ''}</span>
          <button
            type="button"
            data-testid="undo-button"
            onClick={undo}
            className="rounded-md bg-white px-4 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-200"
            autoFocus
          >
            Undo last action
          </button>
        </div>
      </div>
    </div>
  );
}
