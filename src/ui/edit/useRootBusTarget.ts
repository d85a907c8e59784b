// A root bus's frame in edit mode: a drop target for new devices that sit on a root bus (a
// multifunction chipset device, like the ICH9 functions at 00:1f).
import { useStore } from 'zustand';
import { EDIT_TARGET_ATTR } from './dropTargets.ts';
import { editStore, useEditMode } from './editStore.ts';

export function useRootBusTarget(bus: string) {
  const editing = useEditMode();
  const over = useStore(editStore, (s) => s.drag?.payload.kind === 'template' && s.drag.over === bus);
  return {
    attributes: editing ? { [EDIT_TARGET_ATTR]: bus } : {},
    className: over ? 'outline-3 outline-emerald-500 outline-offset-2' : '',
  };
}
