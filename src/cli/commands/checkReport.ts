// What `cli check` prints: the contract's JSON (scenario-format.md), or a text report with each
// broken invariant's shortest sequence as numbered commands; the same for the design diff.
import type { CheckReport } from '../../model/check/check.ts';
import type { DiffReport } from '../../model/check/diff.ts';
import type { CheckSettings } from '../../model/check/settings.ts';
import type { Command } from '../../model/kernel/commands.ts';

const seconds = (s: number) => Number(s.toFixed(3));

/** The contract's object, exactly: policy, states, transitions, depth, seconds, invariants. */
export function checkJson(r: CheckReport) {
  return {
    policy: r.policy,
    states: r.states,
    transitions: r.transitions,
    depth: r.depth,
    seconds: seconds(r.seconds),
    invariants: r.invariants.map((inv) => ({ id: inv.id, holds: inv.holds, counterexample: inv.counterexample })),
  };
}

export function diffJson(r: DiffReport) {
  return {
    policies: r.policies,
    states: r.states,
    transitions: r.transitions,
    depth: r.depth,
    seconds: seconds(r.seconds),
    complete: r.complete,
    differences: r.differences.map((d) => ({ kind: d.kind, op: d.op, outcomes: d.outcomes, count: d.count, sequence: d.sequence })),
  };
}

function describeCommand(c: Command): string {
  const args = Object.entries(c)
    .filter(([k]) => k !== 'op')
    .map(([k, v]) => `${k}=${v === null ? 'null' : String(v)}`)
    .join(' ');
  return args ? `${c.op} ${args}` : c.op;
}

const numbered = (commands: readonly Command[], indent: string) => commands.map((c, i) => `${indent}${String(i + 1).padStart(3)} ${describeCommand(c)}`);

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function bounds(s: CheckSettings): string {
  const parts = [plural(s.containers, 'container'), plural(s.iommufds, 'iommu fd'), plural(s.ioasids, 'IOASID'), plural(s.devices, 'device fd')];
  return `at most ${parts.join(', ')}${s.without.length > 0 ? `; without ${s.without.join(', ')}` : ''}`;
}

function searched(r: { states: number; transitions: number; depth: number; seconds: number; complete: boolean; stoppedBy: string | null }, states = 'states'): string {
  const end = r.complete ? 'complete' : `INCOMPLETE: stopped by ${r.stoppedBy}`;
  return `${r.states} ${states}, ${r.transitions} transitions, depth ${r.depth}, ${r.seconds.toFixed(2)} s, ${end}`;
}

export function checkText(name: string, r: CheckReport, settings: CheckSettings): string {
  const groups = r.world.groups.map((g) => `group ${g.id}`).join(', ');
  const lines = [
    `check${name ? ` of "${name}"` : ''} under ${r.policy}`,
    `  world: ${groups} (${r.world.devices.join(' ')}), ${r.world.commands} commands, ${bounds(settings)}`,
    `  ${searched(r)}`,
  ];
  for (const inv of r.invariants) {
    if (inv.holds) {
      lines.push(`  ${inv.id} holds: ${inv.message}`);
      continue;
    }
    const sequence = inv.counterexample ?? [];
    lines.push(`  ${inv.id} BROKEN in ${plural(sequence.length, 'command')}:`, ...numbered(sequence, '    '), `      -> ${inv.message}`);
  }
  return lines.join('\n');
}

export function diffText(name: string, r: DiffReport): string {
  const [a, b] = r.policies;
  const lines = [`design diff${name ? ` of "${name}"` : ''}: ${a} and ${b}`, `  ${searched(r, 'state pairs')}, ${plural(r.differences.length, 'kind')} of difference`];
  for (const d of r.differences) {
    lines.push(
      `  ${d.kind} (met ${plural(d.count, 'time')}), shortest in ${plural(d.sequence.length, 'command')}:`,
      ...numbered(d.sequence, '    '),
      `      ${a}: ${d.messages[0]}`,
      `      ${b}: ${d.messages[1]}`,
    );
  }
  return lines.join('\n');
}
