// A dock shows one of its panels at a time under a row of tabs (WAI-ARIA tabs: arrow keys move
// between them). Each panel sits in its own error boundary, so a fault stays in that panel.
import { Suspense, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { PANEL_DOCKS, type Dock as DockName } from '../../store/panels.ts';
import { useExplorer, useExplorerStore } from './explorerContext.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { PANELS } from './panels.tsx';

interface Props {
  dock: DockName;
  /** Controls drawn at the end of the tab row (the right dock's fold button). */
  aside?: ReactNode;
  /** False when the dock is folded: the tabs stay, the panel is not drawn. */
  open?: boolean;
}

export function Dock({ dock, aside, open = true }: Props) {
  const shown = useExplorer((s) => s.panels[dock]);
  const showPanel = useExplorerStore().getState().showPanel;
  const panels = PANELS.filter((p) => PANEL_DOCKS[p.id] === dock);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = panels.find((p) => p.id === shown) ?? panels[0];

  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = panels[(index + step + panels.length) % panels.length]!;
    showPanel(next.id);
    tabs.current[(index + step + panels.length) % panels.length]?.focus();
  };

  return (
    <section data-testid={`dock-${dock}`} className="flex h-full min-h-0 flex-col bg-white">
      <div role="tablist" aria-label={`${dock} panels`} className="flex shrink-0 items-end gap-0.5 border-b border-slate-200 bg-slate-50 px-2 pt-1">
        {open &&
          panels.map((p, i) => {
            const selected = p.id === current?.id;
            return (
              <button
                key={p.id}
                ref={(el) => {
                  tabs.current[i] = el;
                }}
                type="button"
                role="tab"
                id={`tab-${p.id}`}
                aria-selected={selected}
                aria-controls={`panel-${p.id}`}
                tabIndex={selected ? 0 : -1}
                data-testid={`panel-tab-${p.id}`}
                onClick={() => showPanel(p.id)}
                onKeyDown={(e) => onKeyDown(e, i)}
                className={`-mb-px rounded-t border px-3 py-1 text-[13px] ${
                  selected ? 'border-slate-200 border-b-white bg-white font-semibold text-slate-900' : 'border-transparent text-slate-500 hover:text-slate-800'
                }`}
              >
                {p.title}
              </button>
            );
          })}
        <span className="flex-1" />
        {aside}
      </div>
      {open && current && (
        <div role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`} data-testid={`panel-${current.id}`} className="min-h-0 flex-1 overflow-hidden">
          <ErrorBoundary key={current.id} what={current.title.toLowerCase()}>
            <Suspense fallback={<p className="p-4 text-sm text-slate-500">Loading {current.title.toLowerCase()}…</p>}>
              <current.Component />
            </Suspense>
          </ErrorBoundary>
        </div>
      )}
    </section>
  );
}
