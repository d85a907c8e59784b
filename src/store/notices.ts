// What deserves a toast after an action: the kernel's refusal (errno and its sentence), a command the
// model could not run, and a driver probe that declined although the write succeeded. A kernel BUG
// is not a notice: the panic overlay shows it.
import type { LogEntry } from './log.ts';

export interface Notice {
  id: number;
  tone: 'error' | 'info';
  /** e.g. "EBUSY · driver.bind 0000:01:00.1 snd_hda_intel". */
  title: string;
  /** The model's sentence. */
  message: string;
  /** A button the notice offers: bring back the work the last opened scenario replaced. */
  action?: 'restore-previous';
}

/** A command in one line, as the log and the toasts print it. */
export function commandLine(command: LogEntry['command']): string {
  const args = Object.entries(command)
    .filter(([k]) => k !== 'op')
    .map(([k, v]) => (k === 'bdf' || k === 'driver' ? String(v) : `${k}=${String(v)}`));
  return [command.op, ...args].join(' ');
}

export function noticesFor(entries: readonly LogEntry[], firstId: number): Notice[] {
  const out: Notice[] = [];
  for (const e of entries) {
    const o = e.outcome;
    if (!o.ok) {
      if (o.error.reason === 'machine-panicked') continue;
      const what = o.error.errno ?? (o.error.reason === 'invalid-command' ? 'not run' : 'refused');
      out.push({ id: firstId + out.length, tone: 'error', title: `${what} · ${commandLine(e.command)}`, message: o.error.message });
      continue;
    }
    for (const ev of o.events) {
      if (ev.type === 'driver.probeRefused') {
        out.push({ id: firstId + out.length, tone: 'info', title: `${ev.errno} from ${ev.driver}'s probe · ${commandLine(e.command)}`, message: ev.message });
      }
    }
  }
  return out;
}

/** How an entry ended, in a word: "ok", the errno, "not run", "BUG". */
function answer(e: LogEntry): string {
  const o = e.outcome;
  if (o.ok) return o.events.some((ev) => ev.type === 'kernel.bug') ? 'BUG' : 'ok';
  if (o.error.reason === 'machine-panicked') return 'not run (panicked)';
  return o.error.errno ?? 'not run';
}

/** Entries keyed by their step and their place in it, which survive a re-run of the log. */
function byPlace(entries: readonly LogEntry[]): Map<string, LogEntry> {
  const out = new Map<string, LogEntry>();
  let index = 0;
  for (const [i, e] of entries.entries()) {
    index = i > 0 && entries[i - 1]!.actionId === e.actionId ? index + 1 : 0;
    out.set(`${e.actionId}:${index}`, e);
  }
  return out;
}

const SHOWN_CHANGES = 4;

/**
 * After the log re-ran (an edit, a deleted or moved step): which commands of the steps kept on both
 * sides now answer differently, or are no longer reached. Null when none.
 */
export function outcomeChanges(before: readonly LogEntry[], after: readonly LogEntry[], kept: ReadonlySet<number>, cause: string): Omit<Notice, 'id'> | null {
  const now = byPlace(after);
  const lines: string[] = [];
  for (const [place, old] of byPlace(before)) {
    if (!kept.has(old.actionId)) continue;
    const fresh = now.get(place);
    if (!fresh) {
      lines.push(`${commandLine(old.command)}: ${answer(old)} \u2192 no longer reached`);
      continue;
    }
    const a = answer(old);
    const b = answer(fresh);
    if (a !== b) {
      const why = fresh.outcome.ok ? '' : ` (${fresh.outcome.error.message})`;
      lines.push(`#${fresh.seq} ${commandLine(fresh.command)}: ${a} \u2192 ${b}${why}`);
    }
  }
  if (lines.length === 0) return null;
  const more = lines.length > SHOWN_CHANGES ? ` \u2026 and ${lines.length - SHOWN_CHANGES} more (see the event log)` : '';
  return {
    tone: 'info',
    title: `after ${cause}: ${lines.length} command${lines.length === 1 ? '' : 's'} answer${lines.length === 1 ? 's' : ''} differently`,
    message: lines.slice(0, SHOWN_CHANGES).join('; ') + more,
  };
}
