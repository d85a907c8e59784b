// The Check panel's run: what it asked the worker, what came back, and the worker itself. Kept
// outside the component (and the explorer store) so that a run and its results survive the panel
// being hidden, for example after "Load into timeline" brings the timeline to the front.
import { createStore } from 'zustand/vanilla';
import type { CheckReport, DiffReport, SearchProgress } from '../../model/check/index.ts';
import type { Scenario } from '../../store/scenario.ts';
import { diffPairs, type CheckJob, type FromWorker, type Phase, type ToWorker } from './checkProtocol.ts';

export type RunStatus = 'idle' | 'running' | 'cancelling' | 'done' | 'cancelled' | 'failed';

export interface CheckRun {
  status: RunStatus;
  runId: number;
  job: CheckJob | null;
  /** The scenario the run explored, which a counterexample is loaded into. */
  scenario: Scenario | null;
  phase: Phase | null;
  /** Searches finished before the current one, for the progress bar. */
  phasesDone: number;
  phasesTotal: number;
  progress: SearchProgress | null;
  checks: CheckReport[];
  diffs: DiffReport[];
  error: string | null;
}

const idle: CheckRun = { status: 'idle', runId: 0, job: null, scenario: null, phase: null, phasesDone: 0, phasesTotal: 0, progress: null, checks: [], diffs: [], error: null };

export const checkRunStore = createStore<CheckRun>(() => idle);

let worker: Worker | null = null;

function send(message: ToWorker): void {
  worker ??= startWorker();
  worker.postMessage(message);
}

function startWorker(): Worker {
  const w = new Worker(new URL('./checkWorker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<FromWorker>) => receive(e.data);
  w.onerror = (e) => {
    e.preventDefault();
    w.terminate();
    if (worker === w) worker = null;
    const s = checkRunStore.getState();
    if (s.status === 'running' || s.status === 'cancelling') {
      checkRunStore.setState({ status: 'failed', error: `the checker stopped: ${e.message || 'it ran out of memory'}` });
    }
  };
  return w;
}

function receive(m: FromWorker): void {
  const s = checkRunStore.getState();
  if (m.runId !== s.runId) return; // a run the user has already left
  switch (m.type) {
    case 'progress':
      checkRunStore.setState({ phase: m.phase, progress: m.progress });
      return;
    case 'check':
      checkRunStore.setState({ checks: [...s.checks, m.report], phasesDone: s.phasesDone + 1, progress: m.report });
      return;
    case 'diff':
      checkRunStore.setState({ diffs: [...s.diffs, m.report], phasesDone: s.phasesDone + 1, progress: m.report });
      return;
    case 'done':
      checkRunStore.setState({ status: m.cancelled ? 'cancelled' : 'done', phase: null });
      return;
    case 'error':
      checkRunStore.setState({ status: 'failed', phase: null, error: m.message });
      return;
  }
}

export function startCheck(job: CheckJob, scenario: Scenario): void {
  const runId = checkRunStore.getState().runId + 1;
  const phasesTotal = job.policies.length + (job.diff ? diffPairs(job.policies).length : 0);
  checkRunStore.setState({ ...idle, status: 'running', runId, job, scenario, phasesTotal });
  send({ type: 'start', runId, job });
}

export function cancelCheck(): void {
  const s = checkRunStore.getState();
  if (s.status !== 'running') return;
  checkRunStore.setState({ status: 'cancelling' });
  send({ type: 'cancel', runId: s.runId });
}
