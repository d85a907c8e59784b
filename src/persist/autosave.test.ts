// Autosave writes once at start (or when the page lets it), then once per pause in the user's changes, not once per command;
// a failing storage is reported once, not on every change, and saving resumes when it works again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gpuAudioNvme } from '../scenarios/index.ts';
import { createExplorerStore } from '../store/explorerStore.ts';
import { startAutosave } from './autosave.ts';
import { readSession } from './readSession.ts';
import { SESSION_KEY } from './savedSession.ts';
import { MemoryStorage } from './testing/memoryStorage.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const stored = (storage: MemoryStorage) => {
  const r = readSession(storage.getItem(SESSION_KEY) ?? '');
  if (!r.ok) throw new Error(r.message);
  return r.session;
};

describe('autosave', () => {
  it('saves at start and after a pause, one write for a burst of changes', () => {
    const storage = new MemoryStorage();
    const store = createExplorerStore(gpuAudioNvme);
    const autosave = startAutosave(store, storage, { delayMs: 300 });
    vi.advanceTimersByTime(300);
    expect(storage.writes).toBe(1);
    store.getState().changeDriver('0000:01:00.0', { kind: 'driver', name: 'vfio-pci' });
    store.getState().perform('console', [{ op: 'group.open', bdf: '0000:01:00.0' }]);
    store.getState().setPolicy('rfc-v2');
    vi.advanceTimersByTime(299);
    expect(storage.writes).toBe(1);
    vi.advanceTimersByTime(1);
    expect(storage.writes).toBe(2);
    expect(stored(storage).policy).toBe('rfc-v2');
    expect(stored(storage).actions.map((a) => a.label)).toEqual(['drag 0000:01:00.0 to vfio-pci', 'console']);
    autosave.stop();
  });

  it('does not write for changes that are not the session (selection, panels)', () => {
    const storage = new MemoryStorage();
    const store = createExplorerStore(gpuAudioNvme);
    startAutosave(store, storage, { delayMs: 10 });
    vi.advanceTimersByTime(10);
    store.getState().select({ kind: 'device', bdf: '0000:01:00.0' });
    store.getState().setAnimations(false);
    vi.advanceTimersByTime(100);
    expect(storage.writes).toBe(1);
  });

  it('holds the save at start until firstSaveAfter (a selection meanwhile is no reason to save)', async () => {
    const storage = new MemoryStorage();
    const store = createExplorerStore(gpuAudioNvme);
    let firstViewShown = () => undefined as void;
    startAutosave(store, storage, { delayMs: 10, firstSaveAfter: new Promise<void>((resolve) => (firstViewShown = resolve)) });
    store.getState().select({ kind: 'device', bdf: '0000:01:00.0' });
    await vi.advanceTimersByTimeAsync(100);
    expect(storage.writes).toBe(0);
    firstViewShown();
    await vi.advanceTimersByTimeAsync(0);
    expect(storage.writes).toBe(1);
    store.getState().setPolicy('rfc-v2');
    await vi.advanceTimersByTimeAsync(10);
    expect(storage.writes).toBe(2);
    expect(stored(storage).policy).toBe('rfc-v2');
  });

  it('saves a change made before firstSaveAfter after the usual delay', async () => {
    const storage = new MemoryStorage();
    const store = createExplorerStore(gpuAudioNvme);
    startAutosave(store, storage, { delayMs: 10, firstSaveAfter: new Promise<void>(() => undefined) });
    store.getState().setPolicy('rfc-v2');
    await vi.advanceTimersByTimeAsync(10);
    expect(storage.writes).toBe(1);
    expect(stored(storage).policy).toBe('rfc-v2');
  });

  it('flush saves at once (the page is being hidden)', () => {
    const storage = new MemoryStorage();
    const store = createExplorerStore(gpuAudioNvme);
    const autosave = startAutosave(store, storage, { delayMs: 10_000 });
    store.getState().perform('console', [{ op: 'container.open', as: 'c1' }]);
    autosave.flush();
    expect(stored(storage).actions).toHaveLength(1);
  });

  it('reports a failing storage once and saves again when it works', () => {
    const storage = new MemoryStorage();
    storage.failWith = new Error('QuotaExceededError: the quota has been exceeded');
    const problems: string[] = [];
    const store = createExplorerStore(gpuAudioNvme);
    startAutosave(store, storage, { delayMs: 10, onProblem: (m) => problems.push(m) });
    vi.advanceTimersByTime(10);
    store.getState().perform('console', [{ op: 'container.open', as: 'c1' }]);
    vi.advanceTimersByTime(10);
    expect(problems).toEqual([expect.stringMatching(/^Autosave failed: the browser did not store the session \(QuotaExceededError: the quota has been exceeded\)/)]);
    storage.failWith = null;
    store.getState().perform('console', [{ op: 'container.open', as: 'c2' }]);
    vi.advanceTimersByTime(10);
    expect(stored(storage).actions).toHaveLength(2);
  });
});

describe('autosave stopped', () => {
  it('writes nothing more, not even on flush', () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const store = createExplorerStore(gpuAudioNvme);
    const autosave = startAutosave(store, storage, { delayMs: 10 });
    vi.advanceTimersByTime(10);
    autosave.stop();
    store.getState().perform('console', [{ op: 'container.open', as: 'c1' }]);
    autosave.flush();
    vi.advanceTimersByTime(100);
    expect(storage.writes).toBe(1);
  });
});
