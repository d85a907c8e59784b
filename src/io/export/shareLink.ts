// Share links: a scenario (topology, settings, command log) in a URL hash, `#v1=` and the deflated
// payload in base64url. The version names the payload's layout: a link made today must open in
// every later version, so a new layout gets a new number and a step in MIGRATIONS that rewrites the
// old payload into it. Opening a link never throws: a cut, altered or foreign link gives one
// sentence saying what is wrong.
import { z } from 'zod';
import { MAX_INPUT_CHARS } from '../inputText.ts';
import { readScenarioValue, type Scenario } from '../scenario.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { compactTopology, compactTopologySchema, expandTopology } from './compactTopology.ts';
import { deflate, inflate } from './deflate.ts';
import type { ExportScenario } from './runScenario.ts';
import { normalTopology, SCENARIO_VERSION } from './scenarioJson.ts';

export const SHARE_LINK_VERSION = 1;

/** Rewrites a payload of link version n into the layout of version n + 1. */
export type Migration = (payload: unknown) => unknown;

/** One step per retired link version (none yet: version 1 is the first). */
const MIGRATIONS: Readonly<Record<number, Migration>> = {};

const payloadSchema = z.object({
  n: z.string(),
  t: compactTopologySchema.extend({ k: z.literal(1).optional() }),
  s: z.tuple([z.string(), z.array(z.string()), z.boolean()]),
  c: z.array(z.unknown()),
});

type Payload = z.infer<typeof payloadSchema>;

export type ShareLinkResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

function payloadOf(scenario: ExportScenario): Payload {
  // The file's topology: groups the kernel listed travel as each function's kernelGroup.
  const topology = normalTopology(scenario);
  const { settings } = scenario;
  return {
    n: scenario.name,
    t: { ...compactTopology(topology), ...(topology.groupsFrom === 'kernel-listing' ? { k: 1 as const } : {}) },
    s: [settings.policy, settings.acsOverride, settings.strictSwitch],
    c: [...scenario.commands],
  };
}

/** The hash to put after a page's address: `#v1=...`. */
export async function encodeShareLink(scenario: ExportScenario): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(payloadOf(scenario)));
  return `#v${SHARE_LINK_VERSION}=${toBase64Url(await deflate(bytes))}`;
}

/** Brings a payload from its link version to the current one; null when a step is missing. */
export function migrate(payload: unknown, from: number, migrations: Readonly<Record<number, Migration>> = MIGRATIONS): unknown {
  let p = payload;
  for (let v = from; v < SHARE_LINK_VERSION; v++) {
    const step = migrations[v];
    if (!step) return null;
    p = step(p);
  }
  return p;
}

const fail = (error: string): ShareLinkResult => ({ ok: false, error: `This share link cannot be opened: ${error}` });

/** Reads a hash (`#v1=...`), or a whole address ending in one, back into a scenario. */
export async function decodeShareLink(link: string): Promise<ShareLinkResult> {
  const hash = link.includes('#') ? link.slice(link.indexOf('#') + 1) : link;
  if (hash.length > MAX_INPUT_CHARS) return fail('it is longer than any link this app makes.');
  const m = /^v(\d{1,6})=(.*)$/s.exec(hash.trim());
  if (!m) return fail('it does not hold a scenario (expected "#v1=" followed by the scenario).');
  const version = Number(m[1]);
  if (version > SHARE_LINK_VERSION) return fail(`it was made by a newer version of the app (link version ${version}; this one reads up to ${SHARE_LINK_VERSION}).`);
  if (version < 1) return fail(`link version ${version} does not exist.`);
  const bytes = fromBase64Url(m[2]!);
  if (bytes === null || bytes.length === 0) return fail('its text was changed or cut (it holds characters a link of this app never has, or ends mid-way).');

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await inflate(bytes, MAX_INPUT_CHARS));
  } catch {
    return fail('its text was changed or cut (the compressed scenario is damaged).');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('its scenario is not valid JSON.');
  }
  const migrated = migrate(json, version);
  if (migrated === null) return fail(`link version ${version} can no longer be read.`);
  const checked = payloadSchema.safeParse(migrated);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    return fail(`its scenario is malformed at ${issue.path.join('.') || 'the top'}: ${issue.message}.`);
  }
  const p = checked.data;
  const expanded = expandTopology(p.t);
  if (!expanded.ok) return fail(`${expanded.error}.`);
  const read = readScenarioValue(
    {
      version: SCENARIO_VERSION,
      name: p.n,
      topology: { ...expanded.topology, ...(p.t.k === 1 ? { groupsFrom: 'kernel-listing' } : {}) },
      settings: { policy: p.s[0], acsOverride: p.s[1], strictSwitch: p.s[2] },
      commands: p.c,
    },
    { source: 'its scenario' },
  );
  return read.ok ? read : fail(read.error.message);
}
