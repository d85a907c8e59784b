// The main screen: top bar, driver palette, the graph with the side dock (inspector, console) on its
// right, and the bottom dock (event log, timeline, ...) below them.
import type { ExplorerStore } from '../../store/explorerStore.ts';
import { DragGhost } from '../drivers/DragGhost.tsx';
import { DriverPalette } from '../drivers/DriverPalette.tsx';
import { useEditMode } from '../edit/editStore.ts';
import { EditToolbar } from '../edit/EditToolbar.tsx';
import { PanicOverlay } from '../feedback/PanicOverlay.tsx';
import { Toasts } from '../feedback/Toasts.tsx';
import { GraphView } from '../graph/GraphView.tsx';
import { BottomDock } from './BottomDock.tsx';
import { HistoryShortcuts } from '../timeline/useHistoryShortcuts.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { ExplorerContext, useExplorer } from './explorerContext.ts';
import { RightDock } from './RightDock.tsx';
import { TopBar } from './TopBar.tsx';

/** Under the top bar: the drivers to drag onto, or in edit mode the tools that change the machine. */
function ToolRow() {
  return useEditMode() ? <EditToolbar /> : <DriverPalette />;
}

function Screen() {
  const animations = useExplorer((s) => s.settings.animations);
  return (
    <div data-animations={animations ? 'on' : 'off'} className="grid h-full grid-rows-[auto_auto_minmax(0,1fr)_auto] bg-slate-100 text-slate-900">
      <TopBar />
      <ToolRow />
      <main className="flex min-h-0">
        <div className="relative min-w-0 flex-1">
          {/* Imported with the app, not lazily: every first screen draws the graph, and a lazy chunk
              cost a fallback commit and a second render before the graph could answer the mouse. */}
          <ErrorBoundary what="graph">
            <GraphView />
          </ErrorBoundary>
        </div>
        <RightDock />
      </main>
      <BottomDock />
      <Toasts />
      <PanicOverlay />
      <DragGhost />
    </div>
  );
}

export function App({ store }: { store: ExplorerStore }) {
  return (
    <ExplorerContext.Provider value={store}>
      <HistoryShortcuts store={store} />
      <ErrorBoundary what="explorer">
        <Screen />
      </ErrorBoundary>
    </ExplorerContext.Provider>
  );
}
