// What the last console command got: ok (with GET_STATUS's flags), the errno and the model's
// sentence, the BUG, or why the form's command was not sent at all.
import type { LogEntry } from '../../store/log.ts';
import { commandLine } from '../../store/notices.ts';

type Answer = { entry: LogEntry } | { invalid: string };

export function ConsoleAnswer({ answer }: { answer: Answer }) {
  if ('invalid' in answer) {
    return (
      <p data-testid="console-answer" data-ok="false" data-errno="" role="alert" className="rounded bg-amber-50 px-2 py-1 text-[12px] text-amber-900">
        Not sent: {answer.invalid}
      </p>
    );
  }
  const { entry } = answer;
  const o = entry.outcome;
  const bug = o.ok ? o.events.find((e) => e.type === 'kernel.bug') : undefined;
  const tone = !o.ok ? 'bg-rose-50 text-rose-900' : bug ? 'bg-red-100 text-red-900' : 'bg-emerald-50 text-emerald-900';
  return (
    <div data-testid="console-answer" data-ok={String(o.ok)} data-errno={o.ok ? '' : (o.error.errno ?? '')} role="status" className={`rounded px-2 py-1 text-[12px] ${tone}`}>
      <code className="mr-1 text-[11px]">{commandLine(entry.command)}</code>
      {o.ok ? (
        bug ? (
          <span>
            <strong>BUG</strong>: {bug.message}
          </span>
        ) : (
          <strong>ok{o.result ? ` (viable=${o.result.flags.viable}, container set=${o.result.flags.containerSet})` : ''}</strong>
        )
      ) : (
        <span>
          <strong>{o.error.errno ?? 'not run'}</strong>: {o.error.message}
        </span>
      )}
    </div>
  );
}
