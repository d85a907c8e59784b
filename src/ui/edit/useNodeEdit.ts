// What edit mode adds to a device node: it is a drop target (ports and bridges), it can be dragged
// to another port, and it is marked when the last edit changed its group. Each part is a boolean or
// string selector, so a node re-renders only when its own marks change.
import { useCallback } from 'react';
import { useStore } from 'zustand';
import { kindOf } from '../../model/topology/kind.ts';
import type { PciFunction } from '../../model/topology/types.ts';
import { useExplorer } from '../app/explorerContext.ts';
import { changeHighlights } from './changeHighlights.ts';
import { acceptsCards, EDIT_TARGET_ATTR } from './dropTargets.ts';
import { editStore, useEditMode } from './editStore.ts';
import { useEditDrag } from './useEditDrag.ts';

const CHANGE_RING: Record<string, string> = {
  split: 'ring-4 ring-amber-400',
  merged: 'ring-4 ring-orange-500',
  moved: 'ring-4 ring-amber-400',
  added: 'ring-4 ring-emerald-400',
};

export function useNodeEdit(fn: PciFunction) {
  const editing = useEditMode();
  const target = editing && acceptsCards(fn);
  const over = useStore(editStore, (s) => s.drag !== null && s.drag.over === fn.bdf);
  const carried = useStore(editStore, (s) => s.drag?.payload.kind === 'card' && s.drag.payload.bdf === fn.bdf);
  // Marks show while editing or while the "What changed" panel is in front.
  const changed = useExplorer((s) => (editing || s.panels.bottom === 'changes' ? (changeHighlights(s.lastChange).devices.get(fn.bdf) ?? null) : null));
  const startDrag = useEditDrag();
  const startMove = useCallback((e: React.PointerEvent) => startDrag(e, { kind: 'card', bdf: fn.bdf }), [startDrag, fn.bdf]);
  const attributes = {
    ...(target ? { [EDIT_TARGET_ATTR]: fn.bdf } : {}),
    ...(changed ? { 'data-changed': changed } : {}),
  };
  const className = [
    changed ? CHANGE_RING[changed] : '',
    over ? 'outline-3 outline-emerald-500 outline-offset-2' : target ? 'outline-1 outline-emerald-400 outline-dashed outline-offset-2' : '',
    carried ? 'opacity-50' : '',
  ].join(' ');
  // A VF goes with its PF's card; a host bridge is the root complex itself.
  const removable = editing && fn.physfn === undefined && kindOf(fn) !== 'host-bridge';
  return { editing, removable, startMove, attributes, className };
}
