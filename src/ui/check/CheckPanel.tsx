// The Check panel (issue 7 item 2): every command sequence of a bounded world of the current
// scenario, explored in a Web Worker, with each invariant per design as holds or broken, the
// shortest counterexamples ready to load into the timeline, and the design diff.
import { useStore } from 'zustand';
import { checkSettingsSchema } from '../../model/check/index.ts';
import type { Command } from '../../model/kernel/commands.ts';
import type { PolicyName } from '../../model/kernel/types.ts';
import { useExplorer, useExplorerStore } from '../app/explorerContext.ts';
import { checkOptionsStore, settingsOf } from './checkOptions.ts';
import { CheckOptionsForm } from './CheckOptionsForm.tsx';
import { CheckProgress } from './CheckProgress.tsx';
import { CheckResults } from './CheckResults.tsx';
import { cancelCheck, checkRunStore, startCheck } from './checkRunStore.ts';
import { DiffResults } from './DiffResults.tsx';

const buttonClass =
  'rounded border px-3 py-0.5 text-[12px] font-semibold focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600 disabled:border-slate-200 disabled:bg-slate-100 disabled:text-slate-400';

export function CheckPanel() {
  const store = useExplorerStore();
  const scenario = useExplorer((s) => s.scenario);
  const grouping = useExplorer((s) => s.grouping);
  const options = useStore(checkOptionsStore);
  const run = useStore(checkRunStore);
  const busy = run.status === 'running' || run.status === 'cancelling';

  const parsed = checkSettingsSchema.safeParse(settingsOf(options));
  const problem = !parsed.success
    ? parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`).join('; ')
    : options.policies.length === 0
      ? 'choose at least one design'
      : null;

  const onRun = () => {
    if (problem) return;
    startCheck(
      { topology: scenario.topology, grouping, settings: settingsOf(options), policies: options.policies, diff: options.diff, ...(scenario.machineOptions ? { machine: scenario.machineOptions } : {}) },
      scenario,
    );
  };

  const onLoad = (policy: PolicyName, commands: readonly Command[]) => {
    const explored = run.scenario ?? scenario;
    const { loadScenario, showPanel } = store.getState();
    loadScenario({ ...explored, policy, commands });
    showPanel('timeline');
  };

  return (
    <div data-testid="check-panel" data-status={run.status} className="flex h-full min-h-0 text-sm">
      <aside className="w-72 shrink-0 overflow-y-auto border-r border-slate-200 px-3 py-2">
        <CheckOptionsForm disabled={busy} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <div role="toolbar" aria-label="Check controls" className="flex shrink-0 items-center gap-2 border-b border-slate-200 px-3 py-1">
          <button type="button" data-testid="check-run" disabled={busy || problem !== null} onClick={onRun} className={`${buttonClass} border-indigo-700 bg-indigo-700 text-white enabled:hover:bg-indigo-800`}>
            Run check
          </button>
          <button type="button" data-testid="check-cancel" disabled={run.status !== 'running'} onClick={cancelCheck} className={`${buttonClass} border-slate-300 bg-white text-slate-800 enabled:hover:bg-slate-100`}>
            Cancel
          </button>
          <CheckProgress run={run} />
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto px-3 py-2">
          {problem && (
            <p role="alert" data-testid="check-problem" className="mb-2 rounded bg-rose-50 px-2 py-1 text-[12px] text-rose-900">
              Cannot run: {problem}.
            </p>
          )}
          {run.status === 'failed' && (
            <p role="alert" data-testid="check-error" className="mb-2 rounded bg-rose-50 px-2 py-1 text-[12px] text-rose-900">
              The check failed: {run.error}
            </p>
          )}
          {run.status === 'idle' ? (
            <p className="max-w-prose text-[12px] text-slate-600">
              Tries every sequence of driver, group, container and IOASID commands on the groups of <b>{scenario.name}</b> with two or more devices, starting from the
              machine as loaded (your steps are not part of it), and says for each design whether the invariants I1–I5 hold in every state reached. A broken one comes with
              a shortest sequence that breaks it.
            </p>
          ) : (
            <div className="flex flex-col gap-3">
              {run.scenario && (
                <p data-testid="check-explored" className="text-[12px] text-slate-600">
                  {run.status === 'running' || run.status === 'cancelling' ? 'Exploring' : 'Explored'} <b>{run.scenario.name}</b> from the machine as loaded
                  {run.checks.length > 0 && `: ${run.checks.map((r) => `${r.policy} ${r.states.toLocaleString('en')} states`).join(', ')}`}.
                </p>
              )}
              <CheckResults reports={run.checks} onLoad={onLoad} />
              <DiffResults reports={run.diffs} onLoad={onLoad} />
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
