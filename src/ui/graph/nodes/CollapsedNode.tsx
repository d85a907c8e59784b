// Identical siblings drawn as one card with a count; a click opens them (GraphView's onNodeClick).
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { shortBdf, slotOf } from '../../../model/topology/bdf.ts';
import { kindLabel, kindOf } from '../../../model/topology/kind.ts';
import type { MachineState } from '../../../model/kernel/types.ts';
import { deviceView } from '../../../store/views.ts';
import { useExplorer } from '../../app/explorerContext.ts';
import type { CollapsedFlowNode } from '../flowTypes.ts';

/** "iavf ×6, vfio-pci ×2": the members' drivers now, most common first. */
function driverSummary(s: MachineState, members: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const bdf of members) {
    const d = deviceView(s, bdf).driver ?? 'no driver';
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([d, n]) => `${d} ×${n}`).join(', ');
}

/** The name the members share, without a trailing index ("Ethernet X710 VF 3" -> "Ethernet X710 VF"). */
function sharedName(names: readonly string[]): string {
  const first = names[0] ?? '';
  return names.every((n) => n === first) ? first : first.replace(/\s*\d+$/, '');
}

export const CollapsedNode = memo(function CollapsedNode({ data }: NodeProps<CollapsedFlowNode>) {
  const { set, functions } = data;
  const drivers = useExplorer((s) => driverSummary(s.machine, set.members));
  const withAccess = useExplorer((s) => set.members.filter((b) => deviceView(s.machine, b).userAccess).length);
  const first = functions[0]!;
  const last = functions[functions.length - 1]!;
  return (
    <div
      data-testid={`collapsed-${set.key}`}
      className="flex h-full w-full cursor-pointer flex-col justify-between rounded-md border border-slate-400 bg-white px-2.5 py-1 shadow-[3px_3px_0_0_#cbd5e1,6px_6px_0_0_#e2e8f0]"
      title={`${set.members.length} identical functions: click to show each`}
    >
      <Handle type="target" position={Position.Top} className="!border-0 !bg-slate-400" />
      <div className="flex items-baseline justify-between gap-2">
        <span className="font-mono text-[13px] font-bold text-slate-900">
          {addressRange(first.bdf, last.bdf)}
        </span>
        <span className="rounded-full bg-slate-700 px-1.5 text-[11px] font-bold text-white">×{set.members.length}</span>
      </div>
      <div className="truncate text-[12px] leading-4 text-slate-700" title={kindLabel(kindOf(first))}>
        {sharedName(functions.map((f) => f.name))}
      </div>
      <div className="flex items-center justify-between gap-1.5 text-[11px]">
        <span className="truncate font-mono text-slate-600">{drivers}</span>
        {withAccess > 0 ? (
          <span className="rounded bg-fuchsia-600 px-1 text-[10px] font-bold text-white">USER ×{withAccess}</span>
        ) : (
          <span className="shrink-0 text-[10px] text-indigo-600">click to open</span>
        )}
      </div>
    </div>
  );
});

/** "03:00.1–.3" within one slot, else both addresses in full ("03:00.1–03:08.0"), never half of one. */
function addressRange(first: string, last: string): string {
  if (slotOf(first) === slotOf(last)) return `${shortBdf(first)}–.${last.slice(-1)}`;
  return `${shortBdf(first)}–${shortBdf(last)}`;
}
