// The uAPI console: the commands of the selected policy as forms, one command per step. Fields start
// from the selection and the objects that exist (store/consoleDefaults.ts); commands the policy has
// no handler for are listed disabled with the reason. Below the form, the answer of the last run and
// the userspace objects the program holds, which can be picked to fill the forms.
import { useState, type FormEvent } from 'react';
import { apply } from '../../model/kernel/apply.ts';
import type { Op } from '../../model/kernel/commands.ts';
import type { ObjectKind } from '../../model/kernel/types.ts';
import { commandFrom, defaultValues, OP_FORMS, opForm, unavailableReason, type FormValues } from '../../store/consoleDefaults.ts';
import type { LogEntry } from '../../store/log.ts';
import { commandLine } from '../../store/notices.ts';
import { useExplorer, useExplorerStore } from '../app/explorerContext.ts';
import { ConsoleAnswer } from './ConsoleAnswer.tsx';
import { ConsoleField } from './ConsoleField.tsx';
import { ObjectList } from './ObjectList.tsx';

/** The ops in vocabulary order, grouped by what they act on (the word before the dot). */
const OP_GROUPS: readonly { subject: string; ops: Op[] }[] = OP_FORMS.reduce<{ subject: string; ops: Op[] }[]>((groups, f) => {
  const subject = f.op.slice(0, f.op.indexOf('.'));
  const last = groups.at(-1);
  if (last?.subject === subject) last.ops.push(f.op);
  else groups.push({ subject, ops: [f.op] });
  return groups;
}, []);

export function UapiConsole() {
  const store = useExplorerStore();
  const machine = useExplorer((s) => s.machine);
  const policy = useExplorer((s) => s.policy);
  const selection = useExplorer((s) => s.selection);
  const [chosen, setChosen] = useState<Op | null>(null);
  const [edits, setEdits] = useState<FormValues>({});
  const [picked, setPicked] = useState<Partial<Record<ObjectKind, string>>>({});
  const [answer, setAnswer] = useState<{ entry: LogEntry } | { invalid: string } | null>(null);

  const available = OP_FORMS.filter((f) => unavailableReason(policy, f.op) === null).map((f) => f.op);
  const unavailable = OP_FORMS.filter((f) => unavailableReason(policy, f.op) !== null).map((f) => f.op);
  const op = chosen ?? available[0] ?? OP_FORMS[0]!.op;
  const form = opForm(op);
  const reason = unavailableReason(policy, op);
  const selectedBdf = selection?.kind === 'device' ? selection.bdf : selection?.kind === 'group' ? (machine.static.members.get(selection.id)?.[0] ?? null) : null;
  const values = { ...defaultValues(form, { machine, selectedBdf, picked }), ...edits };

  const choose = (next: Op) => {
    setChosen(next);
    setEdits({});
    setAnswer(null);
  };

  const run = (e: FormEvent) => {
    e.preventDefault();
    if (reason) return;
    const command = commandFrom(form, values);
    // A mistake in the form (a name never given, a name still open) is not a kernel answer: say it here.
    const trial = apply(machine, command);
    if (!trial.ok && trial.error.reason === 'invalid-command') {
      setAnswer({ invalid: trial.error.message });
      return;
    }
    const [entry] = store.getState().perform(`console: ${commandLine(command)}`, [command]);
    // Keep the user's choices for the next run; names to give are fresh again.
    setEdits(Object.fromEntries(Object.entries(edits).filter(([name]) => form.fields.find((f) => f.name === name)?.field.type !== 'name')));
    setAnswer(entry ? { entry } : null);
  };

  return (
    <div data-testid="console" data-policy={policy} className="flex h-full min-h-0 flex-col overflow-y-auto text-sm">
      <form
        onSubmit={run}
        onKeyDown={(e) => {
          // Enter runs from a select too, as it does from a text field, so the keyboard never needs the button.
          if (e.key === 'Enter' && e.target instanceof HTMLSelectElement) {
            e.preventDefault();
            e.currentTarget.requestSubmit();
          }
        }}
        aria-label="uAPI command"
        className="space-y-2 border-b border-slate-200 p-3"
      >
        <div className="grid grid-cols-[5.5rem_minmax(0,1fr)] items-center gap-2">
          <label htmlFor="console-op" className="text-right text-[12px] font-semibold text-slate-700">
            command
          </label>
          <select
            id="console-op"
            data-testid="console-op"
            value={op}
            onChange={(e) => choose(e.target.value as Op)}
            className="w-full rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-[12px] focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            {OP_GROUPS.map((g) => (
              <optgroup key={g.subject} label={g.subject}>
                {g.ops.map((o) => (
                  <option key={o} value={o} disabled={unavailableReason(policy, o) !== null}>
                    {o}
                    {unavailableReason(policy, o) !== null ? ` (not in ${policy})` : ''}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        {form.fields.map((spec) => (
          <ConsoleField
            key={`${op}-${spec.name}`}
            spec={spec}
            value={values[spec.name] ?? ''}
            machine={machine}
            bdf={values['bdf'] ?? ''}
            onChange={(v) => setEdits({ ...edits, [spec.name]: v })}
          />
        ))}
        <div className="flex items-center justify-end gap-2">
          {reason && (
            <p data-testid="console-op-unavailable" className="flex-1 text-[12px] text-rose-800">
              {reason}
            </p>
          )}
          <code className="min-w-0 flex-1 truncate text-[11px] text-slate-500" title={commandLine(commandFrom(form, values))}>
            {commandLine(commandFrom(form, values))}
          </code>
          <button
            type="submit"
            data-testid="console-run"
            disabled={reason !== null}
            className="rounded bg-indigo-600 px-3 py-1 text-[13px] font-semibold text-white enabled:hover:bg-indigo-700 disabled:bg-slate-300 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            Run
          </button>
        </div>
        {answer && <ConsoleAnswer answer={answer} />}
      </form>
      <ObjectList machine={machine} picked={picked} onPick={(kind, name) => setPicked({ ...picked, [kind]: name })} />
      {unavailable.length > 0 && (
        <section data-testid="console-unavailable" className="border-t border-slate-200 px-3 py-2 text-[12px] text-slate-600">
          <h3 className="mb-1 font-semibold text-slate-700">Not under {policy}</h3>
          <p className="mb-1">The policy has no handler for these commands; the kernel would answer ENOTTY.</p>
          <p className="font-mono text-[11px] leading-5 text-slate-500">{unavailable.join('  ')}</p>
        </section>
      )}
    </div>
  );
}
