// Where the session lives in the browser (localStorage) and what happens to a stored value that
// cannot be read: it is moved aside under its own key, never deleted, and the user is told where.
import { readSession, type RestoredSession } from './session.ts';

/** The part of the Web Storage API used here (localStorage in the page, a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const SESSION_KEY = 'ioasid-explorer.session';

/** The key a session that could not be read is kept under: the old key and when it was moved. */
export function setAsideKey(when: Date): string {
  return `${SESSION_KEY}.unreadable.${when.toISOString()}`;
}

export type SavedSessionLoad =
  | { kind: 'none' }
  | { kind: 'restored'; session: RestoredSession }
  /** The stored value could not be read; it was moved to `key` (or could not be, when `key` is null). */
  | { kind: 'set-aside'; key: string | null; message: string };

export function loadSavedSession(storage: KeyValueStorage, now: Date): SavedSessionLoad {
  let text: string | null;
  try {
    text = storage.getItem(SESSION_KEY);
  } catch (e) {
    return { kind: 'set-aside', key: null, message: `The saved session could not be read: the browser refused access to local storage (${(e as Error).message}). The explorer starts without it.` };
  }
  if (text === null) return { kind: 'none' };
  const read = readSession(text);
  if (read.ok) return { kind: 'restored', session: read.session };
  const key = setAsideKey(now);
  try {
    storage.setItem(key, text);
    storage.removeItem(SESSION_KEY);
  } catch (e) {
    return { kind: 'set-aside', key: null, message: `The saved session could not be read (${read.message}), and it could not be moved aside either (${(e as Error).message}); it stays under "${SESSION_KEY}" and autosave is off for this visit. The explorer starts clean.` };
  }
  return { kind: 'set-aside', key, message: `The saved session could not be read (${read.message}). It was kept in this browser's local storage as "${key}"; the explorer starts clean.` };
}

/** Where the work a share link replaced is kept; older replaced work moves to a dated key beside it. */
export const REPLACED_KEY = `${SESSION_KEY}.replaced-by-link`;

/**
 * Keeps the stored session under REPLACED_KEY before a share link takes its place, so opening a
 * link never costs the work that was saved; false when there was none or it could not be kept.
 */
export function keepReplacedSession(storage: KeyValueStorage): boolean {
  try {
    const text = storage.getItem(SESSION_KEY);
    if (text === null) return false;
    // A second link opened before going back must not push the first replaced work out of storage.
    const older = storage.getItem(REPLACED_KEY);
    if (older !== null && older !== text) storage.setItem(`${REPLACED_KEY}.${Date.now()}`, older);
    storage.setItem(REPLACED_KEY, text);
    return true;
  } catch {
    return false;
  }
}

/** Puts the kept session back as the one the next start restores. */
export function restoreReplacedSession(storage: KeyValueStorage): void {
  const text = storage.getItem(REPLACED_KEY);
  if (text === null) return;
  storage.setItem(SESSION_KEY, text);
  storage.removeItem(REPLACED_KEY);
}
