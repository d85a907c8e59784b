// One PCI function: short address, name, kind, driver, and whether userspace can reach it. Facts
// come from the store per device, so a command re-renders only the devices it changed.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { shortBdf } from '../../../model/topology/bdf.ts';
import { kindLabel, kindOf } from '../../../model/topology/kind.ts';
import { deviceView } from '../../../store/views.ts';
import { useExplorer } from '../../app/explorerContext.ts';
import { dragStore } from '../../drivers/dragStore.ts';
import { useDeviceDrag } from '../../drivers/useDeviceDrag.ts';
import { RemoveButton } from '../../edit/RemoveButton.tsx';
import { useNodeEdit } from '../../edit/useNodeEdit.ts';
import type { DeviceFlowNode } from '../flowTypes.ts';
import { DriverChip } from './DriverChip.tsx';
import { UserAccessMark } from './UserAccessMark.tsx';

export const DeviceNode = memo(function DeviceNode({ data }: NodeProps<DeviceFlowNode>) {
  const { fn } = data;
  const view = useExplorer(useShallow((s) => deviceView(s.machine, fn.bdf)));
  const selected = useExplorer((s) => s.selection?.kind === 'device' && s.selection.bdf === fn.bdf);
  const startDrag = useDeviceDrag();
  const select = useExplorer((s) => s.select);
  const dragged = useStore(dragStore, (s) => s.drag?.bdf === fn.bdf);
  const isBridge = fn.headerType !== 'normal';
  // Edit mode (issue 8): the press moves the card instead of starting a driver drag.
  const edit = useNodeEdit(fn);
  return (
    <div
      data-testid={`device-${fn.bdf}`}
      data-driver={view.driver ?? ''}
      data-user-access={String(view.userAccess)}
      data-group={view.group ?? ''}
      {...edit.attributes}
      onPointerDown={(e) => (edit.editing ? edit.startMove(e) : startDrag(e, fn.bdf))}
      role="button"
      tabIndex={0}
      aria-label={`${fn.bdf} ${fn.name}`}
      aria-pressed={selected}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        select({ kind: 'device', bdf: fn.bdf });
      }}
      className={`nopan flex h-full w-full cursor-grab flex-col justify-between rounded-md border bg-white px-2.5 py-1 shadow-sm active:cursor-grabbing ${
        selected ? 'border-indigo-500 ring-2 ring-indigo-300' : isBridge ? 'border-slate-400' : 'border-slate-300'
      } ${view.userAccess ? 'ring-2 ring-fuchsia-400' : ''} ${dragged ? 'opacity-60 outline-2 outline-indigo-500 outline-dashed' : ''} ${edit.className}`}
      title={`${fn.bdf} ${fn.name} (drag onto a driver)`}
    >
      <Handle type="target" position={Position.Top} className="!border-0 !bg-slate-400" />
      <div className="flex items-baseline justify-between gap-2">
        <span className="font-mono text-[13px] font-bold text-slate-900">{shortBdf(fn.bdf)}</span>
        <span className="truncate text-[10px] text-slate-500">{kindLabel(kindOf(fn))}</span>
      </div>
      <div className="truncate text-[12px] leading-4 text-slate-700">{fn.name}</div>
      <div className="flex items-center gap-1.5">
        <DriverChip driver={view.driver} />
        {view.override !== null && view.override !== view.driver && (
          <span className="truncate text-[10px] text-slate-500" title="driver_override">
            override {view.override}
          </span>
        )}
        <span className="ml-auto">
          <UserAccessMark granted={view.userAccess} />
        </span>
      </div>
      <Handle type="source" position={Position.Bottom} className="!border-0 !bg-slate-400" />
      {edit.removable && <RemoveButton bdf={fn.bdf} />}
    </div>
  );
});
