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
