// The real-kernel scenarios are listed at start but read from their lspci text only when opened.
import { describe, expect, it, vi } from 'vitest';
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

const { REAL_KERNEL_SCENARIOS, REAL_KERNEL_TEXTS } = await import('./realKernel.ts');
const { scenarioFromText } = await import('../../store/importScenario.ts');

describe('real-kernel scenarios, read on first use', () => {
  it('reads no text at import, nor for what the picker shows', () => {
    expect(REAL_KERNEL_SCENARIOS.map((s) => [s.id, s.name, s.description].every((v) => v.length > 0))).toEqual(REAL_KERNEL_TEXTS.map(() => true));
    expect(reads.count).toBe(0);
  });

  it('reads a text once, when its machine is first asked for', () => {
    const [first] = REAL_KERNEL_SCENARIOS;
    expect(first!.topology.functions.length).toBeGreaterThan(0);
    expect(first!.groupingSettings).toBeDefined();
    expect(first!.topology).toBe(first!.topology);
    expect(reads.count).toBe(1);
  });

  it('gives every field the text gives, as reading it at once would', () => {
    for (const [i, t] of REAL_KERNEL_TEXTS.entries()) {
      const lazy = REAL_KERNEL_SCENARIOS[i]!;
      const r = scenarioFromText({ lspci: t.lspci, source: `${t.fixture}.lspci.txt` }, { id: lazy.id, name: lazy.name, description: lazy.description });
      if (!r.ok) throw new Error(r.error.message);
      for (const [key, value] of Object.entries(r.scenario)) expect(lazy[key as keyof typeof lazy], `${t.fixture}: ${key}`).toEqual(value);
    }
  });
});
