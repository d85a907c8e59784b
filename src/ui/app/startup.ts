// What the page starts with, read from the address and the browser: `?scenario=<id>`,
// `?policy=legacy|rfc-v2|upstream`, `?animations=off` (tests), and prefers-reduced-motion.
import { POLICY_NAMES, type PolicyName } from '../../model/kernel/types.ts';
import { BUILT_IN_SCENARIOS, builtInScenario } from '../../scenarios/index.ts';
import type { ExplorerOptions } from '../../store/explorerStore.ts';
import type { Scenario } from '../../store/scenario.ts';

export function startupFrom(search: string, prefersReducedMotion: boolean): { scenario: Scenario; options: ExplorerOptions } {
  const params = new URLSearchParams(search);
  const scenario = builtInScenario(params.get('scenario') ?? '') ?? BUILT_IN_SCENARIOS[0]!;
  const asked = params.get('policy');
  const policy = POLICY_NAMES.find((p): p is PolicyName => p === asked);
  const animations = params.get('animations') !== 'off' && !prefersReducedMotion;
  return { scenario, options: { ...(policy ? { policy } : {}), settings: { animations } } };
}
