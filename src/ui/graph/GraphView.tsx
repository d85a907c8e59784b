// The machine as one graph: the PCI tree as nested boxes (root bus frames, group regions, devices),
// domains as nodes, and an edge from every group to the domain translating it now.
import { Background, Controls, Panel, ReactFlow, ReactFlowProvider, useReactFlow, useStore, useStoreApi, type NodeMouseHandler } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { shortBdf } from '../../model/topology/bdf.ts';
import { sharedDomains } from '../../store/views.ts';
import { useExplorer, useExplorerStore } from '../app/explorerContext.ts';
import { graphShown } from '../app/firstView.ts';
import { RouteArrowDefs, RouteEdge } from './edges/RouteEdge.tsx';
import { domainRowNodes, layoutNodeIds, layoutNodes, nodesMadeFor, routeEdges, treeEdges } from './flowElements.ts';
import type { ExplorerNode } from './flowTypes.ts';
import { drawingOf } from './drawing.ts';
import { CollapsedNode } from './nodes/CollapsedNode.tsx';
import { DefaultDomainNode } from './nodes/DefaultDomainNode.tsx';
import { DeviceNode } from './nodes/DeviceNode.tsx';
import { DomainNode } from './nodes/DomainNode.tsx';
import { FrameNode } from './nodes/FrameNode.tsx';
import { RegionNode } from './nodes/RegionNode.tsx';
import { areaInView, boxesMeeting, edgesAmong, stageIds } from './firstScreen.ts';
import { initialViewport } from './initialViewport.ts';
import { useFirstSize, type Size } from './useFirstSize.ts';
import { useStages } from './useStages.ts';

const nodeTypes = { frame: FrameNode, device: DeviceNode, collapsed: CollapsedNode, region: RegionNode, defaultDomain: DefaultDomainNode, domain: DomainNode };
const edgeTypes = { route: RouteEdge };

/** Above this many nodes only those in view are rendered (React Flow at scale, stack notes). */
const RENDER_VISIBLE_ONLY_ABOVE = 150;

/** How far beyond the first screen its nodes go, in panes: a first pan or zoom finds them there. */
const FIRST_SCREEN_MARGIN = 0.5;

/** Marks when the graph of a scenario is first on screen: the e2e reads it as time-to-interactive. */
const GRAPH_READY_MARK = 'explorer:graph-ready';

