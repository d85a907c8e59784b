// The benchmark's yardstick: bare React Flow drawing `?n=` plain default nodes in a grid, each
// joined by a default edge to the node above it, fitted to the window, with nothing else on the
// page. The explorer's figures are read next to this page's, measured the same way in the same run.
import { ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';

const n = Math.max(1, Number(new URLSearchParams(window.location.search).get('n') ?? '500'));
const columns = Math.ceil(Math.sqrt(n * 2));
const nodes: Node[] = Array.from({ length: n }, (_, i) => ({
  id: `${i}`,
  position: { x: (i % columns) * 200, y: Math.floor(i / columns) * 100 },
  data: { label: `node ${i}` },
}));
const edges: Edge[] = nodes.slice(columns).map((node, i) => ({ id: `e${i}`, source: `${i}`, target: node.id }));

createRoot(document.getElementById('root')!).render(
  <div style={{ width: '100vw', height: '100vh' }}>
    <ReactFlow defaultNodes={nodes} defaultEdges={edges} fitView minZoom={0.05} />
  </div>,
);
