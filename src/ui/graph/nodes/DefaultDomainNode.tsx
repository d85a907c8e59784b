// A group's default domain: the kernel DMA API's translation for its drivers. Each group has its
// own, so it sits right below its region; it dims while the group is translated elsewhere.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { defaultDomainId, groupDomain } from '../../../store/views.ts';
import { useExplorer } from '../../app/explorerContext.ts';
import type { DefaultDomainFlowNode } from '../flowTypes.ts';

export const DefaultDomainNode = memo(function DefaultDomainNode({ data }: NodeProps<DefaultDomainFlowNode>) {
  const { region } = data;
  const onIt = useExplorer((s) => region.groups.filter((g) => groupDomain(s.machine, g).domainKind === 'default').length);
  const stack = region.kind === 'stack';
  const testId = stack ? `domain-defaults-${region.set!.key}` : `domain-${defaultDomainId(region.groups[0]!)}`;
  return (
    <div
      data-testid={testId}
      data-kind="default"
      className={`domain-transition flex h-full w-full items-center justify-center rounded-full border px-1.5 text-[11px] ${
        onIt > 0 ? 'border-slate-400 bg-white text-slate-700' : 'border-dashed border-slate-300 bg-slate-50 text-slate-400'
      }`}
      title={`the group's default domain: what the kernel DMA API maps for its drivers${onIt > 0 ? '' : ' (unused now)'}`}
    >
      <Handle type="target" position={Position.Top} className="!border-0 !bg-slate-400" />
      <span className="truncate font-semibold">{stack ? `default ×${region.groups.length}` : 'default domain'}</span>
    </div>
  );
});
