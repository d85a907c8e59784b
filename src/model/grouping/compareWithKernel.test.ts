import { describe, expect, it } from 'vitest';
import { endpoint, rootPort, topology } from '../topology/builders.ts';
import { compareWithKernel } from './compareWithKernel.ts';
import { groupingFromKernelListing } from './fromKernelListing.ts';

const topo = topology(rootPort('00:01.0', { acs: true }, [endpoint('01:00.0'), endpoint('01:00.1')]));
const computed = groupingFromKernelListing(
  topo,
  new Map([
    ['0000:00:01.0', 0],
    ['0000:01:00.0', 1],
    ['0000:01:00.1', 2],
  ]),
);

describe('compareWithKernel', () => {
  it('finds equal partitions identical whatever the numbers', () => {
    const kernel = new Map([
      ['0000:00:01.0', 9],
      ['0000:01:00.0', 4],
      ['0000:01:00.1', 5],
    ]);
    expect(compareWithKernel(computed, kernel)).toEqual({ identical: true, differences: [] });
  });

  it('names a kernel group the model split', () => {
    const kernel = new Map([
      ['0000:00:01.0', 0],
      ['0000:01:00.0', 7],
      ['0000:01:00.1', 7],
    ]);
    const r = compareWithKernel(computed, kernel);
    expect(r.identical).toBe(false);
    expect(r.differences.map((d) => d.text)).toEqual(['kernel group 7 {01:00.0 01:00.1}: computed {01:00.0} (group 1) and {01:00.1} (group 2)']);
  });

  it('names groups the model merged, and functions only one side groups', () => {
    const merged = groupingFromKernelListing(topo, new Map([['0000:00:01.0', 0], ['0000:01:00.0', 0]]));
    const kernel = new Map([
      ['0000:00:01.0', 0],
      ['0000:01:00.0', 1],
      ['0000:01:00.1', 2],
    ]);
    const texts = compareWithKernel(merged, kernel).differences.map((d) => d.text);
    expect(texts).toEqual([
      'kernel group 0 {00:01.0}: computed {00:01.0 01:00.0} (group 0)',
      'kernel group 1 {01:00.0}: computed {00:01.0 01:00.0} (group 0)',
      'kernel group 2 {01:00.1}: computed no group for 01:00.1',
    ]);
    const extra = compareWithKernel(computed, new Map([['0000:00:01.0', 0], ['0000:01:00.0', 1]]));
    expect(extra.differences.map((d) => d.text)).toEqual(['01:00.1 is in computed group 2 but in no group of the kernel\'s listing']);
  });
});