function Graph({ pane }: { pane: Size }) {
  const store = useExplorerStore();
  const scenario = useExplorer((s) => s.scenario);
  const grouping = useExplorer((s) => s.grouping);
  const expanded = useExplorer((s) => s.expanded);
  const machine = useExplorer((s) => s.machine);
  const { fitView, setViewport } = useReactFlow();

  // The layout follows the structure only (a scenario, an opened set), never a command.
  const current = useMemo(() => drawingOf(scenario, grouping, expanded), [scenario, grouping, expanded]);

  const flow = useStoreApi<ExplorerNode>();
  // The layout's node ids in order (parents first): what the stages hand React Flow, and how many.
  const order = useMemo(() => layoutNodeIds(current.model), [current]);
  const count = order.length;

  // A big layout that starts at a readable zoom on its top left reaches React Flow from there, in
  // stages (firstScreen.ts): first the boxes on that screen, then all of them in batches.
  const first = useMemo(() => {
    if (count <= RENDER_VISIBLE_ONLY_ABOVE) return null;
    const { width, height } = flow.getState();
    const size = width > 0 && height > 0 ? { width, height } : pane;
    const view = size.width > 0 && size.height > 0 ? initialViewport(current.layout.bounds, size) : null;
    return view && !view.fit ? boxesMeeting(current.model, current.layout, areaInView(view.viewport, size, FIRST_SCREEN_MARGIN)) : null;
  }, [current, count, flow, pane]);
  const stage = useStages(first, count);
  // A big layout's stage: its first screen, then more of its nodes in layout order (useStages).
  const only = useMemo(() => (stage.complete || first === null ? undefined : stageIds(order, first, stage.limit)), [stage.complete, first, order, stage.limit]);
  // Each node object is made once per layout (nodesMadeFor; the page's start makes all those of its
  // first layout), so a stage adds nodes without remaking those React Flow already has (it and
  // React then skip them).
  const fixedNodes = useMemo(() => layoutNodes(current.model, current.layout, current.functions, only, nodesMadeFor(current)), [current, only]);
  const nodes = useMemo<ExplorerNode[]>(() => [...fixedNodes, ...domainRowNodes(current.layout, sharedDomains(machine))], [current, fixedNodes, machine]);
  const fixedEdges = useMemo(() => treeEdges(current.model), [current]);
  const edges = useMemo(() => [...fixedEdges, ...routeEdges(current.model, machine)], [current, fixedEdges, machine]);
  const staged = useMemo(() => (only === undefined ? { nodes, edges } : { nodes, edges: edgesAmong(nodes, edges) }), [only, nodes, edges]);

  // Show each new layout (a scenario, an opened set): all of it when that stays readable, else its
  // start at a readable zoom (see initialViewport). Commands never re-layout, so they never move
  // the viewport.
  // The pane's size is read when a layout arrives; resizing the window later keeps the user's view.
  // A first layout that starts at a readable zoom starts there as React Flow mounts: placing it a
  // frame later would draw the boxes in view at React Flow's default view first, for nothing.
  const [mountView] = useState(() => {
    const view = pane.width > 0 && pane.height > 0 ? initialViewport(current.layout.bounds, pane) : null;
    return view && !view.fit ? view.viewport : undefined;
  });
  const placedFor = useRef(mountView ? current : null);
  const paneKnown = useStore((s) => s.width > 0 && s.height > 0);
  useEffect(() => {
    if (!paneKnown) return;
    const { width, height } = flow.getState();
    const view = placedFor.current === current ? null : initialViewport(current.layout.bounds, { width, height });
    const frame = requestAnimationFrame(() => {
      if (view?.fit) void fitView({ padding: view.padding, maxZoom: view.maxZoom });
      else if (view) void setViewport(view.viewport);
      placedFor.current = current;
      performance.mark(GRAPH_READY_MARK, { detail: { scenario: current.scenario.id, nodes: count } });
      graphShown();
    });
    return () => cancelAnimationFrame(frame);
  }, [current, fitView, setViewport, count, paneKnown, flow]);

  const onNodeClick: NodeMouseHandler<ExplorerNode> = (_event, node) => {
    const s = store.getState();
    if (node.type === 'device') s.select({ kind: 'device', bdf: node.data.fn.bdf });
    else if (node.type === 'collapsed') s.toggleExpanded(node.data.set.key);
    else if (node.type === 'region' && node.data.region.kind === 'group') s.select({ kind: 'group', id: node.data.region.groups[0]! });
    else if (node.type === 'domain') s.select({ kind: 'domain', id: node.data.view.id });
  };

  return (
    <ReactFlow<ExplorerNode>
      nodes={staged.nodes}
      edges={staged.edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      // Devices take focus themselves (Enter selects); React Flow's own focusable wrappers would add
      // a second Tab stop per device and one per frame, group and domain pill.
      nodesFocusable={false}
      edgesFocusable={false}
      onlyRenderVisibleElements={count > RENDER_VISIBLE_ONLY_ABOVE}
      defaultViewport={mountView}
      onNodeClick={onNodeClick}
      onPaneClick={() => store.getState().select(null)}
      minZoom={0.05}
      maxZoom={2}
      zIndexMode="manual"
      proOptions={{ hideAttribution: true }}
    >
      <RouteArrowDefs />
      <Background gap={24} color="#e2e8f0" />
      <Controls showInteractive={false} position="bottom-left" />
      <OpenedSets />
    </ReactFlow>
  );
}

/** Sibling sets the user opened, each with a way to fold it back. */
function OpenedSets() {
  const expanded = useExplorer((s) => s.expanded);
  const toggle = useExplorer((s) => s.toggleExpanded);
  if (expanded.size === 0) return null;
  return (
    <Panel position="top-right" className="flex flex-col gap-1 rounded-md border border-slate-200 bg-white/95 p-2 text-xs shadow">
      <span className="font-semibold text-slate-600">Opened identical siblings</span>
      {[...expanded].map((key) => (
        <button key={key} type="button" onClick={() => toggle(key)} className="rounded border border-slate-300 px-2 py-0.5 text-left hover:bg-slate-100">
          fold {shortBdf(key)}…
        </button>
      ))}
    </Panel>
  );
}

export function GraphView() {
  // React Flow mounts once the pane's size is known (before the first paint), to start at the first view.
  const [paneRef, pane] = useFirstSize<HTMLDivElement>();
  return (
    <div ref={paneRef} className="h-full w-full">
      {pane && (
        <ReactFlowProvider>
          <Graph pane={pane} />
        </ReactFlowProvider>
      )}
    </div>
  );
}
