// The compare-designs view without the UI: the current steps replayed under all three policies on
// the same (edited) machine, and every command's answer classified so that the rows where the
// designs part ways stand out. The classes follow the design diff's (model/check/diff.ts outcomeOf):
// `ok`, `ok VIABLE` / `ok not VIABLE` for GET_STATUS, an errno, `BUG`; plus `not run` for a command
// the replay never reached (an earlier command of its step was refused, or the machine had panicked).
import { POLICY_NAMES, type PolicyName } from '../model/kernel/types.ts';
import type { Command } from '../model/kernel/commands.ts';
import { deriveAll } from './derive.ts';
import type { Step } from './history.ts';
import type { LogEntry } from './log.ts';
import type { Scenario } from './scenario.ts';

export type OutcomeClass = 'ok' | 'errno' | 'bug' | 'not-run';

export interface CellOutcome {
  class: OutcomeClass;
  /** What the cell says: `ok`, `ok VIABLE`, `EBUSY`, `BUG`, `not run`. */
  text: string;
  /** The model's sentence, for a tooltip: the errno's reason, the BUG message, why it did not run. */
  message: string;
}

export interface CompareRow {
  /** 1-based position of the step in the history. */
  stepNumber: number;
  stepId: number;
  label: string;
  /** The command of this row; null for an edit step (one row, the same under every policy). */
  command: Command | null;
  cells: Readonly<Record<PolicyName, CellOutcome>>;
  /** The policies did not all answer alike. */
  differs: boolean;
}

const NOT_REACHED: CellOutcome = { class: 'not-run', text: 'not run', message: 'an earlier command of this step was refused, so the step stopped before this one' };

/** One log entry's answer in the diff's vocabulary. */
export function classify(entry: LogEntry | undefined): CellOutcome {
  if (!entry) return NOT_REACHED;
  const o = entry.outcome;
  if (!o.ok) {
    if (o.error.errno !== null) return { class: 'errno', text: o.error.errno, message: o.error.message };
    return { class: 'not-run', text: 'not run', message: o.error.message };
  }
  const bug = o.events.find((e) => e.type === 'kernel.bug');
  if (bug) return { class: 'bug', text: 'BUG', message: bug.message };
  if (o.result) return { class: 'ok', text: o.result.flags.viable ? 'ok VIABLE' : 'ok not VIABLE', message: '' };
  return { class: 'ok', text: 'ok', message: '' };
}

function byPolicy<T>(make: (p: PolicyName) => T): Record<PolicyName, T> {
  return Object.fromEntries(POLICY_NAMES.map((p) => [p, make(p)])) as Record<PolicyName, T>;
}

/** Every command of every step, answered under each policy, in history order. */
export function compareDesigns(base: Scenario, steps: readonly Step[]): CompareRow[] {
  const derived = byPolicy((p) => deriveAll(base, steps, p));
  // The entries of each step under each policy, in order: entries of a step are consecutive.
  const entriesOf = byPolicy((p) => {
    const m = new Map<number, LogEntry[]>();
    for (const e of derived[p].replay.entries) m.set(e.actionId, [...(m.get(e.actionId) ?? []), e]);
    return m;
  });
  const rows: CompareRow[] = [];
  steps.forEach((step, i) => {
    if (step.kind === 'edit') {
      // Edits change the machine, not the kernel's answers: the same under every policy.
      const failure = derived.upstream.editFailures.get(step.id);
      const cell: CellOutcome = failure === undefined ? { class: 'ok', text: 'edited', message: step.label } : { class: 'not-run', text: 'not applied', message: failure };
      rows.push({ stepNumber: i + 1, stepId: step.id, label: step.label, command: null, cells: byPolicy(() => cell), differs: false });
      return;
    }
    step.commands.forEach((command, k) => {
      const cells = byPolicy((p) => classify(entriesOf[p].get(step.id)?.[k]));
      const differs = new Set(POLICY_NAMES.map((p) => cells[p].text)).size > 1;
      rows.push({ stepNumber: i + 1, stepId: step.id, label: step.label, command, cells, differs });
    });
  });
  return rows;
}

/** Per step that the designs answer differently, its first such command in one line: "driver.bind: legacy BUG, rfc-v2 BUG, upstream EBUSY". */
export function stepDifferences(rows: readonly CompareRow[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const row of rows) {
    if (!row.differs || out.has(row.stepId) || row.command === null) continue;
    out.set(row.stepId, `${row.command.op}: ${POLICY_NAMES.map((p) => `${p} ${row.cells[p].text}`).join(', ')}`);
  }
  return out;
}
