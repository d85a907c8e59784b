// An IOMMU group as a coloured region around its members, with its viability and, when not viable,
// the culprit; or a stack of singleton groups drawn as one. The region's bottom handle starts the
// edge to the domain that translates the group now.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MachineState } from '../../../model/kernel/types.ts';
import { shortBdf } from '../../../model/topology/bdf.ts';
import { groupView } from '../../../store/views.ts';
import { useExplorer } from '../../app/explorerContext.ts';
import { useGroupChanged } from '../../edit/useGroupChanged.ts';
import type { RegionFlowNode } from '../flowTypes.ts';
import type { Region } from '../graphModel.ts';
import { groupColors } from '../groupColors.ts';
import { AWAY_HANDLE_LEFT, DEFAULT_PILL } from '../sizes.ts';
import { ViabilityBadge } from './ViabilityBadge.tsx';

function ownerLine(owner: string): string {
  if (owner === 'none') return 'no DMA owner';
  if (owner === 'kernel') return 'DMA owner: kernel drivers';
  const colon = owner.indexOf(':');
  const kind = owner.slice(0, colon);
  return `DMA owner: ${kind === 'iommufd' ? 'iommu fd' : kind} ${owner.slice(colon + 1)}`;
}

function groupSummary(s: MachineState, g: number) {
  const v = groupView(s, g);
  const first = v.culprits[0];
  return {
    viable: v.viable,
    culprit: first ? `${shortBdf(first.bdf)} is on ${first.driver}${v.culprits.length > 1 ? ` (+${v.culprits.length - 1} more)` : ''}` : null,
    why: v.culprits.map((c) => `${c.bdf} is ${c.why}`).join('\n'),
    domainId: v.domainId,
    owner: v.owner,
  };
}

function GroupRegion({ group }: { group: number }) {
  const view = useExplorer(useShallow((s) => groupSummary(s.machine, group)));
  const selected = useExplorer((s) => s.selection?.kind === 'group' && s.selection.id === group);
  const colors = groupColors(group);
  // Edit mode (issue 8): the groups the last edit changed are outlined.
  const changed = useGroupChanged(group);
  return (
    <div
      data-testid={`group-${group}`}
      data-viable={String(view.viable)}
      data-domain={view.domainId}
      {...changed.attributes}
      className={`region-transition h-full w-full rounded-xl border-2 px-2.5 pt-1.5 ${selected ? 'ring-4 ring-indigo-300' : ''} ${changed.className}`}
      style={{ background: colors.fill, borderColor: view.viable ? colors.border : '#e11d48' }}
    >
      <div className="flex items-center justify-between gap-2">
        <span className="text-[13px] font-bold" style={{ color: colors.title }}>
          IOMMU group {group}
        </span>
        <ViabilityBadge viable={view.viable} />
      </div>
      <div className={`mt-0.5 truncate text-[11px] ${view.culprit ? 'font-medium text-rose-700' : 'text-slate-600'}`} title={view.why || undefined}>
        {view.culprit ?? ownerLine(view.owner)}
      </div>
      <RegionHandles />
    </div>
  );
}

/**
 * Tree edges arrive at the top. The edge to the group's domain leaves the bottom border: above the
 * default-domain node at the right corner, or near the left corner towards a shared domain, so it
 * never runs through the default-domain node.
 */
function RegionHandles() {
  return (
    <>
      <Handle type="target" id="in" position={Position.Top} className="!border-0 !bg-slate-500" />
      <Handle type="source" id="default" position={Position.Bottom} style={{ left: 'auto', right: DEFAULT_PILL.width / 2 - DEFAULT_PILL.overhang }} className="!border-0 !bg-slate-500" />
      <Handle type="source" id="away" position={Position.Bottom} style={{ left: AWAY_HANDLE_LEFT }} className="!border-0 !bg-slate-500" />
    </>
  );
}

function StackRegion({ region }: { region: Region }) {
  const notViable = useExplorer((s) => region.groups.filter((g) => !groupView(s.machine, g).viable).length);
  const n = region.groups.length;
  const ids = `${region.groups[0]}–${region.groups[n - 1]}`;
  return (
    <div data-testid={`stack-${region.set!.key}`} className="h-full w-full rounded-xl border-2 border-dashed border-slate-400 bg-slate-50/90 px-2.5 pt-1.5">
      <div className="flex items-center justify-between gap-2">
        <span className="truncate text-[13px] font-bold text-slate-700">groups {ids}</span>
        <ViabilityBadge viable={notViable === 0} label={notViable === 0 ? `${n} viable` : `${notViable} not viable`} />
      </div>
      <div className="mt-0.5 truncate text-[11px] text-slate-600">{n} groups, one function each</div>
      <RegionHandles />
    </div>
  );
}

export const RegionNode = memo(function RegionNode({ data }: NodeProps<RegionFlowNode>) {
  return data.region.kind === 'group' ? <GroupRegion group={data.region.groups[0]!} /> : <StackRegion region={data.region} />;
});
