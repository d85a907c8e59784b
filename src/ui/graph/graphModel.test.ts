import { describe, expect, it } from 'vitest';
import { computeGroups } from '../../model/grouping/computeGroups.ts';
import { gpuAudioNvme } from '../../scenarios/gpuAudioNvme.ts';
import { sriovNic } from '../../scenarios/sriovNic.ts';
import { groupingFromKernelListing } from '../../model/grouping/fromKernelListing.ts';
import { endpoint, hostBridge, topology } from '../../model/topology/builders.ts';
import { buildGraphModel } from './graphModel.ts';

describe('the graph structure', () => {
  it('draws every function of a small machine, each group as a region, in its root bus frame', () => {
    const model = buildGraphModel(gpuAudioNvme.topology, computeGroups(gpuAudioNvme.topology), new Set());
    expect(model.items.filter((i) => i.type === 'device')).toHaveLength(gpuAudioNvme.topology.functions.length);
    expect(model.frames.map((f) => f.id)).toEqual(['bus:0000:00']);
    expect(model.items.every((i) => i.frame === 'bus:0000:00')).toBe(true);
    expect(model.regions.map((r) => r.id)).toEqual(['group:0', 'group:1', 'group:2', 'group:3', 'group:4']);
    expect(model.edges.map((e) => `${e.source} ${e.target}`)).toContain('dev:0000:00:01.0 dev:0000:01:00.1');
  });

  it('collapses VFs: a stack of singleton groups behind ACS, a node inside the shared group without', () => {
    const grouping = computeGroups(sriovNic.topology);
    const model = buildGraphModel(sriovNic.topology, grouping, new Set());
    const collapsed = model.items.filter((i) => i.type === 'collapsed');
    expect(collapsed.map((c) => [c.set.members.length, c.set.grouping, c.region])).toEqual([
      [8, 'own', 'stack:0000:01:02.0'],
      [4, 'shared', `group:${grouping.groupOf.get('0000:02:02.0')}`],
    ]);
    expect(model.edges.filter((e) => e.kind === 'sriov').map((e) => e.source)).toEqual(['dev:0000:01:00.0', 'dev:0000:02:00.0']);
  });

  it('an opened set draws its members one by one', () => {
    const grouping = computeGroups(sriovNic.topology);
    const model = buildGraphModel(sriovNic.topology, grouping, new Set(['0000:01:02.0']));
    expect(model.items.filter((i) => i.type === 'device')).toHaveLength(sriovNic.topology.functions.length - 4);
    expect(model.regions.filter((r) => r.kind === 'stack')).toEqual([]);
  });

  it('draws a group that spans root buses (a flat listing: no tree known) in one frame, with no empty frame', () => {
    // lspci -nnk shows no bridges' bus ranges, so bus 01 looks like a root bus of its own.
    const flat = topology(hostBridge('00:00.0'), endpoint('00:01.0'), endpoint('01:00.0'), endpoint('01:00.1'));
    const grouping = groupingFromKernelListing(flat, new Map([['0000:00:00.0', 0], ['0000:00:01.0', 1], ['0000:01:00.0', 1], ['0000:01:00.1', 1]]));
    const model = buildGraphModel(flat, grouping, new Set());
    expect(model.frames.map((f) => f.id)).toEqual(['bus:0000:00']);
    expect(model.items.every((i) => i.frame === 'bus:0000:00')).toBe(true);
  });
});
