// Replay: redo the steps of the future one by one, with a pause between them so the graph's own
// animation shows each step (none when animations are off, so tests and reduced motion go straight
// through). Play at the end of the history starts again from the first step.
import { useEffect, useState } from 'react';
import { useExplorer, useExplorerStore } from '../app/explorerContext.ts';

/** Long enough for the graph's transitions of one step to finish. */
export const STEP_MS = 600;

export function usePlayback() {
  const store = useExplorerStore();
  const [playing, setPlaying] = useState(false);
  const remaining = useExplorer((s) => s.future.length);
  const animations = useExplorer((s) => s.settings.animations);
  const active = playing && remaining > 0;

  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => {
      store.getState().redo();
      if (store.getState().future.length === 0) setPlaying(false);
    }, animations ? STEP_MS : 0);
    return () => clearTimeout(timer);
  }, [active, remaining, animations, store]);

  const play = () => {
    const s = store.getState();
    if (s.future.length === 0) {
      if (s.steps.length === 0) return;
      s.jumpTo(0);
    }
    setPlaying(true);
  };
  const pause = () => setPlaying(false);
  return { playing: active, play, pause };
}
