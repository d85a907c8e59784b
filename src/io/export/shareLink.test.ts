// Share links: any scenario comes back as it went in; a cut, altered, foreign or too-new link
// gives one clear sentence and never an exception; a 1,000-function machine still fits a link.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeGroups } from '../../model/grouping/computeGroups.ts';
import { groupingFromKernelListing } from '../../model/grouping/fromKernelListing.ts';
import { arbitraryTopology } from '../../model/grouping/testing/arbitraryTopology.ts';
import { commandLog } from '../../model/kernel/test-support/commandArbitrary.ts';
import { POLICY_NAMES } from '../../model/kernel/types.ts';
import { syntheticTopology } from '../../model/topology/synthetic.ts';
import { toBase64Url } from './base64url.ts';
import { deflate } from './deflate.ts';
import type { ExportScenario } from './runScenario.ts';
import { decodeShareLink, encodeShareLink, migrate } from './shareLink.ts';
import { builtInCases, fixtureCases, modelInputs, realCases } from './testing/exportCases.ts';
import { gpuRfcV2, gpuUpstream } from './testing/goldenScenarios.ts';

async function roundTrip(s: ExportScenario): Promise<ExportScenario> {
  const back = await decodeShareLink(await encodeShareLink(s));
  if (!back.ok) throw new Error(back.error);
  return back.scenario;
}

const text = fc.string({ unit: 'grapheme', maxLength: 24 });

const arbitraryScenario: fc.Arbitrary<ExportScenario> = arbitraryTopology.chain((topology) => {
  const bdfs = topology.functions.map((f) => f.bdf);
  return fc.record({
    name: text,
    policy: fc.constantFrom(...POLICY_NAMES),
    acsOverride: fc.array(text, { maxLength: 3 }),
    strictSwitch: fc.boolean(),
    commands: commandLog({ bdfs, drivers: ['vfio-pci', 'e1000e', 'pci-stub'], type1: true }, 8),
    // Some scenarios carry groups as a kernel listed them, numbered freely.
    listing: fc.option(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: bdfs.length, maxLength: bdfs.length })),
  }).map(({ name, policy, acsOverride, strictSwitch, commands, listing }): ExportScenario => {
    if (listing === null) {
      return { name, topology, grouping: computeGroups(topology, { acsOverride, strictSwitch }), groupsFrom: 'computed', settings: { policy, acsOverride, strictSwitch }, commands };
    }
    // As an import of a listing has them: each function knows the kernel's group number.
    const listed = { ...topology, functions: topology.functions.map((f, i) => ({ ...f, kernelGroup: listing[i]! })) };
    const grouping = groupingFromKernelListing(listed, new Map(bdfs.map((b, i) => [b, listing[i]!])));
    return { name, topology: listed, grouping, groupsFrom: 'kernel-listing', settings: { policy, acsOverride, strictSwitch }, commands };
  });
});

describe('share link round trip', () => {
  it('restores any generated scenario: topology, groups, settings, command log, name', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryScenario, async (s) => {
        expect(modelInputs(await roundTrip(s))).toEqual(modelInputs(s));
      }),
      { numRuns: 200 },
    );
  });

  it.each([...builtInCases(), ...fixtureCases(), ...realCases(), { name: 'gpu upstream', scenario: gpuUpstream }].map((c) => [c.name, c.scenario] as const))(
    '%s',
    async (_name, scenario) => {
      expect(modelInputs(await roundTrip(scenario))).toEqual(modelInputs(scenario));
    },
  );

  it('a 1,000-function machine with a command log fits a link a browser opens', async () => {
    const topology = syntheticTopology(1000);
    const s: ExportScenario = { ...gpuUpstream, name: 'synthetic 1000', topology, grouping: computeGroups(topology), commands: gpuUpstream.commands };
    const link = await encodeShareLink(s);
    expect(link).toMatch(/^#v1=[A-Za-z0-9_-]+$/);
    expect(link.length).toBeLessThan(100_000);
    expect(modelInputs(await roundTrip(s))).toEqual(modelInputs(s));
  });

  it('opens a whole address as well as its hash', async () => {
    const link = await encodeShareLink(gpuRfcV2);
    const back = await decodeShareLink(`https://example.org/ioasid-explorer/${link}`);
    expect(back.ok && back.scenario.name).toBe(gpuRfcV2.name);
  });
});

