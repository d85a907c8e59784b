// The optional strict-switch rule (the 2025 "any non-isolated DSP spoils the whole bus" proposal).
import { describe, expect, it } from 'vitest';
import { downstreamPort, endpoint, rootPort, topology, upstreamPort } from '../topology/builders.ts';
import { computeGroups } from './computeGroups.ts';
import { groupsOf, reasonOf } from './testing/groupingAssertions.ts';

const switchWith = (acs: [boolean, boolean, boolean]) => topology(rootPort('00:02.0', { acs: true }, [upstreamPort('01:00.0', {}, [
  downstreamPort('02:00.0', { acs: acs[0] }, [endpoint('03:00.0')]),
  downstreamPort('02:01.0', { acs: acs[1] }, [endpoint('04:00.0')]),
  downstreamPort('02:02.0', { acs: acs[2] }, [endpoint('05:00.0')]),
])]));

describe('strict switch', () => {
  it('merges all downstream ports of the bus and everything below them when one port is not isolated', () => {
    const t = switchWith([true, false, true]);
    expect(groupsOf(t)).toEqual([['00:02.0'], ['01:00.0'], ['02:00.0'], ['02:01.0', '04:00.0'], ['02:02.0'], ['03:00.0'], ['05:00.0']]);
    expect(groupsOf(t, { strictSwitch: true })).toEqual([['00:02.0'], ['01:00.0'], ['02:00.0', '02:01.0', '02:02.0', '03:00.0', '04:00.0', '05:00.0']]);
  });

  it('changes nothing when every downstream port isolates', () => {
    const t = switchWith([true, true, true]);
    expect(groupsOf(t, { strictSwitch: true })).toEqual(groupsOf(t));
  });

  it('spares a switch whose ports pcie_acs_override=downstream makes pass', () => {
    expect(groupsOf(switchWith([false, false, false]), { strictSwitch: true, acsOverride: ['downstream'] })).toHaveLength(8);
  });

  it('spoils only the bus with the non-isolated port, not a nested switch\'s bus below an isolated port', () => {
    const t = topology(rootPort('00:02.0', { acs: true }, [upstreamPort('01:00.0', {}, [
      downstreamPort('02:00.0', { acs: true }, [upstreamPort('03:00.0', {}, [
        downstreamPort('04:00.0', { acs: false }, [endpoint('05:00.0')]),
        downstreamPort('04:01.0', { acs: true }, [endpoint('06:00.0')]),
      ])]),
      downstreamPort('02:01.0', { acs: true }, [endpoint('07:00.0')]),
    ])]));
    expect(groupsOf(t, { strictSwitch: true })).toEqual([['00:02.0'], ['01:00.0'], ['02:00.0'], ['02:01.0'], ['03:00.0'], ['04:00.0', '04:01.0', '05:00.0', '06:00.0'], ['07:00.0']]);
  });

  it('says which port spoiled the bus', () => {
    const g = computeGroups(switchWith([true, false, true]), { acsOverride: [], strictSwitch: true });
    expect(reasonOf(g, '02:01.0')).toMatchObject({ kind: 'strict-switch', via: '0000:02:00.0' });
    expect(reasonOf(g, '03:00.0').text).toBe('below switch downstream port 0000:02:00.0, which does not isolate it (strict switch: downstream port 02:01.0 on the same switch bus does not isolate (no ACS capability))');
    expect(g.notes.some((n) => n.includes('bus 0000:02 below switch upstream port 0000:01:00.0 is spoiled by 0000:02:01.0'))).toBe(true);
  });
});
