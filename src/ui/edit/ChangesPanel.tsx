// "What changed": the last edit's effect on the IOMMU groups (split, merged, moved, added, removed),
// each with why the devices were together before and where they are now, plus edits that no longer
// apply and, whenever an ACS override is set, what it pretends.
import { useMemo } from 'react';
import type { GroupChange, GroupChangeKind } from '../../model/edit/groupDiff.ts';
import type { GroupReason } from '../../model/grouping/types.ts';
import { shortBdf } from '../../model/topology/bdf.ts';
import { useExplorer, useExplorerStore } from '../app/explorerContext.ts';
import { changeHighlights } from './changeHighlights.ts';
import { OverrideWarning } from './OverrideWarning.tsx';

const KIND_STYLE: Record<GroupChangeKind, { label: string; className: string }> = {
  split: { label: 'split', className: 'bg-amber-100 text-amber-900 border-amber-300' },
  merged: { label: 'merged', className: 'bg-orange-100 text-orange-900 border-orange-300' },
  moved: { label: 'moved', className: 'bg-amber-100 text-amber-900 border-amber-300' },
  added: { label: 'added', className: 'bg-emerald-100 text-emerald-900 border-emerald-300' },
  removed: { label: 'removed', className: 'bg-slate-100 text-slate-700 border-slate-300' },
};

function Reasons({ title, reasons }: { title: string; reasons: readonly GroupReason[] }) {
  if (reasons.length === 0) return null;
  return (
    <div className="mt-0.5">
      <span className="text-[11px] font-semibold text-slate-500">{title}</span>
      <ul className="ml-4 list-disc text-[12px] leading-4 text-slate-700">
        {reasons.map((r) => (
          <li key={`${r.device}-${r.via}`}>
            <span className="font-mono">{shortBdf(r.device)}</span> {r.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Why a split or a removal needs no "now" reasons: the devices are simply on their own. */
function aloneNote(change: GroupChange): string | null {
  if (change.kind !== 'split' && change.kind !== 'moved') return null;
  const alone = change.after.filter((g) => g.devices.length === 1).map((g) => shortBdf(g.devices[0]!));
  return alone.length > 0 ? `Now alone in their groups: ${alone.join(', ')}.` : null;
}

function ChangeItem({ change }: { change: GroupChange }) {
  const select = useExplorerStore().getState().select;
  const style = KIND_STYLE[change.kind];
  const note = aloneNote(change);
  return (
    <li data-testid={`change-${change.kind}`} className="border-b border-slate-100 py-1.5">
      <div className="flex items-baseline gap-2">
        <span className={`shrink-0 rounded border px-1.5 text-[11px] font-semibold ${style.className}`}>{style.label}</span>
        <span className="text-[13px] text-slate-900">{change.text}</span>
        {change.after.map((g) => (
          <button key={g.id} type="button" onClick={() => select({ kind: 'group', id: g.id })} className="shrink-0 text-[11px] text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:text-indigo-900">
            group {g.id}
          </button>
        ))}
      </div>
      <div className="ml-1 pl-1">
        <Reasons title="before" reasons={change.reasonsBefore} />
        <Reasons title="now" reasons={change.reasonsAfter} />
        {note && <p className="text-[12px] text-slate-600">{note}</p>}
      </div>
    </li>
  );
}

export function ChangesPanel() {
  const lastChange = useExplorer((s) => s.lastChange);
  const words = useExplorer((s) => s.scenario.groupingSettings.acsOverride);
  const failures = useExplorer((s) => s.editFailures);
  const steps = useExplorer((s) => s.steps);
  const { changes } = useMemo(() => changeHighlights(lastChange), [lastChange]);
  const failed = steps.filter((s) => s.kind === 'edit' && failures.has(s.id));
  return (
    <div className="h-full overflow-auto px-3 py-2">
      <OverrideWarning words={words} />
      {failed.length > 0 && (
        <ul data-testid="edit-failures" className="my-1 rounded border border-rose-300 bg-rose-50 px-2.5 py-1 text-[12px] text-rose-900">
          {failed.map((s) => (
            <li key={s.id}>
              <span className="font-semibold">{s.label}</span> no longer applies: {failures.get(s.id)}
            </li>
          ))}
        </ul>
      )}
      {lastChange === null ? (
        <p className="py-1 text-[13px] text-slate-600">No edit yet. Turn on “Edit topology” to move cards, add or remove devices, change ACS bits or set the ACS override; what that does to the groups shows here.</p>
      ) : (
        <>
          <h3 className="mt-1 text-[13px] font-semibold text-slate-800" data-testid="change-label">
            {lastChange.label}
          </h3>
          {changes.length === 0 ? (
            <p data-testid="change-none" className="text-[13px] text-slate-600">The groups did not change (addresses and group numbers may have).</p>
          ) : (
            <ul>
              {changes.map((c, i) => (
                <ChangeItem key={`${c.kind}-${i}`} change={c} />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
