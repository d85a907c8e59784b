// The messages between the Check panel and its Web Worker. Plain data only: the machine travels as
// the scenario's topology and groups (structured clone keeps their Maps), commands and reports are
// JSON-shaped.
import type { CheckReport, CheckSettingsInput, DiffReport, SearchProgress } from '../../model/check/index.ts';
import type { Grouping } from '../../model/grouping/types.ts';
import type { MachineOptions, PolicyName } from '../../model/kernel/types.ts';
import type { Topology } from '../../model/topology/types.ts';

/** One run: the check under each policy, then the design diff of each pair of them. */
export interface CheckJob {
  topology: Topology;
  grouping: Grouping;
  machine?: Omit<MachineOptions, 'policy'>;
  settings: CheckSettingsInput;
  policies: readonly PolicyName[];
  diff: boolean;
}

/** What part of a run is going on. */
export type Phase = { kind: 'check'; policy: PolicyName } | { kind: 'diff'; policies: [PolicyName, PolicyName] };

export type ToWorker = { type: 'start'; runId: number; job: CheckJob } | { type: 'cancel'; runId: number };

export type FromWorker =
  | { type: 'progress'; runId: number; phase: Phase; progress: SearchProgress }
  | { type: 'check'; runId: number; report: CheckReport }
  | { type: 'diff'; runId: number; report: DiffReport }
  | { type: 'done'; runId: number; cancelled: boolean }
  | { type: 'error'; runId: number; message: string };

/** The pairs the design diff compares, in the order the policies are listed. */
export function diffPairs(policies: readonly PolicyName[]): [PolicyName, PolicyName][] {
  const pairs: [PolicyName, PolicyName][] = [];
  for (let i = 0; i < policies.length; i++) for (let j = i + 1; j < policies.length; j++) pairs.push([policies[i]!, policies[j]!]);
  return pairs;
}
