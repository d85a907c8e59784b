// Reading a saved session back: everything is checked against a versioned schema; older session
// layouts are migrated (versioned.ts), and anything else is refused with a sentence saying what is
// wrong. The scenario inside is checked by the scenario file reader, as any file.
import { z } from 'zod';
import { readScenarioValue } from '../io/scenario.ts';
import { upgrade, type Migration, type VersionedKind } from '../io/versioned.ts';
import type { Command } from '../model/kernel/commands.ts';
import { POLICY_NAMES, type PolicyName } from '../model/kernel/types.ts';
import { explorerScenario, type ScenarioMeta } from './scenarioDocument.ts';
import { SESSION_VERSION, type SessionRead } from './session.ts';

/** Steps from older session layouts, keyed by the version they read (none yet). */
export const SESSION_MIGRATIONS: Readonly<Record<number, Migration>> = {};

const SESSION_KIND: VersionedKind = { what: 'saved session', current: SESSION_VERSION, migrations: SESSION_MIGRATIONS };

/** What the explorer keeps beside the scenario file (scenarioDocument.ts). */
const scenarioMetaSchema: z.ZodType<ScenarioMeta> = z.object({
  id: z.string(),
  description: z.string(),
  findings: z.array(z.string()).optional(),
  amdIvrs: z.boolean().optional(),
  machineOptions: z
    .object({
      strictSameDriver: z.boolean().optional(),
      probeRefusals: z.record(z.string(), z.array(z.string())).optional(),
    })
    .optional(),
});

const sessionSchema = z.object({
  version: z.literal(SESSION_VERSION),
  savedAt: z.string(),
  policy: z.enum(POLICY_NAMES as [PolicyName, ...PolicyName[]]),
  /** A scenario file (spec scenario-format.md); its reader checks it. */
  scenario: z.record(z.string(), z.unknown()),
  meta: scenarioMetaSchema,
  actions: z.array(z.object({ label: z.string(), commands: z.array(z.looseObject({ op: z.string() })) })),
});

export type StoredSession = z.infer<typeof sessionSchema>;

export function readSession(text: string): SessionRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `it is not valid JSON (${(e as Error).message})` };
  }
  const upgraded = upgrade(json, SESSION_KIND);
  if (!upgraded.ok) return { ok: false, message: upgraded.message };
  const checked = sessionSchema.safeParse(upgraded.doc);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    return { ok: false, message: `${issue.path.join('.') || 'the session'}: ${issue.message}` };
  }
  const s = checked.data;
  const file = readScenarioValue(s.scenario, { source: 'its scenario' });
  if (!file.ok) return { ok: false, message: file.error.message };
  return {
    ok: true,
    session: {
      scenario: explorerScenario(file.scenario, s.meta),
      policy: s.policy,
      actions: s.actions.map((a) => ({ label: a.label, commands: a.commands as unknown as Command[] })),
      savedAt: s.savedAt,
    },
  };
}
