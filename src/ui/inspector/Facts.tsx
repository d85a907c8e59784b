// The inspector's building blocks: a titled section and label/value rows.
import type { ReactNode } from 'react';

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-b border-slate-200 px-3 py-2 last:border-b-0">
      <h3 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {children}
    </section>
  );
}

export function Facts({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[6.5rem_minmax(0,1fr)] gap-x-2 gap-y-0.5 text-[12px]">{children}</dl>;
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="break-words text-slate-900">{children}</dd>
    </>
  );
}

/** A device address that selects that device, so the inspector can be walked with the keyboard. */
export function DeviceLink({ bdf, onSelect }: { bdf: string; onSelect: (bdf: string) => void }) {
  return (
    <button type="button" onClick={() => onSelect(bdf)} className="rounded font-mono text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-indigo-500">
      {bdf}
    </button>
  );
}
