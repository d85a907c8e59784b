// A check run as the worker drives it: the searches one after another, each a generator stepped a
// chunk at a time. Between chunks the run posts progress (at most every PROGRESS_MS) and pauses now
// and then so the worker reads its messages: a cancel then stops the search at the next chunk, and
// what was found so far is still reported. No DOM here, so Node tests run it as the worker does.
import { checkSteps, diffSteps, type SearchProgress } from '../../model/check/index.ts';
import { diffPairs, type CheckJob, type FromWorker, type Phase } from './checkProtocol.ts';

/** States expanded per step of a search: some milliseconds of work. */
export const CHUNK = 256;
const PROGRESS_MS = 100;
const PAUSE_MS = 40;

export interface JobControl {
  post(message: FromWorker): void;
  /** True once a cancel of this run has arrived. */
  cancelled(): boolean;
  /** Gives the worker's message queue a turn (a cancel may be waiting). */
  pause(): Promise<void>;
  now(): number;
}

async function drive<R>(steps: Generator<SearchProgress, R, boolean | undefined>, runId: number, phase: Phase, control: JobControl): Promise<R> {
  let lastPost = -Infinity;
  let lastPause = control.now();
  let step = steps.next();
  while (!step.done) {
    const t = control.now();
    if (t - lastPost >= PROGRESS_MS) {
      control.post({ type: 'progress', runId, phase, progress: step.value });
      lastPost = t;
    }
    if (t - lastPause >= PAUSE_MS) {
      await control.pause();
      lastPause = control.now();
    }
    step = steps.next(control.cancelled());
  }
  return step.value;
}

const startProgress: SearchProgress = { states: 0, transitions: 0, depth: 0, frontier: 0, seconds: 0 };

export async function runJob(runId: number, job: CheckJob, control: JobControl): Promise<void> {
  const world = { topology: job.topology, grouping: job.grouping, settings: job.settings, ...(job.machine ? { machine: job.machine } : {}) };
  try {
    for (const policy of job.policies) {
      const phase: Phase = { kind: 'check', policy };
      control.post({ type: 'progress', runId, phase, progress: startProgress });
      const report = await drive(checkSteps({ ...world, policy }, CHUNK), runId, phase, control);
      control.post({ type: 'check', runId, report });
      if (report.stoppedBy === 'cancelled') return control.post({ type: 'done', runId, cancelled: true });
    }
    if (job.diff) {
      for (const policies of diffPairs(job.policies)) {
        const phase: Phase = { kind: 'diff', policies };
        control.post({ type: 'progress', runId, phase, progress: startProgress });
        const report = await drive(diffSteps({ ...world, policies }, CHUNK), runId, phase, control);
        control.post({ type: 'diff', runId, report });
        if (report.stoppedBy === 'cancelled') return control.post({ type: 'done', runId, cancelled: true });
      }
    }
    control.post({ type: 'done', runId, cancelled: false });
  } catch (e) {
    control.post({ type: 'error', runId, message: e instanceof Error ? e.message : String(e) });
  }
}
