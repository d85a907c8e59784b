// Runs a search generator to its end in one go, for callers that do not need to interleave it
// with other work (the command line, tests). A Web Worker drives the generator itself instead,
// one chunk per task, so its message queue (a cancel) is read between chunks.
export interface RunControl<P> {
  onProgress?: (progress: P) => void;
  /** Asked after every chunk; true stops the search, which then reports what it found as incomplete. */
  shouldStop?: () => boolean;
}

export function runToEnd<P, R>(steps: Generator<P, R, boolean | undefined>, control: RunControl<P> = {}): R {
  let step = steps.next();
  while (!step.done) {
    control.onProgress?.(step.value);
    step = steps.next(control.shouldStop?.() ?? false);
  }
  return step.value;
}
