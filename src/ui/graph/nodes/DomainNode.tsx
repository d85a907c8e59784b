// A domain shared between groups: the blocked domain (no DMA at all) or a user domain (a VFIO
// container's, an IOASID / IOAS), with the groups it translates now.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { groupsByDomain } from '../../../store/views.ts';
import { useExplorer } from '../../app/explorerContext.ts';
import type { DomainFlowNode } from '../flowTypes.ts';

const TONES = {
  blocked: 'domain-blocked border-amber-500 text-amber-950',
  user: 'border-indigo-500 bg-indigo-50 text-indigo-950',
  default: 'border-slate-400 bg-white text-slate-800',
} as const;

export const DomainNode = memo(function DomainNode({ data }: NodeProps<DomainFlowNode>) {
  const { view } = data;
  const groups = useExplorer((s) => (groupsByDomain(s.machine).get(view.id) ?? []).join(', '));
  return (
    <div
      data-testid={`domain-${view.id}`}
      data-kind={view.kind}
      className={`domain-transition flex h-full w-full flex-col justify-center rounded-lg border-2 px-3 ${TONES[view.kind]} ${groups ? '' : 'opacity-60'}`}
    >
      <Handle type="target" position={Position.Top} className="!border-0 !bg-slate-500" />
      <div className="flex items-baseline justify-between gap-2">
        <span className="truncate text-[13px] font-bold">{view.label}</span>
        <span className="shrink-0 text-[10px] uppercase tracking-wide opacity-70">{view.kind === 'user' ? 'user domain' : 'domain'}</span>
      </div>
      <div className="truncate text-[11px] opacity-80">{view.detail}</div>
      <div className="truncate text-[11px] font-medium">{groups ? `translates group ${groups}` : 'no group'}</div>
    </div>
  );
});
