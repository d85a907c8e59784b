// Pointer-driven what-if drag: a card from the graph or a device from the palette onto a port.
// A press that moves less than a few pixels stays a click (React Flow selects the device); the
// drop records one edit step.
import { useCallback } from 'react';
import type { ScenarioEdit } from '../../model/edit/edits.ts';
import { followPointerDrag } from '../app/pointerDrag.ts';
import { editTargetAt } from './dropTargets.ts';
import { editStore, type EditPayload } from './editStore.ts';
import { useRecordEdit } from './useRecordEdit.ts';

const isRootBus = (target: string) => !target.includes('.');

/** The edit a drop makes; `to` is a bridge's address or a root bus (`dddd:bb`), where only new devices go. */
function editFor(payload: EditPayload, to: string): ScenarioEdit | null {
  if (payload.kind === 'card') return payload.bdf === to || isRootBus(to) ? null : { op: 'card.move', bdf: payload.bdf, to };
  return { op: 'device.add', at: to, template: payload.template, options: payload.options };
}

export function useEditDrag(): (event: React.PointerEvent, payload: EditPayload) => void {
  const record = useRecordEdit();
  return useCallback(
    (event: React.PointerEvent, payload: EditPayload) => {
      if (event.button !== 0) return;
      event.stopPropagation();
      followPointerDrag(event, {
        move: (x, y) => editStore.setState({ drag: { payload, x, y, over: editTargetAt(x, y) } }),
        end: (drop) => {
          const over = drop === null ? null : editTargetAt(drop.x, drop.y);
          editStore.setState({ drag: null });
          const edit = over === null ? null : editFor(payload, over);
          if (edit) record(edit);
        },
      });
    },
    [record],
  );
}
