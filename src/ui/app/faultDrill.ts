// A fire drill for the error boundaries: `window.__explorerFault('inspector')` makes that part of
// the page throw while it draws, as a real bug would, until its "Try again" is pressed. End-to-end
// tests use it to prove that a fault stays in its part and the page never goes blank.
import { useSyncExternalStore } from 'react';

const armed = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

function changed() {
  version += 1;
  for (const l of listeners) l();
}

export function armFault(what: string): void {
  armed.add(what);
  changed();
}

export function disarmFault(what: string): void {
  if (armed.delete(what)) changed();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Throws while a drill is armed for `what`. */
export function useFaultDrill(what: string): void {
  useSyncExternalStore(subscribe, () => version);
  if (armed.has(what)) throw new Error(`fire drill: the ${what} was made to fail on purpose`);
}

declare global {
  interface Window {
    __explorerFault?: (what: string) => void;
  }
}
