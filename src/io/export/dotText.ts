// Strings for Graphviz DOT. Every id the exporter writes is its own (f12, g3, d1); everything a user
// or an lspci text supplied goes only into quoted labels, escaped here, so no name can close a
// string, start a statement or an HTML label, or reach a Graphviz escape such as \N or \G.
import { ascii, clip } from './plainText.ts';

/** Longest label line: a 10,000-character name would make a node wider than any page. */
const LINE_CHARS = 100;

/**
 * One label line: ASCII (no raw newline can end the string or the statement), cut to a width a
 * drawing can show, backslashes doubled
 * (so "\N" stays two characters and not "the node's name"), quotes escaped.
 */
function escapeLine(text: string): string {
  return clip(ascii(text), LINE_CHARS).replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/**
 * A quoted DOT string of label lines joined with DOT's centred line break. Older Graphviz scanners
 * read a backslash pair before the closing quote as an escaped quote, so a label never ends in one.
 */
export function dotLabel(lines: readonly string[]): string {
  const body = lines.map(escapeLine).join('\\n');
  return `"${body.endsWith('\\') ? `${body} ` : body}"`;
}
