// Text for plain-text mailing lists: 7-bit ASCII, no tabs, at most 72 columns, safe to quote with
// "> ". Names come from pasted lspci text and from users, so anything may be in them: every string
// that reaches an export goes through `ascii()` first.

/** The width kernel lists expect: 72 leaves room for a few levels of "> " quoting within 80. */
export const MAIL_WIDTH = 72;

/**
 * Characters NFKD does not take apart (it already makes "..." of an ellipsis and "TM" of a
 * trademark sign) but that have an obvious ASCII spelling.
 */
const SPELLED: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2010': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00d7': 'x', '\u00b7': '.', '\u2022': '*',
  '\u00ae': '(R)', '\u00a9': '(C)', '\u03bc': 'u', '\u00b0': 'deg',
  '\u00df': 'ss', '\u00e6': 'ae', '\u00c6': 'AE', '\u0153': 'oe', '\u0152': 'OE',
  '\u00f8': 'o', '\u00d8': 'O', '\u0142': 'l', '\u0141': 'L', '\u0111': 'd', '\u0110': 'D',
  '\u00f0': 'd', '\u00d0': 'D', '\u00fe': 'th', '\u00de': 'Th', '\u0131': 'i',
};

const COMBINING = /[\u0300-\u036f]/g;

/**
 * One line of 7-bit printable ASCII: accents dropped (e -> e), common punctuation spelled out,
 * anything else a '?'; control characters (newlines, tabs, escapes) become spaces and runs of
 * spaces one, so a name can never break a line, a column or a terminal.
 */
export function ascii(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKD').replace(COMBINING, '')) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x20 && c < 0x7f) out += ch;
    else if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0) || ch === '\u2028' || ch === '\u2029') out += ' ';
    else out += SPELLED[ch] ?? (/\s/.test(ch) ? ' ' : '?');
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** `text` cut to `width` columns, the cut said with "..." (never mid-way without saying so). */
export function clip(text: string, width: number): string {
  if (text.length <= width) return text;
  if (width <= 3) return '...'.slice(0, Math.max(0, width));
  return `${text.slice(0, width - 3).trimEnd()}...`;
}

/**
 * Word-wraps one paragraph: the first line starts with `first`, the others with `indent`. A word
 * longer than a whole line (a path, a 10,000-character name) is broken hard rather than overflowing.
 */
export function wrap(text: string, first: string, indent: string, width = MAIL_WIDTH): string[] {
  const lines: string[] = [];
  let line = first;
  let fresh = true; // no word on this line yet
  for (let word of ascii(text).split(' ')) {
    if (word === '') continue;
    const sep = fresh ? '' : ' ';
    if (line.length + sep.length + word.length <= width) {
      line += sep + word;
      fresh = false;
      continue;
    }
    if (word.length <= width - indent.length || !fresh) {
      lines.push(line.trimEnd());
      line = indent;
    }
    while (line.length + word.length > width) {
      const room = width - line.length;
      lines.push(line + word.slice(0, room));
      word = word.slice(room);
      line = indent;
    }
    line += word;
    fresh = false;
  }
  lines.push(line);
  return lines;
}

/**
 * The last pass over every export: no trailing spaces, nothing a mail client or a quoting reader
 * takes for a quote (">") or an mbox separator ("From "), nothing wider than the mail width. Every
 * layout keeps to the width by itself; the clip is the promise kept whatever the input. The text
 * ends with a newline, as a text file does.
 */
export function mailSafe(lines: readonly string[], width = MAIL_WIDTH): string {
  return lines
    .map((l) => {
      const line = clip(l.trimEnd(), width);
      return line.startsWith('>') || line.startsWith('From ') ? clip(` ${line}`, width) : line;
    })
    .join('\n')
    .concat('\n');
}

/** Longest name quoted inside a line (an fd's or an IOAS's name): names are for telling apart. */
const NAME_CHARS = 40;

/** A user's name for an object, quoted: `"c1"`. */
export function quotedName(name: string): string {
  return `"${clip(ascii(name), NAME_CHARS)}"`;
}

/**
 * Longest sentence wrapped into a paragraph. The model's sentences are a few lines; one that
 * quotes a 10,000-character name would fill pages of a mail.
 */
const PARAGRAPH_CHARS = 600;

/** `wrap` for a sentence that may quote user input: cut to a few lines first. */
export function paragraph(text: string, first: string, indent: string): string[] {
  return wrap(clip(ascii(text), PARAGRAPH_CHARS), first, indent);
}

/** Longest name a heading quotes: two lines; a 10,000-character name must not fill a page. */
const TITLE_CHARS = 120;

/** A heading that quotes a user's name: `before"name"after`, wrapped, the name cut if very long. */
export function titleLines(before: string, name: string, after = ''): string[] {
  return wrap(`${before}"${clip(ascii(name) || 'unnamed scenario', TITLE_CHARS)}"${after}`, '', '  ');
}

/** "5", "5-9", "5, 7-9, 12": sorted numbers with runs joined, as people write group lists. */
export function numberRanges(ids: readonly number[]): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j === i ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j;
  }
  return parts.join(', ');
}
