// Pointer-driven drag of a device onto a driver. A press that moves less than a few pixels stays a
// click (selection); past that, a ghost follows the pointer and the drop runs the driver change.
import { useCallback } from 'react';
import { useExplorerStore } from '../app/explorerContext.ts';
import { followPointerDrag } from '../app/pointerDrag.ts';
import { dragStore } from './dragStore.ts';
import { targetAt, toDriverTarget } from './dropTargets.ts';

export function useDeviceDrag(): (event: React.PointerEvent, bdf: string) => void {
  const store = useExplorerStore();
  return useCallback(
    (event: React.PointerEvent, bdf: string) => {
      if (event.button !== 0) return;
      followPointerDrag(event, {
        move: (x, y) => dragStore.setState({ drag: { bdf, x, y, over: targetAt(x, y) } }),
        end: (drop) => {
          const over = drop === null ? null : targetAt(drop.x, drop.y);
          dragStore.setState({ drag: null });
          if (over !== null) store.getState().changeDriver(bdf, toDriverTarget(over));
        },
      });
    },
    [store],
  );
}
