// The Check panel's worker: runs the exploration off the page's thread (runJob.ts) and posts its
// progress and reports; a cancel message stops the run at the next chunk.
import type { ToWorker } from './checkProtocol.ts';
import { runJob } from './runJob.ts';

const cancelled = new Set<number>();

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'cancel') {
    cancelled.add(m.runId);
    return;
  }
  void runJob(m.runId, m.job, {
    post: (message) => postMessage(message),
    cancelled: () => cancelled.has(m.runId),
    pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
    now: () => performance.now(),
  }).finally(() => cancelled.delete(m.runId));
};
