// The Check panel's options: which designs, which command families to leave out of the explored
// world, how many userspace objects of each kind, and where the search stops.
import { useStore } from 'zustand';
import { COMMAND_FAMILIES, type CommandFamily } from '../../model/check/index.ts';
import { POLICY_NAMES, type PolicyName } from '../../model/kernel/types.ts';
import { checkOptionsStore, type CheckOptions } from './checkOptions.ts';

const FAMILY_HINTS: Record<CommandFamily, string> = {
  type1: 'the legacy type1 container IOMMU',
  external: "rfc-v2's VFIO_EXTERNAL_IOMMU and GET_DEVICE_FD_NEW",
  cdev: "upstream's device cdev",
  nesting: 'IOASIDs allocated with a parent',
  'pci-stub': 'pci-stub as a driver to try',
};

const BOUNDS = [
  { key: 'containers', label: 'containers', max: 3 },
  { key: 'iommufds', label: 'iommu fds', max: 3 },
  { key: 'ioasids', label: 'IOASIDs', max: 3 },
  { key: 'devices', label: 'device fds', max: 4 },
] as const;

const toggle = <T,>(list: readonly T[], item: T, on: boolean, order: readonly T[]): T[] => order.filter((x) => (x === item ? on : list.includes(x)));

const set = (change: Partial<CheckOptions>) => checkOptionsStore.setState(change);

const inputClass = 'w-12 shrink-0 rounded border border-slate-300 px-1 py-0.5 text-right font-mono text-[12px] disabled:bg-slate-100';

export function CheckOptionsForm({ disabled }: { disabled: boolean }) {
  const o = useStore(checkOptionsStore);
  return (
    <fieldset disabled={disabled} data-testid="check-options" className="flex min-w-0 flex-col gap-2 text-[12px] text-slate-700">
      <div>
        <p className="font-semibold text-slate-800">Designs</p>
        <div className="flex flex-wrap gap-x-3">
          {POLICY_NAMES.map((p: PolicyName) => (
            <label key={p} className="flex items-center gap-1">
              <input type="checkbox" data-testid={`check-policy-${p}`} checked={o.policies.includes(p)} onChange={(e) => set({ policies: toggle(o.policies, p, e.target.checked, POLICY_NAMES) })} />
              {p}
            </label>
          ))}
        </div>
      </div>
      <div>
        <p className="font-semibold text-slate-800">Leave out</p>
        {COMMAND_FAMILIES.map((f) => (
          <label key={f} className="flex min-w-0 items-center gap-1" title={FAMILY_HINTS[f]}>
            <input type="checkbox" data-testid={`check-without-${f}`} checked={o.without.includes(f)} onChange={(e) => set({ without: toggle(o.without, f, e.target.checked, COMMAND_FAMILIES) })} />
            <span className="font-mono">{f}</span>
            <span className="min-w-0 truncate text-slate-500">{FAMILY_HINTS[f]}</span>
          </label>
        ))}
      </div>
      <div>
        <p className="font-semibold text-slate-800">At most at once</p>
        <div className="grid grid-cols-2 gap-x-4 gap-y-1">
          {BOUNDS.map((b) => (
            <label key={b.key} className="flex items-center justify-between gap-1">
              {b.label}
              <input type="number" min={0} max={b.max} data-testid={`check-bound-${b.key}`} className={inputClass} value={o[b.key]} onChange={(e) => set({ [b.key]: Number(e.target.value) })} />
            </label>
          ))}
        </div>
      </div>
      <div className="flex flex-col gap-1">
        <p className="font-semibold text-slate-800">Stop at</p>
        <label className="flex items-center justify-between gap-1" title="Commands in a sequence at most; empty: no limit">
          commands in a sequence
          <input
            type="number"
            min={1}
            placeholder="any"
            data-testid="check-max-depth"
            className={inputClass}
            value={o.maxDepth ?? ''}
            onChange={(e) => set({ maxDepth: e.target.value === '' ? null : Number(e.target.value) })}
          />
        </label>
        <label className="flex items-center justify-between gap-1" title="States at most before the search stops">
          states found
          <input type="number" min={1} step={100000} data-testid="check-max-states" className={inputClass.replace('w-12', 'w-24')} value={o.maxStates} onChange={(e) => set({ maxStates: Number(e.target.value) })} />
        </label>
      </div>
      <label className="flex flex-col gap-0.5" title="The groups with two or more devices are always explored">
        also explore the groups of
        <input type="text" placeholder="e.g. 02:00.0" data-testid="check-groups" className="rounded border border-slate-300 px-1 py-0.5 font-mono text-[12px]" value={o.groups} onChange={(e) => set({ groups: e.target.value })} />
      </label>
      <label className="flex items-center gap-1">
        <input type="checkbox" data-testid="check-diff" checked={o.diff} onChange={(e) => set({ diff: e.target.checked })} />
        design diff between each pair of designs
      </label>
    </fieldset>
  );
}
