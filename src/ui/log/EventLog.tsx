// Every command of the log, grouped by the user action that ran it, with the model's answer and
// the events it caused. Newest at the bottom, scrolled into view.
import { useEffect, useRef } from 'react';
import type { LogEntry } from '../../store/log.ts';
import { commandLine } from '../../store/notices.ts';
import { useExplorer } from '../app/explorerContext.ts';
import { describeEvent, isHeadline } from './describeEvent.ts';

/** The log keeps everything; the panel draws the most recent entries. */
const SHOWN = 200;

function Entry({ entry }: { entry: LogEntry }) {
  const o = entry.outcome;
  return (
    <li data-testid="log-entry" data-op={entry.command.op} data-ok={String(o.ok)} className="py-0.5 pl-4">
      <span className="mr-2 text-slate-400">{entry.seq}</span>
      <span className="text-slate-900">{commandLine(entry.command)}</span>
      {o.ok ? (
        <span className="ml-2 text-emerald-700">ok{o.result ? ` (viable=${o.result.flags.viable}, container set=${o.result.flags.containerSet})` : ''}</span>
      ) : (
        <span className="ml-2 text-rose-700">
          {o.error.errno ?? (o.error.reason === 'invalid-command' ? 'not run' : 'refused')}: {o.error.message}
        </span>
      )}
      {o.ok && o.events.length > 0 && (
        <span className="ml-2">
          {o.events.map((e, i) => (
            <span key={i} className={`mr-1.5 inline-block rounded px-1.5 ${isHeadline(e) ? 'bg-amber-100 text-amber-900' : 'bg-slate-100 text-slate-600'}`}>
              {describeEvent(e)}
            </span>
          ))}
        </span>
      )}
    </li>
  );
}

export function EventLog() {
  const entries = useExplorer((s) => s.replay.entries);
  const steps = useExplorer((s) => s.steps);
  const policy = useExplorer((s) => s.policy);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [entries]);
  const labels = new Map(steps.map((a) => [a.id, a.label]));
  const shown = entries.slice(-SHOWN);
  return (
    <section data-testid="event-log" aria-label="Event log" className="flex h-full flex-col border-t border-slate-300 bg-white">
      <header className="flex items-center justify-between border-b border-slate-200 px-4 py-1.5 text-sm">
        <span className="text-slate-600">Every command, the kernel's answer and what it changed</span>
        <span className="text-slate-500">
          {entries.length} command{entries.length === 1 ? '' : 's'} under {policy}
        </span>
      </header>
      <div ref={list} className="flex-1 overflow-y-auto px-4 py-1 font-mono text-[12px] leading-5">
        {shown.length === 0 ? (
          <p className="py-2 font-sans text-sm text-slate-500">Nothing yet: drag a device onto a driver above.</p>
        ) : (
          <ol>
            {shown.map((entry, i) => (
              <ActionBreak key={entry.seq} entry={entry} previous={shown[i - 1]} label={labels.get(entry.actionId) ?? ''} />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

function ActionBreak({ entry, previous, label }: { entry: LogEntry; previous: LogEntry | undefined; label: string }) {
  const starts = previous?.actionId !== entry.actionId;
  return (
    <>
      {starts && <li className="mt-1 font-sans text-[12px] font-semibold text-slate-500">{label}</li>}
      <Entry entry={entry} />
    </>
  );
}
