// diffGroupings(): what an edit did to the groups, as partitions (issue 8 item 2).
import { describe, expect, it } from 'vitest';
import { computeGroups } from '../grouping/computeGroups.ts';
import { DEFAULT_GROUPING_SETTINGS, type GroupingSettings } from '../grouping/types.ts';
import { endpoint, gpuWithAudio, rootPort, topology } from '../topology/builders.ts';
import type { Topology } from '../topology/types.ts';
import { applyEdit } from './applyEdit.ts';
import type { ScenarioEdit } from './edits.ts';
import { diffGroupings } from './groupDiff.ts';

const machine = () =>
  topology(rootPort('00:01.0', { acs: false }, gpuWithAudio('01:00')), rootPort('00:02.0', { acs: true }), rootPort('00:03.0', { acs: true }, [endpoint('03:00.0')]));

function diffAfter(t: Topology, e: ScenarioEdit, s: GroupingSettings = DEFAULT_GROUPING_SETTINGS) {
  const r = applyEdit({ topology: t, groupingSettings: s }, e);
  if (!r.ok) throw new Error(r.message);
  return diffGroupings(computeGroups(t, s), computeGroups(r.topology, r.groupingSettings), r.renamed);
}
const summary = (changes: ReturnType<typeof diffGroupings>) => changes.map((c) => [c.kind, c.text]);

describe('diffGroupings', () => {
  it('reports a removed device whose address another device was renumbered onto', () => {
    // Grouping of two singletons; the edit removes 0000:02:00.0 and renumbers 0000:03:00.0 onto it.
    const grouping = (groups: string[][]): Parameters<typeof diffGroupings>[0] => ({
      groups: groups.map((devices, id) => ({ id, devices, reasons: [] }) as never),
      groupOf: new Map(groups.flatMap((devices, id) => devices.map((d) => [d, id] as const))),
      ungrouped: [],
      notes: [],
    });
    const changes = diffGroupings(grouping([['0000:02:00.0'], ['0000:03:00.0']]), grouping([['0000:02:00.0']]), new Map([['0000:03:00.0', '0000:02:00.0']]));
    expect(summary(changes)).toEqual([['removed', 'group 0 {02:00.0} is gone']]);
  });

  it('reports no change when only group numbers or addresses change', () => {
    const t = topology(rootPort('00:01.0', { acs: true }, [endpoint('01:00.0')]), rootPort('00:02.0', { acs: true }));
    expect(diffAfter(t, { op: 'card.move', bdf: '0000:01:00.0', to: '0000:00:02.0' })).toEqual([]);
  });

  it('reports a split with the reasons that held the group together before, renamed', () => {
    const changes = diffAfter(machine(), { op: 'card.move', bdf: '0000:01:00.0', to: '0000:00:02.0' });
    expect(summary(changes)).toEqual([['split', 'group 0 {00:01.0 02:00.0 02:00.1} split into {00:01.0} and {02:00.0 02:00.1}']]);
    expect(changes[0]!.reasonsBefore.map((r) => [r.device, r.via, r.text])).toEqual([
      ['0000:02:00.0', '0000:00:01.0', 'below root port 0000:00:01.0, whose ACS does not isolate it (no ACS capability)'],
      ['0000:02:00.1', '0000:00:01.0', 'below root port 0000:00:01.0, whose ACS does not isolate it (no ACS capability)'],
    ]);
    // Now only the slot keeps the audio function with the GPU.
    expect(changes[0]!.reasonsAfter.map((r) => [r.device, r.kind])).toEqual([['0000:02:00.1', 'multifunction']]);
    expect(changes[0]!.after.map((g) => g.id)).toEqual([0, 3]);
  });

  it('reports a merge with the reasons of the new grouping', () => {
    const t = topology(rootPort('00:01.0', { acs: true }, [endpoint('01:00.0')]));
    const changes = diffAfter(t, { op: 'acs.set', bdf: '0000:00:01.0', acs: null });
    expect(summary(changes)).toEqual([['merged', 'groups 0 {00:01.0} and 1 {01:00.0} merged into group 0 {00:01.0 01:00.0}']]);
    expect(changes[0]!.reasonsBefore).toEqual([]);
    expect(changes[0]!.reasonsAfter[0]!.text).toBe('below root port 0000:00:01.0, whose ACS does not isolate it (no ACS capability)');
  });

  it('reports a device that moved between two groups that both go on', () => {
    const t = topology(rootPort('00:01.0', { acs: false }, [endpoint('01:00.0')]), rootPort('00:02.0', { acs: false }), rootPort('00:03.0', { acs: false }, [endpoint('03:00.0')]));
    const changes = diffAfter(t, { op: 'card.move', bdf: '0000:01:00.0', to: '0000:00:02.0' });
    expect(summary(changes)).toEqual([['moved', '02:00.0 moved from group 0 {00:01.0 02:00.0} to group 1 {00:02.0 02:00.0}']]);
    expect(changes[0]!.reasonsAfter.map((r) => r.via)).toEqual(['0000:00:02.0']);
  });

  it('reports a new group, a device joining a group, and a group that is gone', () => {
    expect(summary(diffAfter(machine(), { op: 'device.add', at: '0000:00:02.0', template: 'nvme' }))).toEqual([['added', 'new group 3 {02:00.0}']]);
    const joined = diffAfter(topology(rootPort('00:01.0', { acs: false }), rootPort('00:02.0', { acs: true })), { op: 'device.add', at: '0000:00:01.0', template: 'gpu-audio' });
    expect(summary(joined)).toEqual([['added', '{01:00.0 01:00.1} joined group 0 {00:01.0 01:00.0 01:00.1}']]);
    expect(joined[0]!.reasonsAfter.map((r) => r.kind)).toEqual(['acs-path', 'acs-path']);
    expect(summary(diffAfter(machine(), { op: 'device.remove', bdf: '0000:03:00.0' }))).toEqual([['removed', 'group 3 {03:00.0} is gone']]);
  });

  it('reports the functions the multifunction override separates', () => {
    const t = topology(rootPort('00:01.0', { acs: true }, gpuWithAudio('01:00')));
    const changes = diffAfter(t, { op: 'settings.acsOverride', value: ['multifunction'] });
    expect(summary(changes)).toEqual([['split', 'group 1 {01:00.0 01:00.1} split into {01:00.0} and {01:00.1}']]);
    expect(changes[0]!.reasonsBefore[0]!.kind).toBe('multifunction');
  });
});
