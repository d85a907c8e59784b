// The bus tree from the bridges' `Bus: primary=.., secondary=.., subordinate=..` lines: a function
// sits below the bridge whose secondary..subordinate range holds its bus, the nearest (narrowest)
// such; a bus no listed bridge holds is a root bus (host bridges and pxb expanders open root buses
// without a Bus: line; kernel-semantics A.9 item 1, oracle o).
import type { BdfParts } from '../../model/topology/bdf.ts';
import { shortBdf } from '../../model/topology/bdf.ts';
import type { PciFunction } from '../../model/topology/types.ts';
import type { WarningLog } from '../importResult.ts';
import type { Located } from './blockFields.ts';

export interface TreeNode {
  fn: PciFunction;
  parts: BdfParts;
  headerLine: number;
  fields: { bus?: Located<{ primary: number; secondary: number; subordinate: number }> };
}

const hex2 = (n: number) => n.toString(16).padStart(2, '0');

/** Sets `parent` of every node but VFs, and the bus range of every bridge whose range can hold buses. */
export function placeOnBusTree(nodes: readonly TreeNode[], log: WarningLog): void {
  const byDomain = new Map<number, TreeNode[]>();
  for (const n of nodes) {
    const list = byDomain.get(n.parts.domain);
    if (list) list.push(n);
    else byDomain.set(n.parts.domain, [n]);
  }
  for (const domainNodes of byDomain.values()) placeDomain(domainNodes, log);
}

function placeDomain(nodes: readonly TreeNode[], log: WarningLog): void {
  // nearest[bus] = the narrowest bridge range holding that bus.
  const nearest: (TreeNode | undefined)[] = new Array(256);
  const bySecondary = new Map<number, TreeNode>();
  for (const n of nodes) {
    if (!n.fields.bus) {
      if (n.fn.headerType !== 'normal') {
        log.add(n.headerLine, `bridge ${shortBdf(n.fn.bdf)} shows no Bus: line; functions below it cannot be placed and appear on a root bus.`, n.fn.bdf);
      }
      continue;
    }
    const { secondary, subordinate } = n.fields.bus.value;
    if (secondary <= n.parts.bus || subordinate < secondary) {
      log.add(n.fields.bus.line, `bridge ${shortBdf(n.fn.bdf)} has the bus range secondary=${hex2(secondary)}, subordinate=${hex2(subordinate)}, which cannot hold buses below bus ${hex2(n.parts.bus)} (an unconfigured bridge?); nothing is placed below it.`, n.fn.bdf);
      continue;
    }
    n.fn.secondaryBus = secondary;
    n.fn.subordinateBus = subordinate;
    const twin = bySecondary.get(secondary);
    if (twin) {
      log.add(n.fields.bus.line, `bridges ${shortBdf(twin.fn.bdf)} (line ${twin.fields.bus!.line}) and ${shortBdf(n.fn.bdf)} both name bus ${hex2(secondary)} as their secondary bus; functions on it are placed below the narrower range, or the first.`, n.fn.bdf);
    } else {
      bySecondary.set(secondary, n);
    }
    const width = subordinate - secondary;
    for (let b = secondary; b <= subordinate; b++) {
      const held = nearest[b];
      if (held === undefined || held.fields.bus!.value.subordinate - held.fields.bus!.value.secondary > width) nearest[b] = n;
    }
  }
  const reportedBuses = new Set<number>();
  for (const n of nodes) {
    // A VF's bus may be a virtual one; it is placed with its PF's parent instead (A.9 item 3).
    if (n.fn.physfn !== undefined) continue;
    const parent = nearest[n.parts.bus];
    n.fn.parent = parent ? parent.fn.bdf : null;
    if (parent && parent.fields.bus!.value.secondary !== n.parts.bus && !reportedBuses.has(n.parts.bus)) {
      reportedBuses.add(n.parts.bus);
      log.add(n.headerLine, `bus ${hex2(n.parts.bus)} of ${shortBdf(n.fn.bdf)} is the secondary bus of no listed bridge; it is placed below ${shortBdf(parent.fn.bdf)}, whose range ${hex2(parent.fields.bus!.value.secondary)}-${hex2(parent.fields.bus!.value.subordinate)} holds it (was the listing filtered?).`, n.fn.bdf);
    }
  }
}
