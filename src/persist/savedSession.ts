// Where the session lives in the browser (localStorage), and where the work a share link replaced
// is kept. Loading the stored session is loadSavedSession.ts.
import type { RestoredSession } from './session.ts';

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

/**
 * Whether this browser holds a saved session to load (or refuses to say): the page loads the
 * session reader (loadSavedSession.ts) only then.
 */
export function hasStoredSession(storage: KeyValueStorage): boolean {
  try {
    return storage.getItem(SESSION_KEY) !== null;
  } catch {
    return true;
  }
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
