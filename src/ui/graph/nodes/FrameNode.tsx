// A root bus: the frame around everything that descends from it. The functions on the bus itself
// (host bridge, root ports, integrated devices) stand at its top; the bus reaches memory through
// the IOMMU, which is why every group below it is translated.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRootBusTarget } from '../../edit/useRootBusTarget.ts';
import type { FrameFlowNode } from '../flowTypes.ts';

export const FrameNode = memo(function FrameNode({ data }: NodeProps<FrameFlowNode>) {
  const [domain, bus] = data.bus.split(':');
  // Edit mode (issue 8): new root-bus devices can be dropped on the frame.
  const target = useRootBusTarget(data.bus);
  return (
    <div data-testid={`bus-${data.bus}`} {...target.attributes} className={`h-full w-full rounded-2xl border border-slate-300 bg-white/60 ${target.className}`}>
      {/* One line whatever the frame's width: a narrow frame cuts the explanation, never the bus number. */}
      <div className="flex items-baseline gap-3 overflow-hidden rounded-t-2xl bg-slate-800 px-4 py-1.5 whitespace-nowrap text-white">
        <span className="shrink-0 text-[14px] font-semibold">root bus {bus}</span>
        <span className="truncate text-[12px] text-slate-300" title="DMA from every device below is translated by the IOMMU">
          PCI domain {domain} · DMA from every device below is translated by the IOMMU
        </span>
      </div>
    </div>
  );
});
