// The kernel's IOMMU group listing, in any of the shapes groupLines.ts reads, into `address -> group`.
// One device in two groups is an error naming both lines; dmesg's "Removing from iommu group" ends
// an assignment first (hot-plug, VFs disabled and enabled again), so a later "Adding" is no conflict.
import type { Bdf } from '../../model/topology/types.ts';
import { readAddress, vmdMessage } from '../address.ts';
import { importError, WarningLog, type ImportResult, type ImportWarning } from '../importResult.ts';
import { readInputLines } from '../inputText.ts';
import { mentionsGroup, readGroupLine, type AddressGroups } from './groupLines.ts';

export interface GroupListingOptions {
  source?: string;
}

export type GroupListingImport = ImportResult<{
  groups: Map<Bdf, number>;
  warnings: ImportWarning[];
}>;

const EXPECTED =
  'expected lines like "/sys/kernel/iommu_groups/7/devices/0000:00:1f.3", "IOMMU Group 7: 00:1f.3 Audio device ...", "IOMMU group: 7" in lspci text, or "pci 0000:00:1f.3: Adding to iommu group 7"';

export function parseGroupListing(text: string, options: GroupListingOptions = {}): GroupListingImport {
  const { source } = options;
  const input = readInputLines(text, 'an IOMMU group listing', source);
  if (!input.ok) return input;
  const log = new WarningLog(source);
  const groups = new Map<Bdf, number>();
  const lineOf = new Map<Bdf, number>();
  /** The group of the last header while device lines follow it. */
  let headerGroup: number | null = null;
  /** The device of the last lspci-style device line, for an `IOMMU group: N` line below it. */
  let lastDevice: AddressGroups | null = null;

  const assign = (a: AddressGroups, group: number, line: number): string | null => {
    const bdf = resolve(a, line, log);
    if (bdf === null) return null;
    const earlier = groups.get(bdf);
    if (earlier !== undefined && earlier !== group) {
      return `${bdf} is in group ${group} here but in group ${earlier} at line ${lineOf.get(bdf)}; are two listings from different boots mixed?`;
    }
    groups.set(bdf, group);
    lineOf.set(bdf, line);
    return null;
  };

  const { lines } = input;
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const text = lines[i]!.trim();
    if (text === '') continue;
    const read = readGroupLine(text);
    let conflict: string | null = null;
    switch (read.kind) {
      case 'assign':
        conflict = assign(read.address, read.group, line);
        headerGroup = null;
        break;
      case 'remove': {
        const bdf = resolve(read.address, line, log);
        if (bdf !== null && groups.get(bdf) === read.group) groups.delete(bdf);
        break;
      }
      case 'header':
        headerGroup = read.group;
        break;
      case 'device':
        if (headerGroup === null) {
          lastDevice = read.addresses[0]!;
          break;
        }
        for (const a of read.addresses) {
          conflict = assign(a, headerGroup, line);
          if (conflict !== null) break;
        }
        break;
      case 'group-of-device':
        if (lastDevice) conflict = assign(lastDevice, read.group, line);
        else log.add(line, `an IOMMU group line with no device line above it; ignored.`);
        lastDevice = null;
        break;
      case 'other':
        headerGroup = null;
        if (mentionsGroup(text)) log.add(line, `this line mentions an IOMMU group but has none of the known shapes; ignored.`);
        break;
    }
    if (conflict !== null) return importError(source, line, conflict);
  }
  if (groups.size === 0) return importError(source, 1, `no IOMMU group assignment found; ${EXPECTED}.`);
  return { ok: true, groups, warnings: log.list() };
}

function resolve(a: AddressGroups, line: number, log: WarningLog): Bdf | null {
  const r = readAddress(a.domain, a.bus, a.dev, a.fn);
  if (r.kind === 'ok') return r.bdf;
  log.add(line, r.kind === 'vmd' ? vmdMessage(r.text) : `${r.text} is not a PCI address (${r.why}); ignored.`);
  return null;
}
