// Fuzzing the share-link decoder with 10,000 generated links: real links of shipped scenarios cut,
// with characters changed, inserted or removed, well-compressed payloads with one field replaced by
// arbitrary JSON, and arbitrary strings. Decoding never throws or rejects; every refusal is one
// sentence, and one about the payload names the field at fault.
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { toBase64Url } from './base64url.ts';
import { deflate } from './deflate.ts';
import { decodeShareLink, encodeShareLink } from './shareLink.ts';
import { gpuRfcV2, gpuUpstream } from './testing/goldenScenarios.ts';

let links: string[] = [];
let payloads: Record<string, unknown>[] = [];

beforeAll(async () => {
  links = [await encodeShareLink(gpuUpstream), await encodeShareLink(gpuRfcV2)];
  payloads = await Promise.all(links.map(async (l) => JSON.parse(new TextDecoder().decode(await inflateLink(l))) as Record<string, unknown>));
});

async function inflateLink(link: string): Promise<Uint8Array> {
  const b64 = link.slice(4).replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const damagedLink = fc
  .record({ which: fc.nat(1), at: fc.nat(), remove: fc.nat(6), insert: fc.oneof(fc.string({ maxLength: 4, unit: fc.constantFrom(...ALPHABET) }), fc.string({ maxLength: 3 })), cut: fc.boolean() })
  .map(({ which, at, remove, insert, cut }) => {
    const link = links[which]!;
    const i = 4 + (at % (link.length - 4));
    return cut ? link.slice(0, i) : `${link.slice(0, i)}${insert}${link.slice(i + remove)}`;
  });

/** A payload with the value at one path replaced, compressed as the app does it. */
const fieldReplaced = fc
  .record({ which: fc.nat(1), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), value: fc.jsonValue({ maxDepth: 2 }) })
  .map(({ which, picks, value }) => {
    const replace = (doc: unknown, at: readonly number[]): unknown => {
      if (at.length === 0 || typeof doc !== 'object' || doc === null) return value;
      const keys = Object.keys(doc);
      if (keys.length === 0) return value;
      const key = keys[at[0]! % keys.length]!;
      const copy = (Array.isArray(doc) ? [...doc] : { ...doc }) as Record<string, unknown>;
      copy[key] = replace((doc as Record<string, unknown>)[key], at.slice(1));
      return copy;
    };
    return replace(payloads[which], picks);
  });

const failsWithASentence = (r: Awaited<ReturnType<typeof decodeShareLink>>) => {
  if (!r.ok && !/^This share link cannot be opened: \S.+/s.test(r.error)) throw new Error(`not a refusal that says what is wrong: ${r.error}`);
};

describe('share link decoder fuzz', () => {
  it('10,000 damaged links and arbitrary strings', async () => {
    const link = fc.oneof({ arbitrary: damagedLink, weight: 8 }, { arbitrary: fc.string({ maxLength: 80 }).map((s) => `#v1=${s}`), weight: 1 }, { arbitrary: fc.string({ maxLength: 80 }), weight: 1 });
    await fc.assert(fc.asyncProperty(link, async (l) => failsWithASentence(await decodeShareLink(l))), { numRuns: 10_000 });
  });

  it('500 well-compressed payloads with a field replaced: the refusal names the field', async () => {
    await fc.assert(
      fc.asyncProperty(fieldReplaced, async (payload) => {
        const r = await decodeShareLink(`#v1=${toBase64Url(await deflate(new TextEncoder().encode(JSON.stringify(payload))))}`);
        failsWithASentence(r);
        if (!r.ok && !/malformed at [\w.]+|its scenario(, line \d+)?: [\w.]+|function \d+|names a parent|is not a PCI address|appears twice/.test(r.error)) throw new Error(`names no field: ${r.error}`);
      }),
      { numRuns: 500 },
    );
  });
});
