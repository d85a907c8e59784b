// A press that becomes a drag once the pointer has moved a few pixels (a shorter press stays a
// click, which selects); Escape, or the browser cancelling the pointer (a touch gesture, lost
// capture), cancels. Shared by the driver drag and the what-if drag.
import type { PointerEvent as ReactPointerEvent } from 'react';

const DRAG_THRESHOLD_PX = 4;

export interface DragCallbacks {
  /** The pointer moved while dragging. */
  move(x: number, y: number): void;
  /** The drag ended: where it was dropped, or null for a click or an Escape. */
  end(drop: { x: number; y: number } | null): void;
}

export function followPointerDrag(event: ReactPointerEvent, on: DragCallbacks): void {
  const startX = event.clientX;
  const startY = event.clientY;
  let dragging = false;
  const move = (e: PointerEvent) => {
    if (!dragging && Math.hypot(e.clientX - startX, e.clientY - startY) < DRAG_THRESHOLD_PX) return;
    dragging = true;
    on.move(e.clientX, e.clientY);
  };
  const finish = (e: PointerEvent | KeyboardEvent) => {
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', finish);
    window.removeEventListener('pointercancel', finish);
    window.removeEventListener('keydown', cancelOnEscape);
    on.end(e instanceof PointerEvent && e.type === 'pointerup' && dragging ? { x: e.clientX, y: e.clientY } : null);
  };
  const cancelOnEscape = (e: KeyboardEvent) => {
    if (e.key === 'Escape') finish(e);
  };
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', finish);
  window.addEventListener('pointercancel', finish);
  window.addEventListener('keydown', cancelOnEscape);
}
