// Pointer-driven drag of a device onto a driver. A press that moves less than a few pixels stays a
// click (selection); past that, a ghost follows the pointer and the drop runs the driver change.
import { useCallback } from 'react';
import { useExplorerStore } from '../app/explorerContext.ts';
import { dragStore } from './dragStore.ts';
import { targetAt, toDriverTarget } from './dropTargets.ts';

const DRAG_THRESHOLD_PX = 4;

export function useDeviceDrag(): (event: React.PointerEvent, bdf: string) => void {
  const store = useExplorerStore();
  return useCallback(
    (event: React.PointerEvent, bdf: string) => {
      if (event.button !== 0) return;
      const startX = event.clientX;
      const startY = event.clientY;
      let dragging = false;
      const move = (e: PointerEvent) => {
        if (!dragging && Math.hypot(e.clientX - startX, e.clientY - startY) < DRAG_THRESHOLD_PX) return;
        dragging = true;
        dragStore.setState({ drag: { bdf, x: e.clientX, y: e.clientY, over: targetAt(e.clientX, e.clientY) } });
      };
      const finish = (e: PointerEvent | KeyboardEvent) => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', finish);
        window.removeEventListener('keydown', cancelOnEscape);
        const over = e instanceof PointerEvent && dragging ? targetAt(e.clientX, e.clientY) : null;
        dragStore.setState({ drag: null });
        if (over !== null) store.getState().changeDriver(bdf, toDriverTarget(over));
      };
      const cancelOnEscape = (e: KeyboardEvent) => {
        if (e.key === 'Escape') finish(e);
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', finish);
      window.addEventListener('keydown', cancelOnEscape);
    },
    [store],
  );
}
