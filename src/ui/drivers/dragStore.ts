// A device being dragged towards a driver. Lives outside the explorer store on purpose: a drag in
// progress is not something the user did yet, so it must not touch the log (DESIGN "history policy").
import { createStore } from 'zustand/vanilla';

export interface DeviceDrag {
  bdf: string;
  /** Pointer position, viewport pixels. */
  x: number;
  y: number;
  /** The drop target under the pointer: a driver name, `none`, or null. */
  over: string | null;
}

export const dragStore = createStore<{ drag: DeviceDrag | null }>(() => ({ drag: null }));
