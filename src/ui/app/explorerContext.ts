// React's access to the explorer store: one store per app, handed down by context so tests and
// future embeddings can make their own.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Explorer, ExplorerStore } from '../../store/explorerStore.ts';

export const ExplorerContext = createContext<ExplorerStore | null>(null);

export function useExplorerStore(): ExplorerStore {
  const store = useContext(ExplorerContext);
  if (!store) throw new Error('useExplorer needs an <ExplorerContext.Provider>');
  return store;
}

/** Subscribes to a slice of the store; the component re-renders only when the slice changes. */
export function useExplorer<T>(selector: (s: Explorer) => T): T {
  return useStore(useExplorerStore(), selector);
}
