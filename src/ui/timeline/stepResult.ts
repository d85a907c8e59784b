// A done step's result for its timeline icon: every command ok, a kernel BUG, the first errno, a
// command that could not run, or a what-if edit (applied or no longer applicable).
import type { Step } from '../../store/history.ts';
import type { LogEntry } from '../../store/log.ts';

export type StepResult =
  /** `status`: what GET_STATUS answered, when the step asked. */
  | { kind: 'ok'; status?: string }
  | { kind: 'bug'; message: string }
  | { kind: 'errno'; errno: string; message: string }
  | { kind: 'not-run'; message: string }
  | { kind: 'edit' }
  | { kind: 'edit-failed'; message: string };

export function stepResult(step: Step, entries: readonly LogEntry[], editFailure: string | undefined): StepResult {
  if (step.kind === 'edit') return editFailure === undefined ? { kind: 'edit' } : { kind: 'edit-failed', message: editFailure };
  for (const e of entries) {
    const o = e.outcome;
    if (o.ok) {
      const bug = o.events.find((ev) => ev.type === 'kernel.bug');
      if (bug) return { kind: 'bug', message: bug.message };
      continue;
    }
    if (o.error.errno !== null) return { kind: 'errno', errno: o.error.errno, message: o.error.message };
    return { kind: 'not-run', message: o.error.message };
  }
  const asked = entries.find((e) => e.outcome.ok && e.outcome.result);
  if (asked?.outcome.ok && asked.outcome.result) {
    const { viable, containerSet } = asked.outcome.result.flags;
    return { kind: 'ok', status: `${viable ? 'VIABLE' : 'not VIABLE'}${containerSet ? ', CONTAINER_SET' : ''}` };
  }
  return { kind: 'ok' };
}

/** Entries of the replay by the step that ran them. */
export function entriesByStep(entries: readonly LogEntry[]): Map<number, LogEntry[]> {
  const m = new Map<number, LogEntry[]>();
  for (const e of entries) {
    const list = m.get(e.actionId);
    if (list) list.push(e);
    else m.set(e.actionId, [e]);
  }
  return m;
}
