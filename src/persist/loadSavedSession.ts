// Loading the session saved in this browser. A stored value that cannot be read is moved aside
// under its own key, never deleted, and the user is told where.
import { readSession } from './readSession.ts';
import { SESSION_KEY, setAsideKey, type KeyValueStorage, type SavedSessionLoad } from './savedSession.ts';

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
