// Ground truth: the real Linux 6.1 kernel's groups for every oracle topology (../shared/oracle).
import { describe, expect, it } from 'vitest';
import { oracleFixtures } from '../../testing/fixtures.ts';
import { computeGroups } from './computeGroups.ts';
import { kernelMultifunction, oracleTopology } from './testing/oracleTopology.ts';

const sortedSets = (sets: string[][]) => sets.map((s) => [...s].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));

describe.each(oracleFixtures().map((f) => [f.name, f] as const))('oracle %s', (_name, fixture) => {
  const grouping = computeGroups(oracleTopology(fixture.kernel));

  it('has the kernel\'s group membership', () => {
    expect(sortedSets(grouping.groups.map((g) => g.devices))).toEqual(sortedSets(fixture.kernel.group_sets));
  });

  it('has the kernel\'s group numbers', () => {
    const kernelNumbers = Object.fromEntries(fixture.kernel.devices.filter((d) => d.iommu_group !== null).map((d) => [d.bdf, d.iommu_group]));
    expect(Object.fromEntries(grouping.groupOf)).toEqual(kernelNumbers);
  });

  it('derives the kernel\'s multifunction flag from the header bit (A.9 item 2)', () => {
    for (const d of fixture.kernel.devices) expect({ bdf: d.bdf, multifunction: kernelMultifunction(d) }).toEqual({ bdf: d.bdf, multifunction: d.multifunction });
  });
});
