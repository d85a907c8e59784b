// Records a what-if edit as an undoable step and brings the "What changed" panel to the front.
import { useCallback } from 'react';
import { describeEdit, type ScenarioEdit } from '../../model/edit/edits.ts';
import { useExplorerStore } from '../app/explorerContext.ts';

export function useRecordEdit(): (edit: ScenarioEdit) => boolean {
  const store = useExplorerStore();
  return useCallback(
    (edit: ScenarioEdit) => {
      const s = store.getState();
      const done = s.edit(describeEdit(edit), edit);
      if (done) s.showPanel('changes');
      return done;
    },
    [store],
  );
}
