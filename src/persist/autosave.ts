// Saves the session as the user works: once at start (a scenario opened from a link or the address
// is what a reload must bring back), after each change to the scenario, the policy or the steps once
// the changes pause (debounced), and at once when asked (the page is hidden or closed). The
// store knows nothing of this: autosave subscribes from outside (DESIGN.md: no I/O in the store).
// Saving a big machine takes a noticeable moment (it is written out whole), so the page can hold
// the save at start until its first view has been up a while (`firstSaveAfter`); a reload or a
// closed tab before then is still saved, by `flush`.
import type { ExplorerStore } from '../store/explorerStore.ts';
import { SESSION_KEY, type KeyValueStorage } from './savedSession.ts';
import { sessionOf, type SessionState } from './session.ts';

export interface AutosaveOptions {
  /** Quiet time before a save; a drag of several commands is one save. */
  delayMs?: number;
  /** Told when saving fails (a full storage), once until a save succeeds again. */
  onProblem?: (message: string) => void;
  now?: () => Date;
  /** When the save at start may run; without it, after `delayMs` like any other. */
  firstSaveAfter?: Promise<unknown>;
}

export interface Autosave {
  /** Saves now if anything changed since the last save. */
  flush(): void;
  /** No more saves, not even by flush (the stored session is about to be replaced). */
  stop(): void;
}

const changed = (a: SessionState, b: SessionState) => a.scenario !== b.scenario || a.grouping !== b.grouping || a.policy !== b.policy || a.steps !== b.steps;

export function startAutosave(store: ExplorerStore, storage: KeyValueStorage, options: AutosaveOptions = {}): Autosave {
  const { delayMs = 300, onProblem = () => undefined, now = () => new Date(), firstSaveAfter } = options;
  let saved: SessionState | null = null;
  // Until the first save, changes are told from the session as opened.
  const opened: SessionState = store.getState();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failing = false;
  let stopped = false;

  const save = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (stopped) return;
    const state = store.getState();
    if (saved !== null && !changed(state, saved)) return;
    try {
      storage.setItem(SESSION_KEY, JSON.stringify(sessionOf(state, now())));
      saved = state;
      failing = false;
    } catch (e) {
      if (!failing) onProblem(`Autosave failed: the browser did not store the session (${(e as Error).message}). Your work is still here, but a reload would lose the changes since the last save.`);
      failing = true;
    }
  };

  const schedule = () => {
    if (timer === null) timer = setTimeout(save, delayMs);
  };
  const unsubscribe = store.subscribe((state) => {
    if (changed(state, saved ?? opened)) schedule();
  });
  if (firstSaveAfter) void firstSaveAfter.then(save);
  else schedule();

  return {
    flush: save,
    stop: () => {
      stopped = true;
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
