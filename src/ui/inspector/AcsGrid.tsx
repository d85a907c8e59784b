// A function's ACS capability and control bits side by side, one column per bit (PCI_ACS_*).
import type { AcsBits, AcsCapability } from '../../model/topology/types.ts';

const BITS: readonly { key: keyof AcsBits; abbr: string; name: string }[] = [
  { key: 'sv', abbr: 'SV', name: 'Source Validation' },
  { key: 'tb', abbr: 'TB', name: 'Translation Blocking' },
  { key: 'rr', abbr: 'RR', name: 'P2P Request Redirect' },
  { key: 'cr', abbr: 'CR', name: 'P2P Completion Redirect' },
  { key: 'uf', abbr: 'UF', name: 'Upstream Forwarding' },
  { key: 'ec', abbr: 'EC', name: 'P2P Egress Control' },
  { key: 'dt', abbr: 'DT', name: 'Direct Translated P2P' },
];

/** A bit of one row ('cap' or 'ctrl'), for an editable grid. */
export type AcsToggle = (row: 'cap' | 'ctrl', bit: keyof AcsBits) => void;

function Cell({ on, label, testId, onToggle }: { on: boolean; label: string; testId: string; onToggle?: (() => void) | undefined }) {
  const text = on ? '+' : '-';
  return (
    <td aria-label={onToggle ? undefined : `${label}: ${on ? 'set' : 'clear'}`} className={`border border-slate-200 text-center font-mono ${on ? 'bg-emerald-50 text-emerald-800' : 'text-slate-400'}`}>
      {onToggle ? (
        <button type="button" data-testid={testId} aria-pressed={on} aria-label={label} onClick={onToggle} className="w-full hover:bg-emerald-100">
          {text}
        </button>
      ) : (
        text
      )}
    </td>
  );
}

/** The grid; with `onToggle` every cell is a button that flips its bit (edit mode). */
export function AcsGrid({ acs, onToggle }: { acs: AcsCapability | null; onToggle?: AcsToggle }) {
  if (acs === null) return <p className="text-[12px] text-slate-700">No ACS capability.</p>;
  return (
    <div data-testid="inspector-acs">
      <table className="w-full table-fixed border-collapse text-[11px]">
        <thead>
          <tr>
            <th className="w-16" />
            {BITS.map((b) => (
              <th key={b.key} title={b.name} className="font-mono font-semibold text-slate-600">
                {b.abbr}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row" className="text-left font-normal text-slate-500">capability</th>
            {BITS.map((b) => <Cell key={b.key} on={acs.cap[b.key]} label={`${b.name} capability`} testId={`acs-cap-${b.key}`} onToggle={onToggle && (() => onToggle('cap', b.key))} />)}
          </tr>
          <tr>
            <th scope="row" className="text-left font-normal text-slate-500">control</th>
            {BITS.map((b) => <Cell key={b.key} on={acs.ctrl[b.key]} label={`${b.name} control`} testId={`acs-ctrl-${b.key}`} onToggle={onToggle && (() => onToggle('ctrl', b.key))} />)}
          </tr>
        </tbody>
      </table>
      {acs.ctrlAssumed && <p className="mt-1 text-[11px] text-amber-800">Control bits were not in the input; shown as the kernel would enable them.</p>}
    </div>
  );
}
