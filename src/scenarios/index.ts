// The built-in scenarios, in the order the picker lists them.
import type { Scenario } from '../store/scenario.ts';
import { conventionalPci } from './conventionalPci.ts';
import { gpuAudioNvme } from './gpuAudioNvme.ts';
import { isRealKernelScenario, loadRealKernelTexts, REAL_KERNEL_SCENARIOS } from './oracle/realKernel.ts';
import { sriovNic } from './sriovNic.ts';
import { switchWithoutAcs } from './switchWithoutAcs.ts';
import { synthetic300, syntheticScenario } from './synthetic.ts';

export const BUILT_IN_SCENARIOS: readonly Scenario[] = [
  gpuAudioNvme,
  switchWithoutAcs,
  conventionalPci,
  sriovNic,
  synthetic300,
  ...REAL_KERNEL_SCENARIOS,
];

/**
 * A listed scenario, or a generated `synthetic-<N>` machine of another size. A real-kernel one can
 * be read only once its text is loaded: open scenarios through openBuiltInScenario.
 */
export function builtInScenario(id: string): Scenario | undefined {
  return BUILT_IN_SCENARIOS.find((s) => s.id === id) ?? syntheticScenario(id);
}

/** builtInScenario, ready to open: a real-kernel machine's lspci text is loaded first. */
export async function openBuiltInScenario(id: string): Promise<Scenario | undefined> {
  if (isRealKernelScenario(id)) await loadRealKernelTexts();
  return builtInScenario(id);
}

export { conventionalPci, gpuAudioNvme, sriovNic, switchWithoutAcs, synthetic300 };
