// The chip that follows the pointer while a device is dragged.
import { useStore } from 'zustand';
import { shortBdf } from '../../model/topology/bdf.ts';
import { dragStore } from './dragStore.ts';

export function DragGhost() {
  const drag = useStore(dragStore, (s) => s.drag);
  if (!drag) return null;
  return (
    <div
      className="pointer-events-none fixed z-50 -translate-x-1/2 -translate-y-[140%] rounded-md border border-indigo-400 bg-white px-2.5 py-1 font-mono text-xs font-semibold text-indigo-800 shadow-lg"
      style={{ left: drag.x, top: drag.y }}
    >
      {shortBdf(drag.bdf)} → {drag.over ?? 'drop on a driver'}
    </div>
  );
}
