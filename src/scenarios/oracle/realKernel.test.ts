// The shipped copies of the oracle's lspci texts must stay the kernel's own output, byte for byte,
// and each must load with the groups the kernel formed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExplorerStore } from '../../store/explorerStore.ts';
import { loadOracleFixture, oracleDir } from '../../testing/fixtures.ts';
import { loadRealKernelTexts, REAL_KERNEL_FIXTURES, REAL_KERNEL_SCENARIOS } from './realKernel.ts';
import { REAL_KERNEL_LSPCI } from './realKernelTexts.ts';

// The real-kernel scenarios' lspci texts are a chunk the app loads when one is opened.
await loadRealKernelTexts();

const here = import.meta.dirname;

describe('real-kernel scenarios', () => {
  for (const [i, t] of REAL_KERNEL_FIXTURES.entries()) {
    it.runIf(existsSync(join(oracleDir, t.fixture)))(`${t.fixture}: the copy is byte-identical to the oracle's lspci text`, () => {
      const shipped = readFileSync(join(here, `${t.fixture}.lspci.txt`));
      expect(shipped.equals(readFileSync(join(oracleDir, t.fixture, 'lspci-vvvnn.txt')))).toBe(true);
      expect(REAL_KERNEL_LSPCI.get(t.fixture)).toBe(loadOracleFixture(t.fixture).lspci);
    });

    it(`${t.fixture}: loads with the kernel's groups`, () => {
      const scenario = REAL_KERNEL_SCENARIOS[i]!;
      expect(scenario.name).toMatch(/^Real kernel: /);
      expect(scenario.findings).toEqual(["The computed groups match the kernel's listing."]);
      const { grouping } = createExplorerStore(scenario).getState();
      expect(grouping.groups.length).toBeGreaterThan(1);
    });
  }
});
