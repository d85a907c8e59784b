// Names from users and pasted text in every text export: nothing passes through that breaks a
// mail (non-ASCII, control characters, a line that reads as a quote or an mbox separator, a line
// wider than 72 columns), whatever the name holds.
import { describe, expect, it } from 'vitest';
import { exportScenario } from './exportScenario.ts';
import { mailProblems } from './testing/exportCases.ts';
import { hostileScenario, HOSTILE_NAMES } from './testing/hostile.ts';

describe.each(['ascii', 'trace'] as const)('%s with hostile names', (format) => {
  it.each(HOSTILE_NAMES.map((n) => [JSON.stringify(n.slice(0, 48)), n] as const))('%s', (_shown, name) => {
    const r = exportScenario(hostileScenario(name), format);
    if (!r.ok) throw new Error(r.error);
    expect(mailProblems(r.text)).toEqual([]);
    // A long name is cut, not copied onto page after page.
    expect(r.text.length).toBeLessThan(12_000);
  });
});

describe('hostile names in the picture', () => {
  it('transliterates accents and spells out punctuation instead of dropping the name', () => {
    const r = exportScenario(hostileScenario(HOSTILE_NAMES[9]!), 'ascii');
    expect(r.ok && r.text).toContain('"cafe naive Angstrom "smart" - ... (R)"');
  });

  it('turns line breaks into spaces, so a name cannot start a quoted or mbox line', () => {
    const r = exportScenario(hostileScenario(HOSTILE_NAMES[7]!), 'ascii');
    expect(r.ok && r.text).toContain('"line one From evil@example.com > quoted third"');
  });
});
