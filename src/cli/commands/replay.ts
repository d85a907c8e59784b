// `cli replay [--policy P] [--json] SCENARIO` (spec scenario-format.md): applies the scenario's
// commands and prints every step, the groups' end state, the invariants and the panic. Exit 0 when
// done; 2 when the scenario cannot be read or a command in it is malformed (the message names the step).
import { eventText } from '../../model/kernel/eventText.ts';
import { replay, type ReplayReport, type ReplayStep } from '../../model/kernel/replay.ts';
import { POLICY_NAMES, type PolicyName } from '../../model/kernel/types.ts';
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand } from '../cliTypes.ts';
import { readScenarioFile } from '../scenarioFile.ts';

const USAGE = 'usage: cli replay [--policy legacy|rfc-v2|upstream] [--json] SCENARIO';

interface ReplayArgs {
  policy?: PolicyName;
  json: boolean;
  file: string;
}

function parseArgs(args: string[]): ReplayArgs | string {
  let policy: string | undefined;
  let json = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') json = true;
    else if (a === '--policy') policy = args[++i];
    else if (a.startsWith('--policy=')) policy = a.slice('--policy='.length);
    else if (a.startsWith('--')) return `unknown option ${a}\n${USAGE}`;
    else files.push(a);
  }
  if (files.length !== 1) return `give exactly one scenario file\n${USAGE}`;
  if (policy !== undefined && !(POLICY_NAMES as readonly string[]).includes(policy)) return `unknown policy "${policy}"; use one of ${POLICY_NAMES.join(', ')}`;
  return { json, file: files[0]!, ...(policy === undefined ? {} : { policy: policy as PolicyName }) };
}

function describeStep(step: ReplayStep, i: number, command: unknown): string {
  const args = Object.entries(command as Record<string, unknown>)
    .filter(([k]) => k !== 'op')
    .map(([k, v]) => `${k}=${v === null ? 'null' : String(v)}`)
    .join(' ');
  const head = `${String(i + 1).padStart(3)} ${step.op}${args ? ` ${args}` : ''}`;
  if (!step.ok) return `${head}\n      ${step.errno ?? 'not run'}: ${step.message}`;
  const flags = step.flags ? `\n      flags: viable=${step.flags.viable} containerSet=${step.flags.containerSet}` : '';
  const events = step.events.map((e) => `\n      ${eventText(e)}`).join('');
  return `${head}\n      ok${flags}${events}`;
}

function textReport(name: string, report: ReplayReport, commands: unknown[]): string {
  const lines = [`replay${name ? ` of "${name}"` : ''} under ${report.policy}`, '', 'steps:'];
  report.steps.forEach((step, i) => lines.push(describeStep(step, i, commands[i])));
  lines.push('', 'groups:');
  for (const g of report.groups) lines.push(`  group ${g.id}: ${g.devices.join(' ')}\n      domain ${g.domain}, owner ${g.owner}, ${g.viable ? 'viable' : 'not viable'}`);
  lines.push('', 'invariants:');
  for (const inv of report.invariants) lines.push(`  ${inv.id} ${inv.holds ? 'holds' : 'BROKEN'}: ${inv.message}`);
  lines.push('', `panic: ${report.panic ? `${report.panic.message} (${report.panic.rule})` : 'none'}`);
  return lines.join('\n');
}

export const replayCommand: CliCommand = (args, io) => {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.err(parsed);
    return EXIT_BAD_INPUT;
  }
  const scenario = readScenarioFile(io, parsed.file);
  if (scenario === null) return EXIT_BAD_INPUT;
  const policy = parsed.policy ?? scenario.settings.policy;
  const outcome = replay(scenario.topology, scenario.grouping, scenario.commands, policy);
  if (!outcome.ok) {
    io.err(`${parsed.file}: step ${outcome.step} (${outcome.op}): ${outcome.message}`);
    return EXIT_BAD_INPUT;
  }
  for (const w of scenario.warnings) io.err(`warning: ${w.message}`);
  const { report } = outcome;
  io.out(parsed.json ? JSON.stringify(report, null, 2) : textReport(scenario.name, report, scenario.commands));
  return EXIT_OK;
};
