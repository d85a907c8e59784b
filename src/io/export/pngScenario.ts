// A scenario carried inside a PNG picture of its graph, so an image posted on a forum or a bug
// tracker can be opened in the app again. The scenario file's text sits in one compressed iTXt
// chunk (PNG specification, 3rd edition, section 11.3.3.5: UTF-8 text, zlib-compressed when its
// flag is 1) just before IEND, where image viewers ignore it.
import { MAX_INPUT_CHARS } from '../inputText.ts';
import { deflate, inflate } from './deflate.ts';
import { readPngChunks, writePngChunks, type PngChunk } from './pngChunks.ts';

/** The iTXt keyword (1-79 Latin-1 characters) that marks the app's scenario. */
export const PNG_SCENARIO_KEYWORD = 'ioasid-explorer-scenario';

export type PngScenarioText = { ok: true; text: string } | { ok: false; error: string };

const latin1 = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

/** iTXt data: keyword, NUL, compression flag 1, method 0 (zlib), empty language, NUL, empty translated keyword, NUL, text. */
async function scenarioChunk(text: string): Promise<PngChunk> {
  const head = latin1(`${PNG_SCENARIO_KEYWORD}\0\x01\x00\0\0`);
  const body = await deflate(new TextEncoder().encode(text));
  const data = new Uint8Array(head.length + body.length);
  data.set(head);
  data.set(body, head.length);
  return { type: 'iTXt', data };
}

function isScenarioChunk(c: PngChunk): boolean {
  if (c.type !== 'iTXt') return false;
  const keyword = latin1(`${PNG_SCENARIO_KEYWORD}\0`);
  return c.data.length >= keyword.length && keyword.every((b, i) => c.data[i] === b);
}

/** The PNG with the scenario's text inside (replacing any scenario it already carried). */
export async function pngWithScenario(png: Uint8Array, scenarioText: string): Promise<Uint8Array> {
  const read = readPngChunks(png);
  if (!read.ok) throw new Error(`The picture to carry the scenario is not a usable PNG: ${read.error}.`);
  const kept = read.chunks.filter((c) => !isScenarioChunk(c));
  return writePngChunks([...kept.slice(0, -1), await scenarioChunk(scenarioText), kept[kept.length - 1]!]);
}

/** The scenario text a PNG exported by this app carries; a sentence saying what is wrong otherwise. */
export async function scenarioTextOfPng(png: Uint8Array): Promise<PngScenarioText> {
  const read = readPngChunks(png);
  if (!read.ok) return read;
  const chunk = read.chunks.find(isScenarioChunk);
  if (!chunk) return { ok: false, error: 'it carries no scenario (only pictures exported by ioasid-explorer do, and some sites strip it on upload)' };
  const data = chunk.data;
  const flagAt = PNG_SCENARIO_KEYWORD.length + 1;
  const [flag, method] = [data[flagAt], data[flagAt + 1]];
  // Language tag and translated keyword: two NUL-terminated strings after the flags.
  const languageEnd = data.indexOf(0, flagAt + 2);
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0 || (flag !== 0 && flag !== 1) || method !== 0) return { ok: false, error: 'its scenario chunk is malformed' };
  const body = data.subarray(translatedEnd + 1);
  try {
    const bytes = flag === 1 ? await inflate(body, MAX_INPUT_CHARS) : body;
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, error: 'its scenario chunk is damaged (it does not decompress to UTF-8 text)' };
  }
}
