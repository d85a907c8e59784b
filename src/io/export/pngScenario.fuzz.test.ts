// Fuzzing the reader of scenarios carried in PNG pictures with 10,000 generated files: an exported
// picture with bytes changed, inserted or cut (some with the damaged chunk's CRC made right again,
// so the damage reaches the text chunk's fields and its compressed scenario), and arbitrary bytes.
// Reading never throws or rejects, and every refusal starts with the file's name.
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { deflate } from './deflate.ts';
import { crc32, writePngChunks } from './pngChunks.ts';
import { pngWithScenario } from './pngScenario.ts';
import { readScenarioFile } from './scenarioFile.ts';
import { scenarioJson } from './scenarioJson.ts';
import { gpuUpstream } from './testing/goldenScenarios.ts';

let png: Uint8Array = new Uint8Array(0);

beforeAll(async () => {
  const ihdr = Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0);
  const picture = writePngChunks([
    { type: 'IHDR', data: ihdr },
    { type: 'IDAT', data: await deflate(Uint8Array.of(0, 255, 0, 0, 255)) },
    { type: 'IEND', data: new Uint8Array(0) },
  ]);
  png = await pngWithScenario(picture, scenarioJson(gpuUpstream));
});

/** Start offsets of the chunks, to make a damaged chunk's CRC right again. */
function chunkAt(bytes: Uint8Array, offset: number): { start: number; length: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 12 <= bytes.length; ) {
    const length = view.getUint32(at);
    if (offset < at + 12 + length) return at + 12 + length <= bytes.length ? { start: at, length } : null;
    at += 12 + length;
  }
  return null;
}

const damaged = fc
  .record({
    edits: fc.array(fc.record({ at: fc.nat(), byte: fc.nat(255), kind: fc.constantFrom('set', 'insert', 'delete') }), { minLength: 1, maxLength: 4 }),
    cut: fc.option(fc.nat(), { freq: 4 }),
    fixCrc: fc.boolean(),
  })
  .map(({ edits, cut, fixCrc }) => {
    const bytes = [...png];
    for (const e of edits) {
      const at = e.at % bytes.length;
      if (e.kind === 'set') bytes[at] = e.byte;
      else if (e.kind === 'insert') bytes.splice(at, 0, e.byte);
      else bytes.splice(at, 1);
    }
    let out = Uint8Array.from(bytes);
    if (fixCrc && edits[0]!.kind === 'set') {
      const chunk = chunkAt(out, edits[0]!.at % out.length);
      if (chunk) new DataView(out.buffer).setUint32(chunk.start + 8 + chunk.length, crc32(out.subarray(chunk.start + 4, chunk.start + 8), out.subarray(chunk.start + 8, chunk.start + 8 + chunk.length)));
    }
    if (cut !== null) out = out.subarray(0, cut % (out.length + 1));
    return out;
  });

describe('PNG scenario reader fuzz', () => {
  it('10,000 damaged pictures and arbitrary bytes', async () => {
    const file = fc.oneof({ arbitrary: damaged, weight: 8 }, { arbitrary: fc.uint8Array({ maxLength: 200 }), weight: 1 }, { arbitrary: fc.uint8Array({ maxLength: 60 }).map((b) => Uint8Array.from([...png.subarray(0, 8), ...b])), weight: 1 });
    await fc.assert(
      fc.asyncProperty(file, async (bytes) => {
        const r = await readScenarioFile('picture.png', bytes);
        if (!r.ok && !r.error.message.startsWith('picture.png')) throw new Error(`a refusal without the file's name: ${r.error.message}`);
      }),
      { numRuns: 10_000 },
    );
  });
});
