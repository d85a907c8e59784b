// The inspector's ACS section in edit mode: flip capability and control bits, give a function the
// capability or take it away. Each change is one undoable edit.
import type { ScenarioEdit } from '../../model/edit/edits.ts';
import { acsCapability } from '../../model/topology/builders.ts';
import type { AcsBits, PciFunction } from '../../model/topology/types.ts';
import { AcsGrid, type AcsToggle } from '../inspector/AcsGrid.tsx';
import { useRecordEdit } from './useRecordEdit.ts';

const NO_BITS: AcsBits = { sv: false, tb: false, rr: false, cr: false, uf: false, ec: false, dt: false };

export function AcsEditor({ fn }: { fn: PciFunction }) {
  const record = useRecordEdit();
  const set = (acs: Extract<ScenarioEdit, { op: 'acs.set' }>['acs']) => record({ op: 'acs.set', bdf: fn.bdf, acs });
  const toggle: AcsToggle = (row, bit) => {
    const acs = fn.acs ?? { cap: NO_BITS, ctrl: NO_BITS };
    const on = !acs[row][bit];
    // A control bit needs its capability bit (the model clears it otherwise): enabling one turns on both.
    const cap = { ...acs.cap, [bit]: row === 'cap' ? on : acs.cap[bit] || on };
    const ctrl = { ...acs.ctrl, [bit]: row === 'ctrl' ? on : acs.ctrl[bit] && on };
    set({ cap, ctrl });
  };
  const button = 'rounded border border-slate-300 px-2 py-0.5 text-[12px] text-slate-800 hover:bg-slate-100';
  return (
    <div className="flex flex-col gap-1.5">
      <AcsGrid acs={fn.acs} {...(fn.acs ? { onToggle: toggle } : {})} />
      <div className="flex flex-wrap gap-1.5">
        {fn.acs === null ? (
          <button type="button" data-testid="acs-add" className={button} onClick={() => set(acsCapability())} title="SV TB RR CR UF DT, with SV RR CR UF enabled as the kernel does">
            Give it ACS
          </button>
        ) : (
          <button type="button" data-testid="acs-remove" className={button} onClick={() => set(null)}>
            Remove the ACS capability
          </button>
        )}
      </div>
      {fn.acs && <p className="text-[11px] text-slate-500">Click a bit to flip it. The kernel asks for SV, RR, CR and UF in the control row.</p>}
    </div>
  );
}
