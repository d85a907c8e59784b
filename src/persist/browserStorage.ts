// The page's localStorage, or why there is none: some browsers (privacy modes, file:// pages,
// blocked site data) throw on the first touch of window.localStorage.
import type { KeyValueStorage } from './savedSession.ts';

export type BrowserStorage = { ok: true; storage: KeyValueStorage } | { ok: false; message: string };

export function browserStorage(win: Window): BrowserStorage {
  try {
    const storage = win.localStorage;
    if (!storage) return { ok: false, message: 'Autosave is off: this browser gives the page no local storage, so a reload starts afresh.' };
    return { ok: true, storage };
  } catch (e) {
    return { ok: false, message: `Autosave is off: this browser does not let the page keep data (${(e as Error).message}), so a reload starts afresh.` };
  }
}
