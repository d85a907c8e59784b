// Versioned documents (scenario files, autosaved sessions): a document names the version of its
// layout; an older one is brought forward one version at a time, each step one function, so a future
// version 2 is a new schema plus one entry in a migration table. A document that is too new, has no
// usable version, or needs a step that is not there is refused with a sentence saying which.

/** Rewrites a document of version n (the table's key) into the layout of version n + 1. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

export type Upgraded = { ok: true; doc: Record<string, unknown>; from: number } | { ok: false; message: string };

export interface VersionedKind {
  /** For messages: "scenario", "saved session". */
  what: string;
  /** The version this app writes and its schema reads. */
  current: number;
  migrations: Readonly<Record<number, Migration>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The document in the current version's layout, or why it cannot be. */
export function upgrade(json: unknown, kind: VersionedKind): Upgraded {
  if (!isRecord(json)) return { ok: false, message: `the ${kind.what}: expected a JSON object with a "version" field, found ${Array.isArray(json) ? 'a list' : json === null ? 'null' : `a ${typeof json}`}` };
  const version = json.version;
  if (version === undefined) return { ok: false, message: `version: missing; a ${kind.what} starts with "version": ${kind.current}` };
  if (typeof version !== 'number' || !Number.isInteger(version)) return { ok: false, message: `version: expected a whole number such as ${kind.current}, found ${JSON.stringify(version)}` };
  if (version > kind.current) return { ok: false, message: `version: ${version} is newer than this app reads (up to version ${kind.current}); it was written by a later version of the app` };
  if (version < 1) return { ok: false, message: `version: ${version} is not a ${kind.what} version (the first is 1)` };
  let doc = json;
  for (let v = version; v < kind.current; v++) {
    const step = kind.migrations[v];
    if (!step) return { ok: false, message: `version: ${kind.what} version ${version} can no longer be read (no step from version ${v} to ${v + 1})` };
    doc = { ...step(doc), version: v + 1 };
  }
  return { ok: true, doc, from: version };
}
