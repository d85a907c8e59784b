// The page's React part: the app and the page's message bar, drawn into the page's root. Its own
// chunk, with React DOM and (through the graph) React Flow: the entry (main.tsx) opens the machine
// while the browser still downloads and compiles this part, preloaded beside it (vite.config.ts).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { StoreApi } from 'zustand/vanilla';
import type { ExplorerStore } from '../../store/explorerStore.ts';
import { App } from './App.tsx';
import { PageMessageBar } from './PageMessageBar.tsx';
import type { PageMessages } from './pageMessages.ts';

export function mountApp(element: HTMLElement, store: ExplorerStore, messages: StoreApi<PageMessages>): void {
  createRoot(element).render(
    <StrictMode>
      <App store={store} />
      <PageMessageBar store={messages} />
    </StrictMode>,
  );
}
