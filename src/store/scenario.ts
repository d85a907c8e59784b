// What the explorer shows: a machine (topology), how its groups are formed, and the policy to run it
// under. Built-in scenarios (src/scenarios) and imports both arrive as this shape.
import type { Command } from '../model/kernel/commands.ts';
import type { Grouping, GroupingSettings } from '../model/grouping/types.ts';
import type { MachineOptions, PolicyName } from '../model/kernel/types.ts';
import type { Topology } from '../model/topology/types.ts';

export interface Scenario {
  /** Stable key, e.g. for the scenario picker and `?scenario=` links. */
  id: string;
  name: string;
  /** One or two sentences: what to try here and what it shows. */
  description: string;
  topology: Topology;
  groupingSettings: GroupingSettings;
  /**
   * Groups as a kernel listed them (an import with /sys/kernel/iommu_groups); when present they are
   * used as they are instead of being computed from the topology.
   */
  givenGrouping?: Grouping;
  /** Machine options other than the policy (probe refusals, the strict same-driver reading). */
  machineOptions?: Omit<MachineOptions, 'policy'>;
  /** The policy to start under; the store keeps the current one when absent. */
  policy?: PolicyName;
  /**
   * What an imported machine's user must be told about its groups: where they came from and every
   * sentence where the computed groups and the kernel's listing disagree.
   */
  findings?: readonly string[];
  /** Commands to replay on load (a shared scenario's log), each as its own undoable action. */
  commands?: readonly Command[];
}
