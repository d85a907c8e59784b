// Test support: the Web Storage calls autosave makes, kept in a Map; `failWith` makes every write
// throw as a full or disabled browser storage does.
import type { KeyValueStorage } from '../savedSession.ts';

export class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  failWith: Error | null = null;
  writes = 0;

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    if (this.failWith) throw this.failWith;
    this.writes += 1;
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }
}
