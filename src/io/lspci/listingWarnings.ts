// Facts about the listing as a whole that become one warning each, rather than one per function:
// capabilities denied to a non-root lspci, ids missing without -nn, class names not in the table,
// and functions without an IOMMU group line among functions with one.
import { shortBdf } from '../../model/topology/bdf.ts';
import type { Bdf, PciFunction } from '../../model/topology/types.ts';
import type { WarningLog } from '../importResult.ts';
import type { BlockFields } from './blockFields.ts';

export interface ListedFunction {
  fn: PciFunction;
  fields: BlockFields;
  headerLine: number;
}

export function warnAccessDenied(nodes: readonly ListedFunction[], log: WarningLog): boolean {
  const denied = nodes.filter((n) => n.fields.accessDenied !== undefined);
  if (denied.length === 0) return false;
  const first = denied[0]!;
  log.add(
    first.fields.accessDenied!,
    `${denied.length} function(s) show "Capabilities: <access denied>" (lspci was run without root; first ${shortBdf(first.fn.bdf)}): their PCIe port types, ACS and SR-IOV are unknown and they read as conventional PCI without ACS, so groups computed from this text would be wrong; import the kernel's group listing instead, or run lspci as root (kernel-semantics A.10).`,
  );
  return true;
}

export function warnMissingIds(nodes: readonly ListedFunction[], log: WarningLog): boolean {
  const without = nodes.filter((n) => n.fn.vendor === null);
  if (without.length === 0) return false;
  const first = without[0]!;
  log.add(
    first.headerLine,
    `${without.length} function(s) have no [vendor:device] ids (lspci without -nn; first ${shortBdf(first.fn.bdf)}): device-specific quirks (ACS quirks, DMA aliases) cannot apply to them; lspci -nn prints the ids.`,
  );
  return true;
}

export function warnUnknownClassNames(nodes: readonly ListedFunction[], log: WarningLog): void {
  const unknown = nodes.filter((n) => n.fn.classCode === null);
  if (unknown.length === 0) return;
  const first = unknown[0]!;
  log.add(first.headerLine, `${unknown.length} function(s) have a class name without a known class code (first ${shortBdf(first.fn.bdf)}); their class code is left unknown.`);
}

/**
 * lspci 3.9 prints each function's `IOMMU group` from sysfs. When some functions show one and
 * others do not, the others are in no group: the IOMMU does not translate them (A.9 item 11).
 */
export function applyOwnGroupLines(nodes: readonly ListedFunction[], log: WarningLog): Map<Bdf, number> {
  const groups = new Map<Bdf, number>();
  for (const n of nodes) if (n.fn.kernelGroup !== undefined) groups.set(n.fn.bdf, n.fn.kernelGroup);
  if (groups.size === 0) return groups;
  const ungrouped = nodes.filter((n) => n.fn.kernelGroup === undefined);
  for (const n of ungrouped) n.fn.translated = false;
  if (ungrouped.length > 0) {
    const first = ungrouped[0]!;
    log.add(
      first.headerLine,
      `${ungrouped.length} function(s) show no IOMMU group while the others do (${ungrouped.slice(0, 5).map((n) => shortBdf(n.fn.bdf)).join(', ')}${ungrouped.length > 5 ? ', ...' : ''}): taken as not translated by the IOMMU, in no group (kernel-semantics A.9 item 11), as with an integrated GPU under intel_iommu=igfx_off.`,
    );
  }
  return groups;
}
