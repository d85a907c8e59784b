// The moment the graph's first view is on screen. Work the start can put off (the first autosave of
// a big machine, a long synchronous write) waits until the view has been up for a moment and the
// browser is idle, so that it does not hold up the first thing the user does with the graph.
let show: () => void = () => undefined;
const firstViewShown = new Promise<void>((resolve) => {
  show = resolve;
});

/** Called by the graph whenever it has shown a layout; only the first call counts. */
export function graphShown(): void {
  show();
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const idle = () => new Promise<void>((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 1_000 }) : setTimeout(resolve, 0)));

/**
 * Resolves `settleMs` after the first view is shown (or after `maxWaitMs`, should the graph fail to
 * show), at an idle moment.
 */
export function afterFirstView(settleMs = 2_000, maxWaitMs = 5_000): Promise<void> {
  return Promise.race([firstViewShown, wait(maxWaitMs)])
    .then(() => wait(settleMs))
    .then(idle);
}
