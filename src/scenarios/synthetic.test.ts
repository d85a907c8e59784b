import { describe, expect, it } from 'vitest';
import { builtInScenario, synthetic300 } from './index.ts';
import { MAX_SYNTHETIC_FUNCTIONS, syntheticScenario } from './synthetic.ts';

describe('synthetic-<N> scenarios', () => {
  it('makes a machine of the asked size, and keeps the listed 300-function one', () => {
    const big = builtInScenario('synthetic-2000')!;
    expect(big.id).toBe('synthetic-2000');
    expect(big.topology.functions).toHaveLength(2000);
    expect(builtInScenario('synthetic-300')).toBe(synthetic300);
    // Generated on first use, then the same machine every time (the store compares by identity).
    expect(synthetic300.topology.functions).toHaveLength(300);
    expect(synthetic300.topology).toBe(synthetic300.topology);
  });

  it('refuses sizes outside 1..MAX_SYNTHETIC_FUNCTIONS and anything else after the dash', () => {
    for (const id of ['synthetic-0', `synthetic-${MAX_SYNTHETIC_FUNCTIONS + 1}`, 'synthetic-0300', 'synthetic-12x', 'synthetic-', 'synthetic-99999']) {
      expect(syntheticScenario(id), id).toBeUndefined();
    }
    expect(syntheticScenario(`synthetic-${MAX_SYNTHETIC_FUNCTIONS}`)?.topology.functions).toHaveLength(MAX_SYNTHETIC_FUNCTIONS);
  });
});
