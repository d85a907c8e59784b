// The real-kernel scenarios are listed at start, their lspci texts load (a chunk of their own) only
// when one is opened, and each is read from its text on first use.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as ImportScenario from '../../store/importScenario.ts';

const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../store/importScenario.ts', async (importOriginal) => {
  const original = await importOriginal<typeof ImportScenario>();
  return {
    ...original,
    scenarioFromText: (...args: Parameters<typeof original.scenarioFromText>) => {
      reads.count++;
      return original.scenarioFromText(...args);
    },
  };
});

const { loadRealKernelTexts, REAL_KERNEL_FIXTURES, REAL_KERNEL_SCENARIOS } = await import('./realKernel.ts');
const { REAL_KERNEL_LSPCI } = await import('./realKernelTexts.ts');
const { openBuiltInScenario } = await import('../index.ts');
const { scenarioFromText } = await import('../../store/importScenario.ts');

describe('real-kernel scenarios before their texts are loaded', () => {
  it('are listed with what the picker shows, and no text is read', () => {
    expect(REAL_KERNEL_SCENARIOS.map((s) => [s.id, s.name, s.description].every((v) => v.length > 0))).toEqual(REAL_KERNEL_FIXTURES.map(() => true));
    expect(reads.count).toBe(0);
  });

  it('say so when a machine is read before its text is loaded', () => {
    expect(() => REAL_KERNEL_SCENARIOS[0]!.topology).toThrow(/lspci text of b-multifunction is not loaded/);
    expect(reads.count).toBe(0);
  });

  it('open through openBuiltInScenario, which loads the texts first', async () => {
    const opened = await openBuiltInScenario(REAL_KERNEL_SCENARIOS[1]!.id);
    expect(opened).toBe(REAL_KERNEL_SCENARIOS[1]);
    expect(opened!.topology.functions.length).toBeGreaterThan(0);
  });
});

describe('real-kernel scenarios, read on first use', () => {
  beforeAll(async () => {
    await loadRealKernelTexts();
    reads.count = 0;
  });

  it('reads a text once, when its machine is first asked for', () => {
    const [first] = REAL_KERNEL_SCENARIOS;
    expect(first!.topology.functions.length).toBeGreaterThan(0);
    expect(first!.groupingSettings).toBeDefined();
    expect(first!.topology).toBe(first!.topology);
    expect(reads.count).toBe(1);
  });

  it('gives every field the text gives, as reading it at once would', () => {
    for (const [i, t] of REAL_KERNEL_FIXTURES.entries()) {
      const lazy = REAL_KERNEL_SCENARIOS[i]!;
      const r = scenarioFromText({ lspci: REAL_KERNEL_LSPCI.get(t.fixture)!, source: `${t.fixture}.lspci.txt` }, { id: lazy.id, name: lazy.name, description: lazy.description });
      if (!r.ok) throw new Error(r.error.message);
      for (const [key, value] of Object.entries(r.scenario)) expect(lazy[key as keyof typeof lazy], `${t.fixture}: ${key}`).toEqual(value);
    }
  });
});