const payloadLink = async (payload: unknown) => `#v1=${toBase64Url(await deflate(new TextEncoder().encode(typeof payload === 'string' ? payload : JSON.stringify(payload))))}`;

describe('damaged and foreign links', () => {
  const error = async (link: string) => {
    const r = await decodeShareLink(link);
    if (r.ok) throw new Error(`${link.slice(0, 40)} opened`);
    return r.error;
  };

  it('a cut or altered link says it was changed or cut', async () => {
    const link = await encodeShareLink(gpuUpstream);
    for (const cut of [1, 10, Math.floor(link.length / 2), link.length - 5]) {
      expect(await error(link.slice(0, cut))).toMatch(/^This share link cannot be opened: /);
    }
    expect(await error(link.slice(0, -12))).toBe('This share link cannot be opened: its text was changed or cut (the compressed scenario is damaged).');
    const middle = Math.floor(link.length / 2);
    const flipped = `${link.slice(0, middle)}${link[middle] === 'A' ? 'B' : 'A'}${link.slice(middle + 1)}`;
    expect(await error(flipped)).toMatch(/changed or cut/);
    expect(await error(`${link.slice(0, 20)}%${link.slice(21)}`)).toMatch(/holds characters a link of this app never has/);
  });

  it('any change to a link opens a scenario or says why not, and never throws', async () => {
    const link = await encodeShareLink(gpuRfcV2);
    await fc.assert(
      fc.asyncProperty(fc.nat(link.length - 1), fc.string({ maxLength: 3 }), fc.nat(4), async (at, insert, remove) => {
        const r = await decodeShareLink(`${link.slice(0, at)}${insert}${link.slice(at + remove)}`);
        if (!r.ok) expect(r.error).toMatch(/^This share link cannot be opened: .+\.$/);
      }),
      { numRuns: 200 },
    );
  });

  it('names the version problem: newer, unknown, missing', async () => {
    expect(await error('#v2=abc')).toBe('This share link cannot be opened: it was made by a newer version of the app (link version 2; this one reads up to 1).');
    expect(await error('#v0=abc')).toBe('This share link cannot be opened: link version 0 does not exist.');
    expect(await error('#scenario=abc')).toMatch(/does not hold a scenario \(expected "#v1="/);
    expect(await error('')).toMatch(/does not hold a scenario/);
  });

  it('says what is wrong inside a well-compressed payload', async () => {
    expect(await error(await payloadLink('not json'))).toMatch(/its scenario is not valid JSON\.$/);
    expect(await error(await payloadLink({ n: 'x', t: { f: [] }, s: ['upstream', [], false] }))).toMatch(/malformed at c: /);
    expect(await error(await payloadLink({ n: 'x', t: { f: [['01:00.0', 7, -1, -1, -1, 'a', 1, 0, 0, []]] }, s: ['upstream', [], false], c: [] }))).toMatch(/function 1 \(01:00\.0\) names a parent that is not there/);
    expect(await error(await payloadLink({ n: 'x', t: { f: [['zz:00.0', -1, -1, -1, -1, 'a', 1, 0, 0, []]] }, s: ['upstream', [], false], c: [] }))).toMatch(/topology\.functions\.0\.bdf: "zz:00\.0" is not a PCI address/);
    expect(await error(await payloadLink({ n: 'x', t: { f: [] }, s: ['plan9', [], false], c: [] }))).toMatch(/settings\.policy/);
  });

  it('refuses a payload that inflates beyond the input limit (a crafted "zip bomb")', async () => {
    const bomb = await deflate(new Uint8Array(65 * 1024 * 1024));
    expect(await error(`#v1=${toBase64Url(bomb)}`)).toMatch(/changed or cut/);
  });
});

describe('link versions', () => {
  it('runs each version\'s migration step in turn; a missing step is reported, not guessed', () => {
    const steps = { 0: (p: unknown) => ({ ...(p as object), upgraded: true }) };
    expect(migrate({ n: 'x' }, 0, steps)).toEqual({ n: 'x', upgraded: true });
    expect(migrate({ n: 'x' }, 1, steps)).toEqual({ n: 'x' });
    expect(migrate({ n: 'x' }, 0, {})).toBeNull();
  });
});
