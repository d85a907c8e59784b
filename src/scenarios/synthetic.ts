// A generated machine of 300 functions (root ports with and without ACS, switches, SR-IOV NICs,
// GPUs, conventional PCI) to see the explorer at the size of a real server.
import { DEFAULT_GROUPING_SETTINGS } from '../model/grouping/types.ts';
import { syntheticTopology } from '../model/topology/synthetic.ts';
import type { Scenario } from '../store/scenario.ts';

export const synthetic300: Scenario = {
  id: 'synthetic-300',
  name: 'Synthetic server, 300 functions',
  description: 'A generated machine with the usual mix of devices, at the size of a real server. Identical siblings are collapsed; click one to open it.',
  topology: syntheticTopology(300),
  groupingSettings: DEFAULT_GROUPING_SETTINGS,
};
