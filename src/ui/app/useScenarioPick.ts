// Opening a scenario the picker lists. A real-kernel machine's lspci text loads first (a chunk of
// its own, once), so a pick can take a moment: only the newest pick opens, and a text that could
// not load is said, with the scenario on screen left as it was.
import { useRef, useState } from 'react';
import { openBuiltInScenario } from '../../scenarios/index.ts';
import type { Scenario } from '../../store/scenario.ts';

export function useScenarioPick(open: (scenario: Scenario) => void): { pick: (id: string) => void; failure: string | null } {
  const newest = useRef(0);
  const [failure, setFailure] = useState<string | null>(null);
  const pick = (id: string) => {
    const mine = ++newest.current;
    setFailure(null);
    openBuiltInScenario(id).then(
      (scenario) => {
        if (scenario && mine === newest.current) open(scenario);
      },
      (e: unknown) => {
        if (mine === newest.current) setFailure(`The scenario "${id}" could not be loaded (${e instanceof Error ? e.message : String(e)}). Pick it again to retry.`);
      },
    );
  };
  return { pick, failure };
}
