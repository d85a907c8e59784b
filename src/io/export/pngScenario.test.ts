// The scenario inside a PNG: it comes back exactly, the picture stays a valid PNG (every CRC right,
// the chunk before IEND), and a damaged, cut or foreign file gives a sentence, never an exception.
import { describe, expect, it } from 'vitest';
import { deflate } from './deflate.ts';
import { crc32, isPng, readPngChunks, writePngChunks, type PngChunk } from './pngChunks.ts';
import { PNG_SCENARIO_KEYWORD, pngWithScenario, scenarioTextOfPng } from './pngScenario.ts';
import { readScenarioFile } from './scenarioFile.ts';
import { scenarioJson } from './scenarioJson.ts';
import { gpuUpstream } from './testing/goldenScenarios.ts';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** A 2x1 RGBA picture: one red and one white pixel, each row with filter byte 0. */
async function tinyPng(): Promise<Uint8Array> {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, 2);
  v.setUint32(4, 1);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const pixels = Uint8Array.of(0, 255, 0, 0, 255, 255, 255, 255, 255);
  const chunks: PngChunk[] = [
    { type: 'IHDR', data: ihdr },
    { type: 'IDAT', data: await deflate(pixels) },
    { type: 'IEND', data: new Uint8Array(0) },
  ];
  return writePngChunks(chunks);
}

function chunkOffset(png: Uint8Array, type: string): number {
  for (let at = 8; at < png.length; ) {
    const length = new DataView(png.buffer, png.byteOffset).getUint32(at);
    if (String.fromCharCode(...png.subarray(at + 4, at + 8)) === type) return at;
    at += 12 + length;
  }
  throw new Error(`no ${type}`);
}

describe('CRC-32 and chunks', () => {
  it('computes the CRC-32 check value and the CRC every IEND chunk carries', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(ascii('IEND'))).toBe(0xae426082);
  });

  it('writes a PNG whose bytes end in the standard IEND chunk and reads back the same chunks', async () => {
    const png = await tinyPng();
    expect(isPng(png)).toBe(true);
    expect([...png.subarray(-12)]).toEqual([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
    const read = readPngChunks(png);
    expect(read.ok && read.chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  });
});

describe('a scenario inside a PNG', () => {
  const text = scenarioJson(gpuUpstream);

  it('comes back exactly, in one iTXt chunk just before IEND, with every CRC right', async () => {
    const png = await pngWithScenario(await tinyPng(), text);
    const read = readPngChunks(png);
    if (!read.ok) throw new Error(read.error);
    expect(read.chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'iTXt', 'IEND']);
    expect(String.fromCharCode(...read.chunks[2]!.data.subarray(0, PNG_SCENARIO_KEYWORD.length))).toBe(PNG_SCENARIO_KEYWORD);
    expect(await scenarioTextOfPng(png)).toEqual({ ok: true, text });
  });

  it('keeps text outside Latin-1 (names in UTF-8) and replaces the scenario of a picture exported again', async () => {
    const once = await pngWithScenario(await tinyPng(), text);
    const other = text.replace(gpuUpstream.name, 'Grafikkarte für µVMs – 日本語');
    const twice = await pngWithScenario(once, other);
    const read = readPngChunks(twice);
    expect(read.ok && read.chunks.filter((c) => c.type === 'iTXt')).toHaveLength(1);
    expect(await scenarioTextOfPng(twice)).toEqual({ ok: true, text: other });
  });

  it('opens as the same scenario as its JSON file: topology, groups, settings and command log', async () => {
    const png = await pngWithScenario(await tinyPng(), text);
    const fromPng = await readScenarioFile('gpu.png', png);
    const fromJson = await readScenarioFile('gpu.json', new TextEncoder().encode(text));
    if (!fromPng.ok || !fromJson.ok) throw new Error('not read');
    expect(fromPng.scenario).toEqual(fromJson.scenario);
    expect(fromPng.scenario.name).toBe(gpuUpstream.name);
    expect(fromPng.scenario.topology.functions.map((f) => f.bdf)).toEqual(gpuUpstream.topology.functions.map((f) => f.bdf));
    expect(fromPng.scenario.commands).toHaveLength(gpuUpstream.commands.length);
    expect(fromPng.scenario.settings.policy).toBe('upstream');
  });
});

describe('a file that cannot be opened says why', () => {
  const text = scenarioJson(gpuUpstream);

  async function message(name: string, bytes: Uint8Array): Promise<string> {
    const r = await readScenarioFile(name, bytes);
    if (r.ok) throw new Error('opened');
    return r.error.message;
  }

  it('a byte changed inside the scenario chunk fails its CRC, naming the chunk', async () => {
    const png = await pngWithScenario(await tinyPng(), text);
    const at = chunkOffset(png, 'iTXt');
    png[at + 40]! ^= 0xff;
    expect(await message('gpu.png', png)).toBe(`gpu.png: it is damaged: chunk iTXt at byte ${at} fails its CRC check`);
  });

  it('a cut file names the chunk it ends in', async () => {
    const png = await pngWithScenario(await tinyPng(), text);
    const at = chunkOffset(png, 'iTXt');
    expect(await message('cut.png', png.subarray(0, at + 30))).toMatch(/^cut\.png: it is cut off: chunk iTXt at byte \d+ needs \d+ bytes of data, but the file ends before them$/);
    expect(await message('cut.png', png.subarray(0, png.length - 12))).toBe('cut.png: it is cut off: it has no IEND chunk');
    expect(await message('cut.png', png.subarray(0, png.length - 6))).toMatch(/cut off: a chunk header at byte \d+ is incomplete/);
  });

  it('a PNG from elsewhere carries no scenario', async () => {
    expect(await message('photo.png', await tinyPng())).toMatch(/^photo\.png: it carries no scenario/);
  });

  it('a scenario chunk whose compressed text is damaged (CRC recomputed) is reported, not thrown', async () => {
    const png = await pngWithScenario(await tinyPng(), text);
    const read = readPngChunks(png);
    if (!read.ok) throw new Error(read.error);
    const chunks = read.chunks.map((c) => (c.type === 'iTXt' ? { type: c.type, data: c.data.slice(0, c.data.length - 8) } : c));
    expect(await message('x.png', writePngChunks(chunks))).toMatch(/^x\.png: its scenario chunk is damaged/);
  });

  it('neither a PNG nor UTF-8 text, and JSON that is not a scenario, each get their sentence', async () => {
    expect(await message('blob.bin', Uint8Array.of(0xff, 0xfe, 0x00, 0xc3))).toBe('blob.bin: it is neither a PNG picture nor a text file (it is not UTF-8)');
    expect(await message('notes.json', new TextEncoder().encode('{"hello": 1}'))).toMatch(/^notes\.json/);
  });

  it('writing into something that is not a PNG is refused with a sentence', async () => {
    await expect(pngWithScenario(ascii('GIF89a'), text)).rejects.toThrow(/not a usable PNG: it is not a PNG image/);
  });
});
