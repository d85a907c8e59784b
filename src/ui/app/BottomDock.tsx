// The bottom dock (event log, timeline, comparison, check, what changed), with a handle on its top
// edge to make it taller or shorter, by mouse or with the arrow keys.
import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import { Dock } from './Dock.tsx';

const MIN_PX = 120;
const DEFAULT_PX = 224;
const maxPx = () => Math.round(window.innerHeight * 0.7);
const clamp = (px: number) => Math.max(MIN_PX, Math.min(maxPx(), px));

export function BottomDock() {
  const [height, setHeight] = useState(DEFAULT_PX);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const startY = e.clientY;
    const startHeight = height;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const move = (m: globalThis.PointerEvent) => setHeight(clamp(startHeight + startY - m.clientY));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowUp' ? 32 : e.key === 'ArrowDown' ? -32 : 0;
    if (step === 0) return;
    e.preventDefault();
    setHeight((h) => clamp(h + step));
  };

  return (
    <div style={{ height }} className="relative flex min-h-0 flex-col border-t border-slate-300">
      <div
        role="separator"
        aria-orientation="horizontal"
        aria-label="Resize the bottom panels"
        aria-valuenow={height}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
        className="absolute -top-1 left-0 right-0 z-10 h-2 cursor-row-resize hover:bg-indigo-300/40 focus:bg-indigo-300/60 focus:outline-none"
      />
      <Dock dock="bottom" />
    </div>
  );
}
