// The numbered ioctl trace reviewers post in a thread: one numbered call per command with what the
// kernel returned and why it refused, what changed underneath, and a BUG shown as an oops. Plain
// 7-bit text within 72 columns; long calls and messages wrap under the call.
import type { MachineEvent } from '../../model/kernel/events.ts';
import { eventText } from '../../model/kernel/eventText.ts';
import { INVARIANT_NAMES } from '../../model/kernel/invariants.ts';
import type { ReplayReport } from '../../model/kernel/replay.ts';
import { callText, createdName } from './callNames.ts';
import { fdNumbers, type StepFds } from './fileDescriptors.ts';
import { mailSafe, MAIL_WIDTH, paragraph, quotedName, titleLines, wrap } from './plainText.ts';
import type { RunStep, ScenarioRun } from './runScenario.ts';

type OkRun = Extract<ScenarioRun, { ok: true }>;

/** What the command itself already says (the driver an unbind names, a bind's driver) is not repeated. */
function worthSaying(step: RunStep, e: MachineEvent): boolean {
  const c = step.command;
  if (e.type === 'kernel.bug') return false; // shown as an oops below the step
  if (e.type === 'driver.unbound') return c.op !== 'driver.unbind';
  if (e.type === 'driver.bound') return !(c.op === 'driver.bind' && c.driver === e.driver);
  return true;
}

/** The result as "= 5", "= 0, flags VIABLE" or "= -EINVAL", and the kernel's sentence when it refused. */
function resultText(step: RunStep, fds: StepFds, panicStep: number | null): { value: string; message: string | null } {
  const r = step.result;
  if (!r.ok) {
    if (r.error.errno === null) return { value: 'not run:', message: `the machine panicked at step ${panicStep ?? '?'}` };
    return { value: `= -${r.error.errno}:`, message: r.error.message };
  }
  if (fds.opened !== null) {
    const name = createdName(step.command);
    return { value: `= ${fds.opened}${name === null ? '' : ` (${quotedName(name)})`}`, message: null };
  }
  if (r.result) {
    const flags = [r.result.flags.viable && 'VIABLE', r.result.flags.containerSet && 'CONTAINER_SET'].filter(Boolean);
    return { value: `= 0, flags ${flags.length > 0 ? flags.join('|') : '0'}`, message: null };
  }
  return { value: '= 0', message: null };
}

/**
 * "12) CALL = RESULT: message", wrapped: the call breaks at its spaces, the result value stays in
 * one piece (on the call's last line when it fits), the message runs on below it.
 */
function stepLines(n: number, call: string, result: { value: string; message: string | null }, numberWidth: number): string[] {
  const head = `${`${n})`.padEnd(numberWidth)} `;
  const indent = ' '.repeat(head.length);
  const more = `${indent}  `;
  const lines = wrap(call, head, more);
  let last = lines.pop()!;
  if (last.length + 1 + result.value.length <= MAIL_WIDTH) last += ` ${result.value}`;
  else {
    lines.push(last);
    last = `${more}${result.value}`;
  }
  if (result.message === null) return [...lines, last];
  return [...lines, ...paragraph(result.message, `${last} `, more)];
}

function oops(message: string, rule: string, indent: string): string[] {
  return [
    `${indent}------------[ cut here ]------------`,
    ...paragraph(message, indent, indent),
    ...paragraph(`(${rule})`, indent, indent),
    `${indent}---[ end trace ]---`,
  ];
}

function invariantLines(report: ReplayReport): string[] {
  const lines: string[] = [];
  const holding = report.invariants.filter((i) => i.holds).map((i) => i.id);
  if (holding.length > 0) lines.push(`holds: ${holding.join(', ')}`);
  for (const inv of report.invariants.filter((i) => !i.holds)) {
    lines.push(...paragraph(`BROKEN ${inv.id} (${INVARIANT_NAMES[inv.id]}) at ${inv.message}`, '', '  '));
  }
  return lines;
}

export function traceText(name: string, run: OkRun): string {
  const fds = fdNumbers(run.steps);
  const policy = run.report.policy;
  const panicStep = run.steps.findIndex((s) => s.result.ok && s.result.events.some((e) => e.type === 'kernel.bug'));
  const numberWidth = `${run.steps.length})`.length;
  const indent = ' '.repeat(numberWidth + 1);
  const lines = [
    ...titleLines('ioctl trace of ', name, ','),
    `under the ${policy} design, as modelled by ioasid-explorer;`,
    'fds numbered as the kernel gives them (lowest free, from 3)',
    '',
  ];
  run.steps.forEach((step, i) => {
    const f = fds.steps[i]!;
    lines.push(...stepLines(i + 1, callText(step.command, step.before, f), resultText(step, f, panicStep < 0 ? null : panicStep + 1), numberWidth));
    if (!step.result.ok) return;
    const said = step.result.events.filter((e) => worthSaying(step, e)).map((e) => eventText(e));
    if (said.length > 0) lines.push(...paragraph(said.join('; '), `${indent}-> `, `${indent}   `));
    const bug = step.result.events.find((e) => e.type === 'kernel.bug');
    if (bug) lines.push(...oops(bug.message, bug.rule, indent));
  });
  if (run.steps.length === 0) lines.push('(no commands)');
  lines.push('', 'invariants:', ...invariantLines(run.report));
  return mailSafe(lines);
}
