// The size of an element as the browser first lays it out, read before the first paint: the graph
// uses it to mount React Flow already at its first view, rather than drawing the view at React
// Flow's default and then moving it, which draws the boxes in view twice.
import { useLayoutEffect, useRef, useState } from 'react';

export interface Size {
  width: number;
  height: number;
}

/** A ref for the element, and its size once laid out (null before; zero when it has no area). */
export function useFirstSize<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [size, setSize] = useState<Size | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) setSize({ width: el.clientWidth, height: el.clientHeight });
  }, []);
  return [ref, size] as const;
}
