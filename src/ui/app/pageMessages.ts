// Messages about the page itself rather than the machine: a share link that could not be opened, a
// saved session set aside, an autosave that failed. They stay until the user dismisses them.
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface PageMessage {
  id: number;
  /** What it is about: "link", "address", "saved-session", "autosave". */
  topic: string;
  text: string;
  /** A button beside the message, e.g. "Go back to it". */
  action?: { label: string; run: () => void };
}

export type NewPageMessage = Omit<PageMessage, 'id'>;

export interface PageMessages {
  messages: readonly PageMessage[];
  add(message: NewPageMessage): void;
  dismiss(id: number): void;
}

export function createPageMessages(initial: readonly NewPageMessage[]): StoreApi<PageMessages> {
  let nextId = 1;
  const withId = (m: NewPageMessage): PageMessage => ({ ...m, id: nextId++ });
  return createStore<PageMessages>()((set) => ({
    messages: initial.map(withId),
    add: (message) => set((s) => ({ messages: [...s.messages, withId(message)] })),
    dismiss: (id) => set((s) => ({ messages: s.messages.filter((m) => m.id !== id) })),
  }));
}
