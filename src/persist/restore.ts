// A saved session back into a fresh store: the scenario is loaded by the caller, then each saved
// action is performed again in order, so the model judges every command exactly as it did (the log
// is replayed, never trusted). Refusals of that replay were shown when they happened; their toasts
// are not shown a second time.
import type { ExplorerStore } from '../store/explorerStore.ts';
import type { SavedAction } from './session.ts';

export function performSavedActions(store: ExplorerStore, actions: readonly SavedAction[]): void {
  if (actions.length === 0) return;
  const { perform } = store.getState();
  for (const a of actions) perform(a.label, a.commands);
  store.setState({ notices: [] });
}
