// The structure of the drawing, computed from the topology, its groups and which sibling sets the
// user opened; never from the machine state, so commands never change it (and never re-layout).
// Three levels of boxes: a frame per root bus, IOMMU group regions in it, devices in those.
import type { Grouping } from '../../model/grouping/types.ts';
import type { Bdf, Topology } from '../../model/topology/types.ts';
import { findSiblingSets, type SiblingSet } from './collapse.ts';
import { busFrameId, rootBuses, treeParentOf } from './treeParent.ts';

/** A root bus with everything below it; the functions on the bus itself sit at its top. */
export interface Frame {
  id: string;
  bus: string;
}

export type GraphItem =
  | { type: 'device'; id: string; bdf: Bdf; region: string | null; frame: string }
  | { type: 'collapsed'; id: string; set: SiblingSet; region: string | null; frame: string };

export interface Region {
  id: string;
  /** 'group': one IOMMU group; 'stack': a collapsed set of singleton groups. */
  kind: 'group' | 'stack';
  groups: number[];
  frame: string;
  /** For a stack, the sibling set it shows. */
  set?: SiblingSet;
}

export interface TreeEdge {
  id: string;
  source: string;
  target: string;
  /** 'sriov' links a PF to its VFs; 'pci' is the bus hierarchy. */
  kind: 'pci' | 'sriov';
}

export interface GraphModel {
  frames: Frame[];
  items: GraphItem[];
  regions: Region[];
  edges: TreeEdge[];
  /** Sibling sets that can be collapsed, open or not. */
  sets: SiblingSet[];
}

export const deviceNodeId = (bdf: Bdf) => `dev:${bdf}`;
export const setNodeId = (key: string) => `set:${key}`;
export const groupRegionId = (g: number) => `group:${g}`;
export const stackRegionId = (key: string) => `stack:${key}`;

export function buildGraphModel(topology: Topology, grouping: Grouping, expanded: ReadonlySet<string>): GraphModel {
  const sets = findSiblingSets(topology, grouping);
  const collapsedOf = new Map<Bdf, SiblingSet>();
  for (const set of sets) if (!expanded.has(set.key)) for (const bdf of set.members) collapsedOf.set(bdf, set);
  const busOf = rootBuses(topology.functions);

  const frames: Frame[] = [];
  const items: GraphItem[] = [];
  const itemOf = new Map<Bdf, string>();
  const groupFrames = new Map<number, string>();
  const stacks: Region[] = [];

  const busOfFrame = new Map<string, string>();
  /**
   * A group drawn in the frame of its first member: a group can span root buses when its members
   * come from the kernel's listing of a machine whose tree the text did not show, and a frame only
   * exists where something is drawn in it.
   */
  const frameOfGroup = (group: number, frame: string) => {
    if (!groupFrames.has(group)) groupFrames.set(group, frame);
    return groupFrames.get(group)!;
  };
  const framesUsed = new Set<string>();
  const used = (frame: string) => {
    if (!framesUsed.has(frame)) {
      framesUsed.add(frame);
      frames.push({ id: frame, bus: busOfFrame.get(frame)! });
    }
    return frame;
  };

  for (const fn of topology.functions) {
    const bus = busOf.get(fn.bdf)!;
    const ownFrame = busFrameId(bus);
    busOfFrame.set(ownFrame, bus);
    const set = collapsedOf.get(fn.bdf);
    const group = grouping.groupOf.get(fn.bdf);
    if (!set) {
      const frame = used(group === undefined ? ownFrame : frameOfGroup(group, ownFrame));
      const id = deviceNodeId(fn.bdf);
      items.push({ type: 'device', id, bdf: fn.bdf, region: group === undefined ? null : groupRegionId(group), frame });
      itemOf.set(fn.bdf, id);
      continue;
    }
    itemOf.set(fn.bdf, setNodeId(set.key));
    if (fn.bdf !== set.key) continue;
    let region: string | null = null;
    let frame = ownFrame;
    if (set.grouping === 'shared') {
      frame = frameOfGroup(group!, ownFrame);
      region = groupRegionId(group!);
    } else if (set.grouping === 'own') {
      region = stackRegionId(set.key);
      stacks.push({ id: region, kind: 'stack', groups: set.members.map((b) => grouping.groupOf.get(b)!), frame, set });
    }
    items.push({ type: 'collapsed', id: setNodeId(set.key), set, region, frame: used(frame) });
  }

  const regions: Region[] = [
    ...grouping.groups
      .filter((g) => groupFrames.has(g.id))
      .map((g): Region => ({ id: groupRegionId(g.id), kind: 'group', groups: [g.id], frame: groupFrames.get(g.id)! })),
    ...stacks,
  ];

  const edges: TreeEdge[] = [];
  const seen = new Set<string>();
  for (const fn of topology.functions) {
    const parent = treeParentOf(fn);
    const source = parent === null ? undefined : itemOf.get(parent);
    const target = itemOf.get(fn.bdf)!;
    const id = `tree:${source}->${target}`;
    if (source === undefined || source === target || seen.has(id)) continue;
    seen.add(id);
    edges.push({ id, source, target, kind: fn.physfn === undefined ? 'pci' : 'sriov' });
  }
  return { frames, items, regions, edges, sets };
}
