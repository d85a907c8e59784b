// Fuzzing the scenario reader with 10,000 generated files: the shipped scenario files and the app's
// own export damaged line by line or cut, single fields replaced by arbitrary JSON, and arbitrary
// JSON documents. The reader never throws; every error names its line, or the field at fault where
// the text has no line for it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { mutatedText } from '../testing/textMutations.ts';
import { scenarioJson } from './export/scenarioJson.ts';
import { gpuRfcV2, gpuUpstream } from './export/testing/goldenScenarios.ts';
import { readScenario } from './scenario.ts';

const shipped = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.scenario.json'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));

const FILES = [...shipped('src/scenarios/flows'), ...shipped('src/model/check/scenarios'), scenarioJson(gpuUpstream), scenarioJson(gpuRfcV2)];
const DOCS = FILES.map((t) => JSON.parse(t) as Record<string, unknown>);

/** A document with the value at one path (keys and indices picked by the numbers) replaced. */
function replaceAt(doc: unknown, picks: readonly number[], value: unknown): unknown {
  if (picks.length === 0 || typeof doc !== 'object' || doc === null) return value;
  const keys = Object.keys(doc);
  if (keys.length === 0) return value;
  const key = keys[picks[0]! % keys.length]!;
  const copy: Record<string, unknown> = Array.isArray(doc) ? ([...doc] as unknown as Record<string, unknown>) : { ...doc };
  copy[key] = replaceAt((doc as Record<string, unknown>)[key], picks.slice(1), value);
  return copy;
}

const fieldReplaced = fc
  .record({ which: fc.nat(DOCS.length - 1), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), value: fc.jsonValue({ maxDepth: 2 }) })
  .map(({ which, picks, value }) => JSON.stringify(replaceAt(DOCS[which], picks, value), null, 1));

const NAMES_ITS_PLACE = /^scenario\.json(, line \d+)?: ([\w.]+: |the scenario: |not valid JSON|the topology names)/;

function answersWithItsPlace(text: string): boolean {
  const r = readScenario(text, { source: 'scenario.json' });
  if (r.ok) return true;
  const { line, message } = r.error;
  if (line !== null && !message.startsWith(`scenario.json, line ${line}: `)) throw new Error(`the error does not name its line ${line}: ${message}`);
  if (!NAMES_ITS_PLACE.test(message)) throw new Error(`the error names neither line nor field: ${message}`);
  return true;
}

describe('scenario reader fuzz', () => {
  it('10,000 damaged scenario files, replaced fields and arbitrary JSON', () => {
    const file = fc.oneof(
      { arbitrary: mutatedText(FILES, { maxLines: 400, maxEdits: 3 }), weight: 4 },
      { arbitrary: fieldReplaced, weight: 4 },
      { arbitrary: fc.json({ maxDepth: 3 }), weight: 1 },
      { arbitrary: fc.string({ maxLength: 100 }), weight: 1 },
    );
    fc.assert(fc.property(file, answersWithItsPlace), { numRuns: 10_000 });
  });
});
