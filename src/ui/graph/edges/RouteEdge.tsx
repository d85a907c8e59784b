// The edge from a group to the domain that translates it. When the group switches domain the edge
// keeps its id and gets a new target; its end then glides from the old domain to the new one
// (about 300 ms, eased) so the viewer sees the group move. Without animations it jumps.
import { getBezierPath, type EdgeProps, type Position } from '@xyflow/react';
import { memo, useLayoutEffect, useRef } from 'react';
import { useExplorer } from '../../app/explorerContext.ts';
import type { RouteEdge as RouteEdgeType } from '../flowTypes.ts';

const DURATION_MS = 300;
const easeInOut = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2);

const STROKES = { default: '#94a3b8', blocked: '#d97706', user: '#4f46e5' } as const;

interface Ends {
  sourceX: number;
  sourceY: number;
  sourcePosition: Position;
  targetPosition: Position;
}

function pathTo(ends: Ends, targetX: number, targetY: number): string {
  return getBezierPath({ ...ends, targetX, targetY })[0];
}

export const RouteEdge = memo(function RouteEdge({ id, sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition, data }: EdgeProps<RouteEdgeType>) {
  const animate = useExplorer((s) => s.settings.animations);
  const pathRef = useRef<SVGPathElement>(null);
  const drawnTarget = useRef<{ x: number; y: number } | null>(null);
  const kind = data?.kind ?? 'default';
  const count = data?.count ?? 1;
  const finalPath = pathTo({ sourceX, sourceY, sourcePosition, targetPosition }, targetX, targetY);

  // The tween reads the latest source end: React Flow may settle the source a render later.
  const ends = useRef<Ends>({ sourceX, sourceY, sourcePosition, targetPosition });
  useLayoutEffect(() => {
    ends.current = { sourceX, sourceY, sourcePosition, targetPosition };
  });

  useLayoutEffect(() => {
    const from = drawnTarget.current;
    drawnTarget.current = { x: targetX, y: targetY };
    const path = pathRef.current;
    if (!animate || !path || !from || (from.x === targetX && from.y === targetY)) return;
    const start = performance.now();
    let frame = 0;
    const step = (now: number) => {
      const t = easeInOut(Math.min(1, (now - start) / DURATION_MS));
      path.setAttribute('d', pathTo(ends.current, from.x + (targetX - from.x) * t, from.y + (targetY - from.y) * t));
      if (t < 1) frame = requestAnimationFrame(step);
    };
    step(start);
    return () => cancelAnimationFrame(frame);
  }, [animate, targetX, targetY]);

  return (
    <g data-testid="route-edge" data-edge={id} data-kind={kind}>
      <path
        ref={pathRef}
        d={finalPath}
        fill="none"
        className="route-edge"
        stroke={STROKES[kind]}
        strokeWidth={kind === 'default' ? 1.5 : 3}
        strokeDasharray={kind === 'blocked' ? '7 5' : undefined}
        markerEnd={`url(#route-arrow-${kind})`}
      />
      {count > 1 && kind !== 'default' && (
        <text x={(sourceX + targetX) / 2} y={(sourceY + targetY) / 2} className="fill-slate-700 text-[11px] font-semibold" textAnchor="middle">
          ×{count}
        </text>
      )}
    </g>
  );
});

/** Arrow heads for the route edges, one per domain kind. Rendered once inside the flow's SVG. */
export function RouteArrowDefs() {
  return (
    <svg className="pointer-events-none absolute h-0 w-0">
      <defs>
        {Object.entries(STROKES).map(([kind, color]) => (
          <marker key={kind} id={`route-arrow-${kind}`} viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill={color} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
