// What a check or a design diff starts from: a scenario's topology and groups, a policy, and the
// bounds of the world. Shared by both searches and by their callers (command line, Web Worker).
import type { Grouping } from '../grouping/types.ts';
import { POLICIES } from '../kernel/apply.ts';
import { createMachine } from '../kernel/machine.ts';
import type { Policy } from '../kernel/policy.ts';
import type { MachineOptions, MachineState, PolicyName } from '../kernel/types.ts';
import type { Topology } from '../topology/types.ts';
import { checkSettings, type CheckSettings, type CheckSettingsInput } from './settings.ts';
import { buildWorld, type World } from './world.ts';

export interface WorldInput {
  topology: Topology;
  grouping: Grouping;
  settings?: CheckSettingsInput;
  /** Machine options other than the policy (probe refusals, the strict "same driver" reading). */
  machine?: Omit<MachineOptions, 'policy'>;
  /** The clock for `seconds`, in milliseconds (default performance.now). */
  now?: () => number;
}

export interface CheckInput extends WorldInput {
  policy: PolicyName;
  /**
   * The rules to run instead of the named policy's: a test hook, so a deliberately broken copy of a
   * policy can be checked (the mutation test). The machine still says `policy`.
   */
  policyImpl?: Policy;
  /** False turns off the remembered answers (outcomeMemo.ts), so a test can compare both searches. */
  shortcuts?: boolean;
}

/** How often a search reports progress and may be stopped: every this many states expanded. */
export const DEFAULT_CHUNK = 4096;

export interface Prepared {
  settings: CheckSettings;
  start: MachineState;
  world: World;
  rules: Policy;
  now: () => number;
}

export function prepare(input: WorldInput, policy: PolicyName, rules: Policy = POLICIES[policy]): Prepared {
  const settings = checkSettings(input.settings);
  const start = createMachine(input.topology, input.grouping, { ...input.machine, policy });
  return { settings, start, world: buildWorld(start, settings), rules, now: input.now ?? (() => performance.now()) };
}
