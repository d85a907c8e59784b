import { describe, expect, it } from 'vitest';
import { realMachines } from '../../testing/fixtures.ts';
import { parseLspci } from '../lspci/parseLspci.ts';
import { applyGroupListing } from './applyGroupListing.ts';
import { parseGroupListing } from './parseGroupListing.ts';

const files = (name: string) => realMachines().find((m) => m.name === name)!.files;

function both(name: string) {
  const lspci = parseLspci(files(name)['lspci.txt']!);
  const groups = parseGroupListing(files(name)['groups.txt']!);
  if (!lspci.ok || !groups.ok) throw new Error('real machine did not parse');
  return { topology: lspci.topology, groups: groups.groups };
}

describe('applyGroupListing', () => {
  it('gives the flat duo listing its groups from the separate listing, every function translated', () => {
    const { topology, groups } = both('asokolsky-duo-z370');
    const applied = applyGroupListing(topology, groups);
    expect(applied.warnings).toEqual([]);
    expect(applied.topology.functions.every((f) => f.translated && f.kernelGroup === groups.get(f.bdf))).toBe(true);
    expect(topology.functions.every((f) => f.kernelGroup === undefined)).toBe(true); // the input is not changed
  });

  it('marks a function the listing leaves out as untranslated (A.9 item 11) and says so', () => {
    const { topology, groups } = both('asokolsky-latitude7490-kabylake-laptop');
    const applied = applyGroupListing(topology, groups, { source: 'groups.txt' });
    expect(applied.topology.functions.filter((f) => !f.translated).map((f) => f.bdf)).toEqual(['0000:00:02.0']);
    expect(applied.warnings.map((w) => w.message)).toEqual([
      'groups.txt: 1 function(s) are in no group of the listing (00:02.0): taken as not translated by the IOMMU (kernel-semantics A.9 item 11); if the listing is from another boot, this is wrong.',
    ]);
  });

  it('reports addresses only one side has and group numbers the two sides disagree on', () => {
    const { topology, groups } = both('imac2020-cometlake-tb3-lkml');
    const other = new Map(groups);
    other.set('0000:00:01.0', 99);
    other.set('0000:7d:00.0', 30);
    const messages = applyGroupListing(topology, other).warnings.map((w) => w.message);
    expect(messages).toEqual([
      'the input: the group listing names 1 address(es) the lspci text does not have (7d:00.0): were the two taken on different boots or machines?',
      'the input: the lspci text and the group listing disagree on 1 group number(s) (00:01.0 (1 in the lspci text, 99 in the listing)); the listing\'s numbers are used.',
    ]);
  });
});
