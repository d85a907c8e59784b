// Work put off until after the first view waits for it (or for the fallback when the graph never
// shows), then for the settle time.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => {
  vi.useFakeTimers();
  vi.resetModules();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A fresh copy of the module: the first view is shown once per page. */
const firstView = () => import('./firstView.ts');

describe('afterFirstView', () => {
  it('resolves the settle time after the graph is first shown, not before', async () => {
    const { afterFirstView, graphShown } = await firstView();
    let done = false;
    void afterFirstView(100, 10_000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(done).toBe(false);
    graphShown();
    await vi.advanceTimersByTimeAsync(99);
    expect(done).toBe(false);
    // Then the first idle moment (a zero timeout where the browser has no idle callbacks).
    await vi.advanceTimersByTimeAsync(10);
    expect(done).toBe(true);
  });

  it('does not wait forever when the graph never shows', async () => {
    const { afterFirstView } = await firstView();
    let done = false;
    void afterFirstView(100, 2_000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(2_099);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(10);
    expect(done).toBe(true);
  });
});
