// The checks every text importer makes before reading a single field: size, binary, empty; then
// the split into lines (LF, CRLF or a lone CR all end a line).
import { importError, type ImportError } from './importResult.ts';

/**
 * Largest text accepted, in characters. lspci -vvv of a large server is a few MB; 64 Mi is the
 * CLI's file limit too, so the app and the CLI refuse the same inputs. Everything below it is read
 * in linear time (no backtracking regex), so the limit only guards memory, not a hang.
 */
export const MAX_INPUT_CHARS = 64 * 1024 * 1024;

/** Share of non-printable characters above which a text is taken for a binary file. */
const BINARY_SHARE = 0.1;

export type TextLines = { ok: true; lines: string[] } | { ok: false; error: ImportError };

/** `what` names the expected input in the empty-input message, e.g. "the text lspci -vvv prints". */
export function readInputLines(text: string, what: string, source?: string): TextLines {
  if (text.length > MAX_INPUT_CHARS) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    return importError(source, null, `${mb} MB is more than the 64 MB limit (lspci output of one machine is a few MB), so it was not read.`);
  }
  const binary = findBinary(text);
  if (binary !== null) {
    const line = lineAt(text, binary);
    return importError(source, line, `not ${what}: the input looks binary (first bad byte at offset ${binary}).`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return importError(source, 1, `the input is empty; expected ${what}.`);
  return { ok: true, lines: body.split(/\r\n|\r|\n/) };
}

/**
 * The offset of the first non-printable character when the text holds a NUL or more than 10%
 * non-printable characters (controls, U+FFFD from undecodable bytes); null for text.
 */
function findBinary(text: string): number | null {
  let first = -1;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const printable = c >= 0x20 ? c !== 0x7f && c !== 0xfffd && (c < 0x80 || c > 0x9f) : c === 9 || c === 10 || c === 13 || c === 12;
    if (printable) continue;
    if (first < 0) first = i;
    if (c === 0) return first;
    bad += 1;
  }
  return bad > text.length * BINARY_SHARE ? first : null;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line += 1;
  }
  return line;
}
