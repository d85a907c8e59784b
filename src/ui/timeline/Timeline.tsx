// The timeline: the history as a list of steps with their results. Click a step to see the machine
// as it was after it (time travel: later steps stay, greyed, to be redone); undo, redo, play / pause
// a replay that animates each step; move or delete a done step and the rest re-runs. Flow presets
// load here as a new history, rewound to the start so they can be stepped through.
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { FLOW_PRESETS, flowPreset } from '../../scenarios/flows/presets.ts';
import { compareDesigns, stepDifferences } from '../../store/compare.ts';
import { useExplorer, useExplorerStore } from '../app/explorerContext.ts';
import { entriesByStep, stepResult } from './stepResult.ts';
import { StepRow, type StepState } from './StepRow.tsx';
import { usePlayback } from './usePlayback.ts';

const controlClass =
  'rounded border border-slate-300 bg-white px-2 py-0.5 text-[12px] text-slate-800 enabled:hover:bg-slate-100 disabled:text-slate-400 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600';

export function Timeline() {
  const store = useExplorerStore();
  const steps = useExplorer((s) => s.steps);
  const future = useExplorer((s) => s.future);
  const entries = useExplorer((s) => s.replay.entries);
  const editFailures = useExplorer((s) => s.editFailures);
  const base = useExplorer((s) => s.baseScenario);
  const scenarioName = base.name;
  // Replaying the log under all three designs costs three replays per change: only when asked.
  const [markDifferences, setMarkDifferences] = useState(false);
  const comparedSteps = useDeferredValue(steps);
  const differences = useMemo(() => (markDifferences ? stepDifferences(compareDesigns(base, comparedSteps)) : null), [markDifferences, base, comparedSteps]);
  const { playing, play, pause } = usePlayback();
  const byStep = useMemo(() => entriesByStep(entries), [entries]);
  const list = useRef<HTMLOListElement>(null);
  const { undo, redo, jumpTo, deleteStep, moveStep, loadScenario } = store.getState();
  const done = steps.length;
  const total = done + future.length;

  useEffect(() => {
    list.current?.querySelector('[aria-current="step"]')?.scrollIntoView({ block: 'nearest' });
  }, [done]);

  /** Any manual travel stops a replay in progress. */
  const manual = (f: () => void) => () => {
    pause();
    f();
  };

  const loadFlow = (id: string) => {
    const preset = flowPreset(id);
    if (!preset) return;
    pause();
    loadScenario(preset.scenario);
    store.getState().jumpTo(0);
  };

  const stateOf = (i: number): StepState => (i < done - 1 ? 'done' : i === done - 1 ? 'current' : 'future');

  return (
    <div data-testid="timeline" data-playing={String(playing)} data-done={done} data-total={total} className="flex h-full min-h-0 flex-col text-sm">
      <div role="toolbar" aria-label="Timeline controls" className="flex shrink-0 flex-wrap items-center gap-1.5 border-b border-slate-200 px-3 py-1">
        <button type="button" data-testid="timeline-rewind" className={controlClass} disabled={done === 0} onClick={manual(() => jumpTo(0))} title="Go back to the start">
          ◀◀ Start
        </button>
        <button type="button" data-testid="timeline-undo" className={controlClass} disabled={done === 0} onClick={manual(undo)} title="Undo (Ctrl+Z)">
          ◀ Undo
        </button>
        <button
          type="button"
          data-testid="timeline-play"
          aria-pressed={playing}
          className={`${controlClass} min-w-[4.5rem] font-semibold`}
          disabled={total === 0}
          onClick={playing ? pause : play}
          title={playing ? 'Pause the replay' : future.length > 0 ? 'Replay the undone steps one by one' : 'Replay every step from the start'}
        >
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <button type="button" data-testid="timeline-redo" className={controlClass} disabled={future.length === 0} onClick={manual(redo)} title="Redo one step (Ctrl+Shift+Z, Ctrl+Y)">
          Step ▶
        </button>
        <button type="button" data-testid="timeline-end" className={controlClass} disabled={future.length === 0} onClick={manual(() => jumpTo(total))} title="Redo every undone step">
          End ▶▶
        </button>
        <span data-testid="timeline-position" className="ml-1 text-[12px] text-slate-600">
          {done} of {total} step{total === 1 ? '' : 's'} done
        </span>
        <span className="flex-1" />
        <label className="flex items-center gap-1.5 text-[12px] text-slate-600" title="Mark the steps that legacy, rfc-v2 and upstream answer differently">
          <input type="checkbox" data-testid="timeline-mark-differences" checked={markDifferences} onChange={(e) => setMarkDifferences(e.target.checked)} />
          mark where the designs differ
        </label>
        <label className="flex items-center gap-1.5 text-[12px] text-slate-600">
          Flows
          <select
            data-testid="timeline-flows"
            value=""
            onChange={(e) => loadFlow(e.target.value)}
            className="max-w-[24rem] rounded border border-slate-300 bg-white px-1.5 py-0.5 text-[12px] text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <option value="">Load a flow as a new history…</option>
            {FLOW_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.scenario.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ol ref={list} aria-label="Steps" className="min-h-0 flex-1 overflow-y-auto py-0.5">
        <li data-testid="timeline-start" data-state={done === 0 ? 'current' : 'done'} className={`border-l-4 ${done === 0 ? 'border-indigo-600 bg-indigo-50' : 'border-transparent'}`}>
          <button
            type="button"
            onClick={manual(() => jumpTo(0))}
            className="flex w-full items-baseline gap-2 px-2 py-0.5 text-left text-[12px] text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600"
          >
            <span className="w-6 text-right font-mono text-[11px]">0</span>
            <span className="w-3" />
            start: {scenarioName}
          </button>
        </li>
        {[...steps, ...future].map((step, i) => {
          const state = stateOf(i);
          const isDone = state !== 'future';
          return (
            <StepRow
              key={step.id}
              step={step}
              index={i + 1}
              state={state}
              result={isDone ? stepResult(step, byStep.get(step.id) ?? [], editFailures.get(step.id)) : null}
              onTravel={manual(() => jumpTo(i + 1))}
              onMove={isDone ? (to) => manual(() => moveStep(step.id, to))() : null}
              onDelete={isDone ? manual(() => deleteStep(step.id)) : null}
              canMoveDown={i < done - 1}
              difference={isDone ? (differences?.get(step.id) ?? null) : null}
            />
          );
        })}
      </ol>
      {total === 0 && <p className="px-4 pb-2 text-[12px] text-slate-500">No steps yet: drag a device onto a driver, run a command in the console, or load a flow.</p>}
    </div>
  );
}

