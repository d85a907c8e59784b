// Reading the stored session at start: nothing stored, a good session, and an unreadable one, which
// is moved aside under its own key (never deleted) with a message naming that key.
import { describe, expect, it } from 'vitest';
import { gpuAudioNvme } from '../scenarios/index.ts';
import { createExplorerStore } from '../store/explorerStore.ts';
import { loadSavedSession } from './loadSavedSession.ts';
import { hasStoredSession, keepReplacedSession, REPLACED_KEY, restoreReplacedSession, SESSION_KEY } from './savedSession.ts';
import { sessionOf } from './session.ts';
import { MemoryStorage } from './testing/memoryStorage.ts';

const NOW = new Date('2026-11-24T08:00:00.000Z');

describe('loadSavedSession', () => {
  it('finds nothing in an empty storage', () => {
    expect(loadSavedSession(new MemoryStorage(), NOW)).toEqual({ kind: 'none' });
  });

  it('restores a stored session and leaves it in place', () => {
    const storage = new MemoryStorage();
    storage.setItem(SESSION_KEY, JSON.stringify(sessionOf(createExplorerStore(gpuAudioNvme).getState(), NOW)));
    const r = loadSavedSession(storage, NOW);
    expect(r.kind === 'restored' && r.session.scenario.id).toBe('gpu-audio-nvme');
    expect(storage.getItem(SESSION_KEY)).not.toBeNull();
  });

  it('moves an unreadable value aside, keeps it byte for byte, and says where', () => {
    const storage = new MemoryStorage();
    storage.setItem(SESSION_KEY, '{"version": 1, "policy": "upst');
    const r = loadSavedSession(storage, NOW);
    const aside = `${SESSION_KEY}.unreadable.2026-11-24T08:00:00.000Z`;
    expect(r).toEqual({ kind: 'set-aside', key: aside, message: expect.stringContaining(`It was kept in this browser's local storage as "${aside}"; the explorer starts clean.`) });
    expect(r.kind === 'set-aside' && r.message).toMatch(/^The saved session could not be read \(it is not valid JSON/);
    expect(storage.getItem(aside)).toBe('{"version": 1, "policy": "upst');
    expect(storage.getItem(SESSION_KEY)).toBeNull();
  });

  it('says so when the value cannot be moved aside (storage full), and leaves it where it is', () => {
    const storage = new MemoryStorage();
    storage.setItem(SESSION_KEY, 'not json');
    storage.failWith = new Error('QuotaExceededError');
    const r = loadSavedSession(storage, NOW);
    expect(r.kind === 'set-aside' && r.key).toBeNull();
    expect(r.kind === 'set-aside' && r.message).toContain('could not be moved aside either (QuotaExceededError)');
    expect(storage.getItem(SESSION_KEY)).toBe('not json');
  });

  it('says so when the browser refuses local storage altogether', () => {
    const refusing = { getItem: () => { throw new Error('SecurityError: access denied'); }, setItem: () => undefined, removeItem: () => undefined };
    const r = loadSavedSession(refusing, NOW);
    expect(r.kind === 'set-aside' && r.message).toContain('the browser refused access to local storage (SecurityError: access denied)');
  });
});

describe('hasStoredSession', () => {
  it('is false only when the storage answers that there is none', () => {
    const storage = new MemoryStorage();
    expect(hasStoredSession(storage)).toBe(false);
    storage.setItem(SESSION_KEY, 'not json');
    expect(hasStoredSession(storage)).toBe(true);
    // A refusal is for the loader to report.
    expect(hasStoredSession({ getItem: () => { throw new Error('SecurityError: access denied'); }, setItem: () => undefined, removeItem: () => undefined })).toBe(true);
  });
});

describe('the work a share link replaces', () => {
  it('is kept under its own key and can be put back as the session to restore', () => {
    const storage = new MemoryStorage();
    expect(keepReplacedSession(storage)).toBe(false);
    storage.setItem(SESSION_KEY, 'my work');
    expect(keepReplacedSession(storage)).toBe(true);
    storage.setItem(SESSION_KEY, 'the link');
    restoreReplacedSession(storage);
    expect([storage.getItem(SESSION_KEY), storage.getItem(REPLACED_KEY)]).toEqual(['my work', null]);
  });

  it('a second link before going back keeps the first replaced work under a dated key', () => {
    const storage = new MemoryStorage();
    storage.setItem(SESSION_KEY, 'my work');
    keepReplacedSession(storage);
    storage.setItem(SESSION_KEY, 'link A');
    expect(keepReplacedSession(storage)).toBe(true);
    expect(storage.getItem(REPLACED_KEY)).toBe('link A');
    const dated = [...storage.items.keys()].filter((k) => k.startsWith(`${REPLACED_KEY}.`));
    expect(dated.map((k) => storage.getItem(k))).toEqual(['my work']);
  });
});
