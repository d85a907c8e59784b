// Whether the last edit touched an IOMMU group (split, merged, moved into, added to), for the group's
// region on the graph. Shown while editing or while the "What changed" panel is in front.
import { useExplorer } from '../app/explorerContext.ts';
import { changeHighlights } from './changeHighlights.ts';
import { useEditMode } from './editStore.ts';

export function useGroupChanged(group: number) {
  const editing = useEditMode();
  const changed = useExplorer((s) => (editing || s.panels.bottom === 'changes') && changeHighlights(s.lastChange).groups.has(group));
  return {
    attributes: changed ? { 'data-changed': 'true' } : {},
    className: changed ? 'outline-4 outline-amber-400 outline-offset-2' : '',
  };
}
