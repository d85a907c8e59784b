// PNG files as a list of chunks (PNG specification, 3rd edition, section 5): the 8-byte signature,
// then chunks of length, type, data and a CRC-32 over type and data. Reading checks every CRC and
// every length, so a damaged or cut file gives one sentence naming the chunk and its offset.
// Written here rather than taken from npm: the small chunk packages there were last published in
// 2016, are CommonJS with separate type packages, and report damage with their own wording.

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

export interface PngChunk {
  /** Four ASCII letters, e.g. "IHDR", "iTXt". */
  type: string;
  data: Uint8Array;
}

export type PngChunksResult = { ok: true; chunks: PngChunk[] } | { ok: false; error: string };

/** CRC-32 as PNG (and zlib, gzip, Ethernet) defines it: polynomial 0xEDB88320, reflected. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(...parts: Uint8Array[]): number {
  let crc = 0xffffffff;
  for (const bytes of parts) for (const b of bytes) crc = CRC_TABLE[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const CHUNK_TYPE = /^[A-Za-z]{4}$/;

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Every chunk of a PNG file, IHDR to IEND, each with its CRC checked. */
export function readPngChunks(bytes: Uint8Array): PngChunksResult {
  if (!isPng(bytes)) return { ok: false, error: 'it is not a PNG image (its first 8 bytes are not the PNG signature)' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  let at = PNG_SIGNATURE.length;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) return { ok: false, error: `it is cut off: a chunk header at byte ${at} is incomplete` };
    const length = view.getUint32(at);
    const typeBytes = bytes.subarray(at + 4, at + 8);
    const type = String.fromCharCode(...typeBytes);
    if (!CHUNK_TYPE.test(type)) return { ok: false, error: `it is damaged: the chunk at byte ${at} has no valid type` };
    const end = at + 12 + length;
    if (end > bytes.length) return { ok: false, error: `it is cut off: chunk ${type} at byte ${at} needs ${length} bytes of data, but the file ends before them` };
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (view.getUint32(at + 8 + length) !== crc32(typeBytes, data)) return { ok: false, error: `it is damaged: chunk ${type} at byte ${at} fails its CRC check` };
    chunks.push({ type, data });
    at = end;
    if (type === 'IEND') break;
  }
  if (chunks[0]?.type !== 'IHDR') return { ok: false, error: 'it is damaged: its first chunk is not IHDR' };
  if (chunks[chunks.length - 1]?.type !== 'IEND') return { ok: false, error: 'it is cut off: it has no IEND chunk' };
  return { ok: true, chunks };
}

/** The PNG file of these chunks (the caller keeps IHDR first and IEND last). */
export function writePngChunks(chunks: readonly PngChunk[]): Uint8Array {
  const size = PNG_SIGNATURE.length + chunks.reduce((n, c) => n + 12 + c.data.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(PNG_SIGNATURE, 0);
  let at = PNG_SIGNATURE.length;
  for (const { type, data } of chunks) {
    if (!CHUNK_TYPE.test(type)) throw new Error(`"${type}" is not a PNG chunk type (four ASCII letters)`);
    const typeBytes = Uint8Array.from(type, (ch) => ch.charCodeAt(0));
    view.setUint32(at, data.length);
    out.set(typeBytes, at + 4);
    out.set(data, at + 8);
    view.setUint32(at + 8 + data.length, crc32(typeBytes, data));
    at += 12 + data.length;
  }
  return out;
}
