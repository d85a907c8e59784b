// The inspector's card tools in edit mode, for keyboard users and exact work: move the selected
// device's card to another port or bridge, or remove it.
import { useState } from 'react';
import { kindLabel, kindOf } from '../../model/topology/kind.ts';
import { shortBdf, slotOf } from '../../model/topology/bdf.ts';
import type { PciFunction } from '../../model/topology/types.ts';
import { useExplorer } from '../app/explorerContext.ts';
import { acceptsCards } from './dropTargets.ts';
import { useRecordEdit } from './useRecordEdit.ts';

export function CardEditor({ fn }: { fn: PciFunction }) {
  const functions = useExplorer((s) => s.scenario.topology.functions);
  const record = useRecordEdit();
  const [to, setTo] = useState('');
  if (fn.physfn !== undefined) return <p className="text-[12px] text-slate-600">A VF moves with its PF {shortBdf(fn.physfn)}.</p>;
  if (fn.parent === null) return <p className="text-[12px] text-slate-600">On a root bus: part of the root complex, not a card.</p>;
  const ownSlot = slotOf(fn.bdf);
  const occupied = new Set(functions.filter((f) => f.parent !== null && f.physfn === undefined).map((f) => f.parent!));
  const targets = functions.filter((f) => acceptsCards(f) && f.bdf !== fn.parent && slotOf(f.bdf) !== ownSlot);
  const button = 'rounded border border-slate-300 px-2 py-0.5 text-[12px] text-slate-800 enabled:hover:bg-slate-100 disabled:text-slate-400';
  return (
    <div className="flex flex-col gap-1.5 text-[12px]">
      <div className="flex flex-wrap items-center gap-1.5">
        <label htmlFor="move-target" className="text-slate-600">Move card to</label>
        <select id="move-target" data-testid="move-target" value={to} onChange={(e) => setTo(e.target.value)} className="max-w-48 rounded border border-slate-300 px-1 py-0.5">
          <option value="">choose a port…</option>
          {targets.map((t) => (
            <option key={t.bdf} value={t.bdf}>
              {shortBdf(t.bdf)} {kindLabel(kindOf(t))}{occupied.has(t.bdf) ? ' (in use)' : ''}
            </option>
          ))}
        </select>
        <button type="button" data-testid="move-card" className={button} disabled={to === ''} onClick={() => record({ op: 'card.move', bdf: fn.bdf, to })}>
          Move
        </button>
      </div>
      <button type="button" data-testid="remove-card" className={`${button} self-start`} onClick={() => record({ op: 'device.remove', bdf: fn.bdf })}>
        Remove card {shortBdf(ownSlot)}
      </button>
    </div>
  );
}
