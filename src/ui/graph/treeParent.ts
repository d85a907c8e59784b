// Where a function hangs in the drawing: below its bridge, a VF below its PF (people read "the
// NIC's VFs", although the PCI parent is the PF's bridge); functions on a root bus hang from nothing
// and sit directly in their root bus's frame.
import { busOf } from '../../model/topology/bdf.ts';
import type { Bdf, PciFunction } from '../../model/topology/types.ts';

export const busFrameId = (bus: string) => `bus:${bus}`;

/** The drawing parent's address, or null for a function on a root bus. */
export function treeParentOf(fn: PciFunction): Bdf | null {
  return fn.physfn ?? fn.parent;
}

/** The root bus (`dddd:bb`) each function descends from. */
export function rootBuses(functions: readonly PciFunction[]): Map<Bdf, string> {
  const byBdf = new Map(functions.map((f) => [f.bdf, f]));
  const memo = new Map<Bdf, string>();
  const rootBusOf = (fn: PciFunction): string => {
    const known = memo.get(fn.bdf);
    if (known !== undefined) return known;
    const parent = treeParentOf(fn);
    const up = parent === null ? undefined : byBdf.get(parent);
    const bus = up === undefined ? busOf(fn.bdf) : rootBusOf(up);
    memo.set(fn.bdf, bus);
    return bus;
  };
  for (const fn of functions) rootBusOf(fn);
  return memo;
}
