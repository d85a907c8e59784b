// `cli check [--policy P] [--json] SCENARIO` (spec scenario-format.md): explores every command
// sequence of the scenario's bounded world and reports each invariant with its shortest breaking
// sequence; without --policy, for each policy. `--diff` reports the design diff instead.
//
// Exit status (cliTypes.ts): 0 when every invariant holds in the whole world (with --diff: the
// policies answer every sequence alike); 1 when the check failed: an invariant is broken, or a
// bound stopped the search before it could show that none is (said on standard error), or (with
// --diff) the policies differ; 2 when the scenario or the options cannot be read.
import { checkSteps, type CheckReport } from '../../model/check/check.ts';
import { diffSteps, type DiffReport } from '../../model/check/diff.ts';
import { runToEnd } from '../../model/check/run.ts';
import { checkSettingsSchema, type CheckSettings } from '../../model/check/settings.ts';
import { WorldError } from '../../model/check/world.ts';
import { POLICY_NAMES } from '../../model/kernel/types.ts';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, type CliCommand, type CliIo } from '../cliTypes.ts';
import { readScenarioFile } from '../scenarioFile.ts';
import { parseCheckArgs, type CheckArgs } from './checkArgs.ts';
import { checkJson, checkText, diffJson, diffText } from './checkReport.ts';

/** The scenario's "check" object with the command line's options over it. */
function mergeSettings(fromScenario: CheckSettings, given: CheckArgs['settings']): CheckSettings | string {
  const merged = {
    ...fromScenario,
    ...given,
    without: [...fromScenario.without, ...(given.without ?? [])],
    groups: [...fromScenario.groups, ...(given.groups ?? [])],
  };
  const checked = checkSettingsSchema.safeParse(merged);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0]!;
  return `${issue.path.join('.')}: ${issue.message}`;
}

function reportIncomplete(io: CliIo, what: string, r: { complete: boolean; stoppedBy: string | null; states: number; depth: number }): void {
  if (!r.complete) io.err(`${what}: incomplete, stopped by ${r.stoppedBy} after ${r.states} states at depth ${r.depth}; what holds was not refuted within that bound only`);
}

export const checkCommand: CliCommand = (args, io) => {
  const parsed = parseCheckArgs(args);
  if (typeof parsed === 'string') {
    io.err(parsed);
    return EXIT_BAD_INPUT;
  }
  const scenario = readScenarioFile(io, parsed.file);
  if (scenario === null) return EXIT_BAD_INPUT;
  const settings = mergeSettings(scenario.check, parsed.settings);
  if (typeof settings === 'string') {
    io.err(`${parsed.file}: check ${settings}`);
    return EXIT_BAD_INPUT;
  }
  for (const w of scenario.warnings) io.err(`warning: ${w.message}`);
  const world = { topology: scenario.topology, grouping: scenario.grouping, settings };
  try {
    if (parsed.diff) {
      const reports: DiffReport[] = parsed.diff.map((policies) => runToEnd(diffSteps({ ...world, policies })));
      reports.forEach((r) => reportIncomplete(io, `diff of ${r.policies.join(' and ')}`, r));
      io.out(parsed.json ? JSON.stringify(reports.map(diffJson), null, 2) : reports.map((r) => diffText(scenario.name, r)).join('\n\n'));
      return reports.every((r) => r.complete && r.differences.length === 0) ? EXIT_OK : EXIT_FAILED;
    }
    const policies = parsed.policy ? [parsed.policy] : POLICY_NAMES;
    const reports: CheckReport[] = policies.map((policy) => runToEnd(checkSteps({ ...world, policy })));
    reports.forEach((r) => reportIncomplete(io, `check under ${r.policy}`, r));
    if (parsed.json) io.out(JSON.stringify(parsed.policy ? checkJson(reports[0]!) : reports.map(checkJson), null, 2));
    else io.out(reports.map((r) => checkText(scenario.name, r, settings)).join('\n\n'));
    return reports.every((r) => r.complete && r.invariants.every((inv) => inv.holds)) ? EXIT_OK : EXIT_FAILED;
  } catch (e) {
    if (!(e instanceof WorldError)) throw e;
    io.err(`${parsed.file}: ${e.message}`);
    return EXIT_BAD_INPUT;
  }
};
