// A generated machine of 300 functions (root ports with and without ACS, switches, SR-IOV NICs,
// GPUs, conventional PCI) to see the explorer at the size of a real server.
import { DEFAULT_GROUPING_SETTINGS } from '../model/grouping/types.ts';
import { syntheticTopology } from '../model/topology/synthetic.ts';
import type { Topology } from '../model/topology/types.ts';
import type { Scenario } from '../store/scenario.ts';

/** The biggest machine `synthetic-<N>` makes: twice the model's benchmark size. */
export const MAX_SYNTHETIC_FUNCTIONS = 8192;

function syntheticMeta(n: number): Omit<Scenario, 'topology'> {
  return {
    id: `synthetic-${n}`,
    name: `Synthetic server, ${n} functions`,
    description: 'A generated machine with the usual mix of devices, at the size of a real server. Identical siblings are collapsed; click one to open it.',
    groupingSettings: DEFAULT_GROUPING_SETTINGS,
  };
}

/**
 * The picker's entry, with its machine generated on first use: generating it at import cost every
 * page start several milliseconds for a machine most visits never open.
 */
function lazySynthetic(n: number): Scenario {
  let topology: Topology | undefined;
  return {
    ...syntheticMeta(n),
    get topology() {
      return (topology ??= syntheticTopology(n));
    },
  };
}

export const synthetic300: Scenario = lazySynthetic(300);

/**
 * `synthetic-<N>` for any N from 1 to MAX_SYNTHETIC_FUNCTIONS (`?scenario=synthetic-2000`): the
 * same generator at another size, for the benchmark and for trying the explorer on a big machine.
 */
export function syntheticScenario(id: string): Scenario | undefined {
  const m = /^synthetic-([1-9][0-9]{0,3})$/.exec(id);
  const n = m ? Number(m[1]) : 0;
  return n >= 1 && n <= MAX_SYNTHETIC_FUNCTIONS ? { ...syntheticMeta(n), topology: syntheticTopology(n) } : undefined;
}
