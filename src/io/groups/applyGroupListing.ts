// Joins a topology read from lspci with the kernel's group listing taken separately. A function the
// listing leaves out is in no group: the IOMMU does not translate it (kernel-semantics A.9 item 11).
// Both captures can come from different boots, so the addresses are compared and differences
// reported (A.10, last row).
import { shortBdf } from '../../model/topology/bdf.ts';
import type { Bdf, PciFunction, Topology } from '../../model/topology/types.ts';
import { WarningLog, type ImportWarning } from '../importResult.ts';

export interface AppliedGroupListing {
  topology: Topology;
  warnings: ImportWarning[];
}

const LISTED_AT_MOST = 5;

const list = (bdfs: readonly Bdf[]) =>
  `${bdfs.slice(0, LISTED_AT_MOST).map(shortBdf).join(', ')}${bdfs.length > LISTED_AT_MOST ? `, and ${bdfs.length - LISTED_AT_MOST} more` : ''}`;

/** A copy of `topology` with `kernelGroup` and `translated` taken from the listing. */
export function applyGroupListing(topology: Topology, groups: ReadonlyMap<Bdf, number>, options: { source?: string } = {}): AppliedGroupListing {
  const log = new WarningLog(options.source);
  const unlisted: Bdf[] = [];
  const differing: string[] = [];
  const functions = topology.functions.map((f): PciFunction => {
    const group = groups.get(f.bdf);
    const copy: PciFunction = { ...f, translated: group !== undefined };
    if (group === undefined) {
      delete copy.kernelGroup;
      unlisted.push(f.bdf);
      return copy;
    }
    if (f.kernelGroup !== undefined && f.kernelGroup !== group) differing.push(`${shortBdf(f.bdf)} (${f.kernelGroup} in the lspci text, ${group} in the listing)`);
    copy.kernelGroup = group;
    return copy;
  });
  const known = new Set(topology.functions.map((f) => f.bdf));
  const strangers = [...groups.keys()].filter((bdf) => !known.has(bdf));

  if (unlisted.length > 0) {
    log.add(null, `${unlisted.length} function(s) are in no group of the listing (${list(unlisted)}): taken as not translated by the IOMMU (kernel-semantics A.9 item 11); if the listing is from another boot, this is wrong.`);
  }
  if (strangers.length > 0) {
    log.add(null, `the group listing names ${strangers.length} address(es) the lspci text does not have (${list(strangers)}): were the two taken on different boots or machines?`);
  }
  if (differing.length > 0) {
    log.add(null, `the lspci text and the group listing disagree on ${differing.length} group number(s) (${differing.slice(0, LISTED_AT_MOST).join('; ')}); the listing's numbers are used.`);
  }
  const result: Topology = { ...topology, functions };
  return { topology: result, warnings: log.list() };
}
