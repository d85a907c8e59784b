// Fuzzing the lspci reader with 10,000 generated pastes: windows of every shared fixture (the real
// kernel's listings and published real machines) damaged as pastes get damaged, plus arbitrary
// text. The reader never throws, and whatever it says names its line: an error names the line at
// fault (only a too-large input as a whole has none), and every warning names its line too.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { oracleFixtures, realMachines } from '../../testing/fixtures.ts';
import { mutatedText } from '../../testing/textMutations.ts';
import { parseLspci } from './parseLspci.ts';

const LISTINGS = [...oracleFixtures().map((f) => f.lspci), ...realMachines().flatMap((m) => Object.entries(m.files).filter(([name]) => name.startsWith('lspci')).map(([, text]) => text))];
const DEVICE_LINE = /^[0-9a-f]{2,4}:[0-9a-f]{2}[:.]/i;

function answersWithItsLine(text: string): boolean {
  const r = parseLspci(text, { source: 'paste' });
  if (!r.ok) {
    const { line, message } = r.error;
    if (line === null) throw new Error(`an error without a line: ${message}`);
    if (line < 1 || !message.startsWith(`paste, line ${line}: `)) throw new Error(`the error does not name its line ${line}: ${message}`);
    return true;
  }
  if (r.topology.functions.length === 0) throw new Error('a topology without functions');
  for (const w of r.warnings) {
    const place = w.line === null ? 'paste: ' : `paste, line ${w.line}: `;
    if (!w.message.startsWith(place) || w.message.length <= place.length) throw new Error(`a warning that does not name its place: ${w.message}`);
  }
  return true;
}

describe('lspci reader fuzz', () => {
  it('10,000 damaged windows of the shared fixtures and arbitrary strings', () => {
    const paste = fc.oneof(
      { arbitrary: mutatedText(LISTINGS, { maxLines: 40, recordStart: DEVICE_LINE }), weight: 8 },
      { arbitrary: fc.string({ maxLength: 300 }), weight: 1 },
      { arbitrary: fc.string({ maxLength: 300, unit: 'binary' }), weight: 1 },
    );
    fc.assert(fc.property(paste, answersWithItsLine), { numRuns: 10_000 });
  });
});
