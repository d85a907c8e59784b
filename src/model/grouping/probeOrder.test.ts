// Probe order and group numbers (kernel-semantics A.9 items 1 and 11).
import { describe, expect, it } from 'vitest';
import { shortBdf } from '../topology/bdf.ts';
import { endpoint, hostBridge, pcieToPciBridge, pciDevice, rootPort, sriovFunctions, topology, upstreamPort, downstreamPort } from '../topology/builders.ts';
import type { Topology } from '../topology/types.ts';
import { computeGroups } from './computeGroups.ts';
import { buildPciTree } from './pciTree.ts';
import { groupList } from './testing/groupingAssertions.ts';

const orderOf = (t: Topology) => buildPciTree(t).nodes.map((n) => shortBdf(n.bdf));

describe('probe order', () => {
  it('adds every function of a bus in devfn order before the buses below, depth first', () => {
    const t = topology(
      hostBridge('00:00.0'),
      rootPort('00:02.0', {}, [upstreamPort('01:00.0', {}, [downstreamPort('02:00.0', {}, [endpoint('03:00.0')]), downstreamPort('02:01.0', {}, [endpoint('04:00.0')])])]),
      rootPort('00:03.0', {}, [endpoint('05:00.0')]),
    );
    expect(orderOf(t)).toEqual(['00:00.0', '00:02.0', '00:03.0', '01:00.0', '02:00.0', '02:01.0', '03:00.0', '04:00.0', '05:00.0']);
  });

  it('scans root buses in the given (ACPI) order, the unlisted ones ascending after them', () => {
    const t = { ...topology(hostBridge('00:00.0'), hostBridge('20:00.0'), hostBridge('40:00.0'), hostBridge('60:00.0')), rootBusOrder: ['0000:40', '20'] };
    expect(orderOf(t)).toEqual(['40:00.0', '20:00.0', '00:00.0', '60:00.0']);
  });

  it('probes VFs after all boot devices, PF by PF in enable order', () => {
    const t = topology(
      rootPort('00:02.0', {}, sriovFunctions('01:00.0', 2)),
      rootPort('00:03.0', {}, sriovFunctions('02:00.0', 2)),
      endpoint('00:04.0'),
    );
    expect(orderOf(t)).toEqual(['00:02.0', '00:03.0', '00:04.0', '01:00.0', '02:00.0', '01:00.1', '01:00.2', '02:00.1', '02:00.2']);
    expect(orderOf({ ...t, sriovEnableOrder: ['0000:02:00.0'] }).slice(5)).toEqual(['02:00.1', '02:00.2', '01:00.1', '01:00.2']);
  });
});

describe('group numbers', () => {
  it('are allocated from 0 in probe order', () => {
    const g = computeGroups({ ...topology(hostBridge('00:00.0'), hostBridge('20:00.0'), rootPort('20:01.0', { acs: true }, [endpoint('21:00.0')])), rootBusOrder: ['0000:20'] });
    expect(groupList(g)).toEqual([['20:00.0'], ['20:01.0'], ['21:00.0'], ['00:00.0']]);
    expect(g.groups.map((x) => x.id)).toEqual([0, 1, 2, 3]);
  });

  it('skip untranslated functions, which stay in no group but still sit on the path', () => {
    const t = topology(
      hostBridge('00:00.0', { translated: false }),
      rootPort('00:02.0', { acs: false }, [pcieToPciBridge('01:00.0', { translated: false }, [pciDevice('02:01.0')])]),
    );
    const g = computeGroups(t);
    expect(groupList(g)).toEqual([['00:02.0', '02:01.0']]);
    expect(g.ungrouped).toEqual(['0000:00:00.0', '0000:01:00.0']);
    expect(g.groupOf.has('0000:01:00.0')).toBe(false);
  });
});
