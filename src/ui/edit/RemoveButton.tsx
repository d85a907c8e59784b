// The small × on a device node in edit mode: removes the card (all functions of its slot and
// everything below it) as one undoable edit.
import { shortBdf } from '../../model/topology/bdf.ts';
import { useRecordEdit } from './useRecordEdit.ts';

export function RemoveButton({ bdf }: { bdf: string }) {
  const record = useRecordEdit();
  return (
    <button
      type="button"
      data-testid={`remove-${bdf}`}
      aria-label={`remove ${shortBdf(bdf)} and everything on its card`}
      title={`Remove ${shortBdf(bdf)} (its whole card and everything below it)`}
      onPointerDown={(e) => e.stopPropagation()}
      onClick={(e) => {
        e.stopPropagation();
        record({ op: 'device.remove', bdf });
      }}
      className="absolute -top-2 -right-2 flex h-5 w-5 items-center justify-center rounded-full border border-rose-300 bg-white text-[13px] leading-none font-bold text-rose-700 shadow hover:bg-rose-50"
    >
      ×
    </button>
  );
}
