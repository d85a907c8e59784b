// Options of `cli check` (spec scenario-format.md "Command-line tool"): the contract's
// `[--policy P] [--json] SCENARIO`, and options that change the explored world, which override the
// scenario's "check" object.
import { COMMAND_FAMILIES, type CheckSettingsInput } from '../../model/check/settings.ts';
import { POLICY_NAMES, type PolicyName } from '../../model/kernel/types.ts';

export const CHECK_USAGE = `usage: cli check [--policy legacy|rfc-v2|upstream] [--json] [--without LIST] [--group BDF]
                 [--max-states N] [--max-depth N] [--diff[=P1,P2]] SCENARIO
  --without LIST   leave commands out of the explored world: ${COMMAND_FAMILIES.join(', ')}, or ops
  --group BDF      explore the group of BDF too (the groups with two or more devices always)
  --diff           the design diff: shortest sequences two policies answer differently`;

export interface CheckArgs {
  policy?: PolicyName;
  json: boolean;
  file: string;
  /** Pairs of policies to compare instead of checking invariants. */
  diff?: [PolicyName, PolicyName][];
  /** Settings given on the command line, over the scenario's. */
  settings: Pick<CheckSettingsInput, 'without' | 'groups' | 'maxStates' | 'maxDepth'>;
}

const isPolicy = (p: string): p is PolicyName => (POLICY_NAMES as readonly string[]).includes(p);

function allPairs(): [PolicyName, PolicyName][] {
  return POLICY_NAMES.flatMap((a, i) => POLICY_NAMES.slice(i + 1).map((b): [PolicyName, PolicyName] => [a, b]));
}

function positive(name: string, text: string | undefined): number | string {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : `${name} needs a positive whole number, got ${JSON.stringify(text ?? '')}`;
}

/** Reads the arguments; returns a message (with the usage) when they are wrong. */
export function parseCheckArgs(args: string[]): CheckArgs | string {
  let policy: string | undefined;
  let json = false;
  let diff: string | undefined;
  const files: string[] = [];
  const settings: CheckArgs['settings'] = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--json') json = true;
    else if (flag === '--diff') diff = inline ?? '';
    else if (flag === '--policy') policy = value();
    else if (flag === '--without') settings.without = [...(settings.without ?? []), ...(value() ?? '').split(',').filter(Boolean)];
    else if (flag === '--group') settings.groups = [...(settings.groups ?? []), value() ?? ''];
    else if (flag === '--max-states' || flag === '--max-depth') {
      const n = positive(flag, value());
      if (typeof n === 'string') return `${n}\n${CHECK_USAGE}`;
      if (flag === '--max-states') settings.maxStates = n;
      else settings.maxDepth = n;
    } else if (a.startsWith('--')) return `unknown option ${a}\n${CHECK_USAGE}`;
    else files.push(a);
  }
  if (files.length !== 1) return `give exactly one scenario file\n${CHECK_USAGE}`;
  if (policy !== undefined && !isPolicy(policy)) return `unknown policy "${policy}"; use one of ${POLICY_NAMES.join(', ')}`;
  const parsed: CheckArgs = { json, file: files[0]!, settings, ...(policy === undefined ? {} : { policy }) };
  if (diff === undefined) return parsed;
  if (diff === '') return { ...parsed, diff: policy === undefined ? allPairs() : allPairs().filter((p) => p.includes(policy as PolicyName)) };
  const pair = diff.split(',');
  if (pair.length !== 2 || !pair.every(isPolicy) || pair[0] === pair[1]) return `--diff= needs two different policies, e.g. --diff=legacy,upstream\n${CHECK_USAGE}`;
  return { ...parsed, diff: [pair as [PolicyName, PolicyName]] };
}
