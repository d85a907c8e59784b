// A fresh machine: the static part built once from topology + groups + options, and an empty
// dynamic part (every function on its start driver, every group idle, no userspace objects).
import type { Grouping } from '../grouping/types.ts';
import { normalizeBdf } from '../topology/bdf.ts';
import type { Bdf, Topology } from '../topology/types.ts';
import { buildDriverCatalog } from './drivers.ts';
import type { GroupId, MachineOptions, MachineState, MachineStatic } from './types.ts';

/**
 * The machine takes groups as input, so it runs the same on computed groups and on groups
 * imported as the kernel listed them.
 */
export function createMachine(topology: Topology, grouping: Grouping, options: MachineOptions): MachineState {
  const functions = new Map(topology.functions.map((f) => [f.bdf, f]));
  const members = new Map<GroupId, readonly Bdf[]>(grouping.groups.map((g) => [g.id, g.devices]));
  for (const [bdf] of grouping.groupOf) {
    if (!functions.has(bdf)) throw new Error(`the grouping names ${bdf}, which is not in the topology`);
  }
  const refusals = new Map<Bdf, ReadonlySet<string>>();
  for (const [bdf, drivers] of Object.entries(options.probeRefusals ?? {})) refusals.set(normalizeBdf(bdf), new Set(drivers));
  const st: MachineStatic = {
    policy: options.policy,
    strictSameDriver: options.strictSameDriver ?? false,
    topology,
    grouping,
    functions,
    members,
    drivers: buildDriverCatalog(topology, refusals),
  };
  return {
    static: st,
    drivers: new Map(),
    overrides: new Map(),
    groups: new Map(),
    containers: new Map(),
    iommufds: new Map(),
    ioasids: new Map(),
    devices: new Map(),
    names: new Map(),
    nextId: 1,
    panic: null,
  };
}
