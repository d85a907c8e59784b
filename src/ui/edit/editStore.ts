// Edit mode and a what-if drag in progress. Outside the explorer store on purpose: neither is
// something the user did yet (DESIGN "history policy"); only a drop becomes an edit step.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { DeviceTemplate, TemplateOptions } from '../../model/edit/edits.ts';

/** What is being dragged: a card from the graph, or a new device from the palette. */
export type EditPayload = { kind: 'card'; bdf: string } | { kind: 'template'; template: DeviceTemplate; options: TemplateOptions };

export interface EditDrag {
  payload: EditPayload;
  /** Pointer position, viewport pixels. */
  x: number;
  y: number;
  /** The port or bridge under the pointer (its address), or null. */
  over: string | null;
}

export const editStore = createStore<{ on: boolean; drag: EditDrag | null }>(() => ({ on: false, drag: null }));

export const useEditMode = () => useStore(editStore, (s) => s.on);

export function setEditMode(on: boolean): void {
  editStore.setState({ on, drag: null });
}
