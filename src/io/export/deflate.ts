// zlib deflate through the platform's CompressionStream (browsers and Node 20 alike), so the app
// needs no compression library. The zlib format ends in an Adler-32 checksum: a link damaged in
// transit fails to inflate instead of opening a different scenario.

/** Runs bytes through a (de)compression stream; more than `limit` output bytes is an error. */
async function through(bytes: Uint8Array, transform: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const writer = transform.writable.getWriter();
  // Writing is not awaited: the output must be read while the input goes in, or both stall.
  const written = writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close());
  // Damaged input fails on both sides; the reading side reports it, the writing side must not
  // become an unhandled rejection.
  written.catch(() => undefined);
  const reader = transform.readable.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`more than ${limit} bytes`);
    }
    parts.push(value);
  }
  await written;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  return through(bytes, new CompressionStream('deflate'), Number.MAX_SAFE_INTEGER);
}

/** Inflates; rejects on damaged data and on output beyond `limit` bytes (a crafted "zip bomb"). */
export function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  return through(bytes, new DecompressionStream('deflate'), limit);
}
