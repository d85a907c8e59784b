// The autosaved session: the scenario (as a version-1 scenario file plus what the explorer knows of
// it), the policy, and the user's actions with their labels, so the event log reads as before.
// Everything read back is checked against a versioned schema; older session layouts are migrated
// (versioned.ts), and anything else is refused with a sentence saying what is wrong.
// What is saved is what the user made: the scenario as edited (what-if edits applied) and the
// command steps as they run on it. The undo history itself is not kept: a restored session starts
// on the edited machine with the command steps as its history, no edit steps, and nothing to redo.
import { z } from 'zod';
import { readScenarioValue } from '../io/scenario.ts';
import { upgrade, type Migration, type VersionedKind } from '../io/versioned.ts';
import { POLICY_NAMES, type PolicyName } from '../model/kernel/types.ts';
import type { Command } from '../model/kernel/commands.ts';
import { editScenario, replayActions } from '../store/derive.ts';
import type { ExplorerState } from '../store/explorerStore.ts';
import type { Scenario } from '../store/scenario.ts';
import { explorerScenario, metaOf, scenarioDocument, scenarioMetaSchema } from './scenarioDocument.ts';

export const SESSION_VERSION = 1;

/** Steps from older session layouts, keyed by the version they read (none yet). */
export const SESSION_MIGRATIONS: Readonly<Record<number, Migration>> = {};

const SESSION_KIND: VersionedKind = { what: 'saved session', current: SESSION_VERSION, migrations: SESSION_MIGRATIONS };

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

export interface SavedAction {
  label: string;
  commands: readonly Command[];
}

export interface RestoredSession {
  scenario: Scenario;
  policy: PolicyName;
  actions: SavedAction[];
  savedAt: string;
}

export type SessionRead = { ok: true; session: RestoredSession } | { ok: false; message: string };

export type SessionState = Pick<ExplorerState, 'baseScenario' | 'scenario' | 'grouping' | 'policy' | 'steps'>;

/**
 * The command steps as they run on the edited machine: each command carried through the edits
 * recorded after it (store/derive.ts). A command whose device an edit removed ends its action
 * there, as it does in the log.
 */
export function savedActions(state: SessionState): SavedAction[] {
  const effects = state.steps.some((s) => s.kind === 'edit') ? editScenario(state.baseScenario, state.steps).effects : new Map();
  return replayActions(state.steps, effects).map((a) => {
    const stop = a.unrunnable ? Math.min(...a.unrunnable.keys()) : a.commands.length;
    return { label: a.label, commands: a.commands.slice(0, stop) };
  });
}

export function sessionOf(state: SessionState, savedAt: Date): StoredSession {
  return {
    version: SESSION_VERSION,
    savedAt: savedAt.toISOString(),
    policy: state.policy,
    scenario: scenarioDocument(state.scenario, state.grouping, state.policy),
    meta: metaOf(state.scenario),
    actions: savedActions(state).map((a) => ({ label: a.label, commands: a.commands.map((c) => ({ ...c })) })),
  };
}

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
