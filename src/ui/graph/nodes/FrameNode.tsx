// A root bus: the frame around everything that descends from it. The functions on the bus itself
// (host bridge, root ports, integrated devices) stand at its top; the bus reaches memory through
// the IOMMU, which is why every group below it is translated.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FrameFlowNode } from '../flowTypes.ts';

export const FrameNode = memo(function FrameNode({ data }: NodeProps<FrameFlowNode>) {
  const [domain, bus] = data.bus.split(':');
  return (
    <div data-testid={`bus-${data.bus}`} className="h-full w-full rounded-2xl border border-slate-300 bg-white/60">
      <div className="flex items-baseline gap-3 rounded-t-2xl bg-slate-800 px-4 py-1.5 text-white">
        <span className="text-[14px] font-semibold">root bus {bus}</span>
        <span className="text-[12px] text-slate-300">PCI domain {domain} · DMA from every device below is translated by the IOMMU</span>
      </div>
    </div>
  );
});
