// The right-hand dock (inspector, console). Folds to a narrow strip to give the graph the room.
import { useState } from 'react';
import { Dock } from './Dock.tsx';

export function RightDock() {
  const [open, setOpen] = useState(true);
  const fold = (
    <button
      type="button"
      data-testid="inspector-toggle"
      aria-expanded={open}
      title={open ? 'Fold the side panel' : 'Open the side panel'}
      onClick={() => setOpen(!open)}
      className="mb-1 rounded px-1.5 text-slate-600 hover:bg-slate-200"
    >
      {open ? '»' : '«'}
    </button>
  );
  return (
    <aside aria-label="Side panels" className={`min-h-0 shrink-0 border-l border-slate-300 ${open ? 'w-[24rem]' : 'w-9'}`}>
      <Dock dock="right" aside={fold} open={open} />
    </aside>
  );
}
