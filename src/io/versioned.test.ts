// The migration plumbing every versioned document uses: steps run in turn, and every way a version
// can be wrong has its own sentence.
import { describe, expect, it } from 'vitest';
import { upgrade, type VersionedKind } from './versioned.ts';

const v3: VersionedKind = {
  what: 'test document',
  current: 3,
  migrations: {
    1: (doc) => ({ ...doc, renamed: doc.old, old: undefined }),
    2: (doc) => ({ ...doc, added: true }),
  },
};

describe('upgrade', () => {
  it('runs each step from the document\'s version to the current one, in order', () => {
    expect(upgrade({ version: 1, old: 'x' }, v3)).toEqual({ ok: true, from: 1, doc: { version: 3, renamed: 'x', old: undefined, added: true } });
    expect(upgrade({ version: 2, renamed: 'y' }, v3)).toEqual({ ok: true, from: 2, doc: { version: 3, renamed: 'y', added: true } });
    expect(upgrade({ version: 3, z: 1 }, v3)).toEqual({ ok: true, from: 3, doc: { version: 3, z: 1 } });
  });

  it('a missing step is reported, not guessed', () => {
    const gap: VersionedKind = { ...v3, migrations: { 2: v3.migrations[2]! } };
    expect(upgrade({ version: 1 }, gap)).toEqual({ ok: false, message: 'version: test document version 1 can no longer be read (no step from version 1 to 2)' });
  });

  it.each([
    [{ version: 4 }, 'version: 4 is newer than this app reads (up to version 3); it was written by a later version of the app'],
    [{ version: 0 }, 'version: 0 is not a test document version (the first is 1)'],
    [{ version: '3' }, 'version: expected a whole number such as 3, found "3"'],
    [{ version: 1.5 }, 'version: expected a whole number such as 3, found 1.5'],
    [{}, 'version: missing; a test document starts with "version": 3'],
    [[1, 2], 'the test document: expected a JSON object with a "version" field, found a list'],
    [null, 'the test document: expected a JSON object with a "version" field, found null'],
    ['text', 'the test document: expected a JSON object with a "version" field, found a string'],
  ])('%j is refused', (doc, message) => {
    expect(upgrade(doc, v3)).toEqual({ ok: false, message });
  });
});
