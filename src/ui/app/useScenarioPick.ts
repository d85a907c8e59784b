// Opening a scenario the picker lists. A real-kernel machine's lspci text loads first (a chunk of
// its own, once), so a pick can take a moment, which the picker shows. Only the newest pick opens,
// and only while no other scenario was opened meanwhile (an import, a dropped file, a flow preset);
// a text that could not load is said, with the machine on screen left as it was.
import { useRef, useState } from 'react';
import { BUILT_IN_SCENARIOS, openBuiltInScenario } from '../../scenarios/index.ts';
import type { ExplorerStore } from '../../store/explorerStore.ts';
import type { Scenario } from '../../store/scenario.ts';
import { useExplorer } from './explorerContext.ts';

interface PickState {
  /** The scenario on screen when the pick was made: what the pick's word is about. */
  over: Scenario;
  opening: string | null;
  failure: string | null;
}

export interface ScenarioPick {
  pick: (id: string) => void;
  /** The name of the scenario being opened, while its text loads. */
  opening: string | null;
  failure: string | null;
}

export function useScenarioPick(store: ExplorerStore): ScenarioPick {
  const newest = useRef(0);
  const [state, setState] = useState<PickState | null>(null);
  const onScreen = useExplorer((s) => s.baseScenario);
  const pick = (id: string) => {
    const mine = ++newest.current;
    const over = store.getState().baseScenario;
    const name = BUILT_IN_SCENARIOS.find((s) => s.id === id)?.name ?? id;
    setState({ over, opening: name, failure: null });
    // Whether this pick may still open: the newest, over the scenario it was made over.
    const current = () => mine === newest.current && store.getState().baseScenario === over;
    openBuiltInScenario(id).then(
      (scenario) => {
        if (!current()) return;
        setState(null);
        if (scenario) store.getState().loadScenario(scenario);
      },
      (e: unknown) => {
        if (!current()) return;
        setState({ over, opening: null, failure: `"${name}" could not be loaded (${e instanceof Error ? e.message : String(e)}). The machine on screen is unchanged; reload the page to try again.` });
      },
    );
  };
  // Another scenario opened since: the word was about the one before it.
  const shown = state !== null && state.over === onScreen ? state : null;
  return { pick, opening: shown?.opening ?? null, failure: shown?.failure ?? null };
}
