// The mail-text primitives: ASCII only, cut and wrapped on purpose, safe to quote.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ascii, clip, mailSafe, numberRanges, paragraph, wrap } from './plainText.ts';

describe('ascii', () => {
  it('transliterates what has an ASCII spelling and marks the rest', () => {
    expect(ascii('Ångström café “smart” – naïve…')).toBe('Angstrom cafe "smart" - naive...');
    expect(ascii('Stra\u00dfe \u00e6on \u0141\u00f3d\u017a \u00d8resund \u00ae\u2122')).toBe('Strasse aeon Lodz Oresund (R)TM');
    expect(ascii('中文 \u{1f4a5}')).toBe('?? ?');
  });

  it('turns every control character and line break into one space', () => {
    expect(ascii('a\nb\r\nc\td\u0000e\u001b[0mf\u2028g\u0085h')).toBe('a b c d e [0mf g h');
  });

  it('always gives printable 7-bit text on one line', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(ascii(s)).toMatch(/^[\x20-\x7e]*$/);
    }));
  });
});

describe('clip and wrap', () => {
  it('says where it cut', () => {
    expect(clip('abcdefghij', 8)).toBe('abcde...');
    expect(clip('abc', 8)).toBe('abc');
  });

  it('wraps at spaces with a hanging indent and breaks only words longer than a line', () => {
    expect(wrap('the quick brown fox jumps', '1) ', '   ', 14)).toEqual(['1) the quick', '   brown fox', '   jumps']);
    expect(wrap(`see ${'x'.repeat(30)}`, '', '  ', 12)).toEqual(['see', '  xxxxxxxxxx', '  xxxxxxxxxx', '  xxxxxxxxxx']);
    expect(wrap('word', 'prefix that fills ', '  ', 20)).toEqual(['prefix that fills', '  word']);
  });

  it('keeps every wrapped line within the width', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 20, max: 80 }), (s, width) => {
      for (const line of wrap(s, '[1] ', '    ', width)) expect(line.length).toBeLessThanOrEqual(width);
    }));
  });

  it('cuts a sentence that quotes a huge name to a few lines', () => {
    expect(paragraph(`bad "${'y'.repeat(10_000)}"`, '', '').length).toBeLessThanOrEqual(10);
  });
});

describe('mailSafe', () => {
  it('drops trailing spaces, indents what reads as a quote or an mbox line, ends with a newline', () => {
    expect(mailSafe(['a  ', '> b', 'From c', 'Fromage'])).toBe('a\n > b\n From c\nFromage\n');
  });

  it('cuts whatever is still too wide', () => {
    expect(mailSafe(['x'.repeat(100)])).toBe(`${'x'.repeat(69)}...\n`);
  });
});

describe('numberRanges', () => {
  it('joins runs as people write group lists', () => {
    expect(numberRanges([12, 5, 6, 7, 9, 5])).toBe('5-7, 9, 12');
    expect(numberRanges([])).toBe('');
  });
});
