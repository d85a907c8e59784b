import { describe, expect, it } from 'vitest';
import { initialViewport, READABLE_ZOOM } from './initialViewport.ts';

const pane = { width: 1000, height: 600 };

describe('the first view of a layout', () => {
  it('shows a small machine whole', () => {
    expect(initialViewport({ x: 0, y: 0, width: 1100, height: 500 }, pane)).toMatchObject({ fit: true });
  });

  it('starts a big machine at a readable zoom on its top left, where its first root bus is', () => {
    const view = initialViewport({ x: 0, y: 0, width: 19000, height: 5000 }, pane);
    expect(view).toEqual({ fit: false, viewport: { x: expect.any(Number), y: expect.any(Number), zoom: READABLE_ZOOM } });
    if (view.fit) return;
    expect(view.viewport.x).toBeGreaterThan(0);
    expect(view.viewport.x).toBeLessThan(100);
    expect(view.viewport.y).toBeGreaterThan(0);
    expect(view.viewport.y).toBeLessThan(100);
  });

  it('centres a tall, narrow machine across the pane', () => {
    const view = initialViewport({ x: 0, y: 0, width: 1000, height: 9000 }, pane);
    if (view.fit) throw new Error('a 9,000 px tall drawing does not fit readably');
    expect(view.viewport.x).toBeCloseTo((pane.width - 1000 * READABLE_ZOOM) / 2);
  });
});
