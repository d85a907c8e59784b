// The React Flow node and edge types of the explorer's graph.
import type { Edge, Node } from '@xyflow/react';
import type { PciFunction } from '../../model/topology/types.ts';
import type { DomainKind, DomainView } from '../../store/views.ts';
import type { SiblingSet } from './collapse.ts';
import type { Region } from './graphModel.ts';

/** A root bus's frame, holding everything that descends from it. */
export type FrameFlowNode = Node<{ bus: string }, 'frame'>;
export type DeviceFlowNode = Node<{ fn: PciFunction }, 'device'>;
export type CollapsedFlowNode = Node<{ set: SiblingSet; functions: PciFunction[] }, 'collapsed'>;
export type RegionFlowNode = Node<{ region: Region }, 'region'>;
/** A group's own default domain (or a stack's default domains), just below its region. */
export type DefaultDomainFlowNode = Node<{ region: Region }, 'defaultDomain'>;
/** The blocked domain and the user domains, in a row below the tree. */
export type DomainFlowNode = Node<{ view: DomainView }, 'domain'>;

export type ExplorerNode = FrameFlowNode | DeviceFlowNode | CollapsedFlowNode | RegionFlowNode | DefaultDomainFlowNode | DomainFlowNode;

/** An edge from a group region to the domain that translates it now; `count` for stacks of groups. */
export type RouteEdge = Edge<{ kind: DomainKind; count: number }, 'route'>;
