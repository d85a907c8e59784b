// Timing helpers: medians of repeated runs after a warm-up, in milliseconds.
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Runs `fn` untimed for at least `warmupMs` (and at least twice), then `runs` times timed; returns
 * the median in ms. The warm-up is by time, as benchmark harnesses do: V8 needs some ten runs of a
 * big workload before its optimising compiler has compiled the hot code, however long each run is.
 */
export function medianMs(fn: () => void, runs: number, warmupMs = 500): number {
  const warmupEnds = performance.now() + warmupMs;
  for (let i = 0; i < 2 || performance.now() < warmupEnds; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** The time of one run of `fn`, in ms: for a first, cold run. */
export function onceMs(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export const round = (ms: number, digits = 3) => Number(ms.toFixed(digits));
