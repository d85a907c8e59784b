// Fuzzing the group-listing reader with 10,000 generated pastes: the shared fixtures' listings in
// each shape people paste (sysfs links, dmesg lines with timestamps, the shell loops' headers and
// device lines, the real machines' listings), windowed and damaged. The reader never throws, an
// error names its line and every warning its place.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { oracleFixtures, realMachines } from '../../testing/fixtures.ts';
import { mutatedText } from '../../testing/textMutations.ts';
import { parseGroupListing } from './parseGroupListing.ts';

const SYSFS = /^\/sys\/kernel\/iommu_groups\/(\d+)\/devices\/(\S+)$/;

/** One sysfs listing as dmesg prints it while the IOMMU driver probes. */
const asDmesg = (listing: string) =>
  listing
    .split('\n')
    .map((l, i) => l.replace(SYSFS, (_m, g: string, bdf: string) => `[    ${(0.5 + i / 1000).toFixed(6)}] pci ${bdf}: Adding to iommu group ${g}`))
    .join('\n');

/** One sysfs listing as the Arch wiki loop prints it: a header per group, then its devices. */
function asHeaders(listing: string): string {
  const out: string[] = [];
  let last = '';
  for (const l of listing.split('\n')) {
    const m = SYSFS.exec(l);
    if (!m) continue;
    if (m[1] !== last) out.push(`IOMMU Group ${m[1]}:`);
    last = m[1]!;
    out.push(`\t${m[2]!.slice(5)} Device [0000]: Vendor Device [1234:5678]`);
  }
  return out.join('\n');
}

const sysfs = oracleFixtures().map((f) => f.groupsListing);
const LISTINGS = [...sysfs, ...sysfs.map(asDmesg), ...sysfs.map(asHeaders), ...realMachines().flatMap((m) => (m.files['groups.txt'] ? [m.files['groups.txt']] : []))];

function answersWithItsLine(text: string): boolean {
  const r = parseGroupListing(text, { source: 'listing' });
  if (!r.ok) {
    const { line, message } = r.error;
    if (line === null || line < 1 || !message.startsWith(`listing, line ${line}: `)) throw new Error(`the error does not name its line: ${message}`);
    return true;
  }
  if (r.groups.size === 0) throw new Error('a listing without groups');
  for (const w of r.warnings) {
    const place = w.line === null ? 'listing: ' : `listing, line ${w.line}: `;
    if (!w.message.startsWith(place)) throw new Error(`a warning that does not name its place: ${w.message}`);
  }
  return true;
}

describe('group listing reader fuzz', () => {
  it('10,000 damaged windows of listings in every shape, and arbitrary strings', () => {
    const paste = fc.oneof(
      { arbitrary: mutatedText(LISTINGS, { maxLines: 40 }), weight: 8 },
      { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
      { arbitrary: fc.string({ maxLength: 200, unit: 'binary' }), weight: 1 },
    );
    fc.assert(fc.property(paste, answersWithItsLine), { numRuns: 10_000 });
  });
});
