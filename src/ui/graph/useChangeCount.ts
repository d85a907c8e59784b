// How many times a value has changed since the component mounted: a key that restarts a one-shot
// CSS animation (a pulse) on each change and never on the first render.
import { useState } from 'react';

export function useChangeCount<T>(value: T): number {
  const [seen, setSeen] = useState({ value, count: 0 });
  if (!Object.is(seen.value, value)) {
    const next = { value, count: seen.count + 1 };
    setSeen(next);
    return next.count;
  }
  return seen.count;
}
