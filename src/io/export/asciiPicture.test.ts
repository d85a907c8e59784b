// The plain-text picture: postable on a kernel list for every machine the project knows (7-bit,
// at most 72 columns, no tabs, no trailing spaces, nothing that reads as a quote), naming every
// function and group; golden files for a few, read by eye.
import { describe, expect, it } from 'vitest';
import { sriovFunctions, rootPort, topology, upstreamPort, downstreamPort, endpoint } from '../../model/topology/builders.ts';
import { computeGroups } from '../../model/grouping/computeGroups.ts';
import { syntheticTopology } from '../../model/topology/synthetic.ts';
import { exportScenario } from './exportScenario.ts';
import type { ExportScenario } from './runScenario.ts';
import { addressesMissing, builtInCases, fixtureCases, groupsMissing, mailProblems, realCases } from './testing/exportCases.ts';
import { gpuRfcV2, gpuUpstream, oracleScenario, synthetic120 } from './testing/goldenScenarios.ts';

function ascii(s: ExportScenario): string {
  const r = exportScenario(s, 'ascii');
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

const plain = (t: ReturnType<typeof topology>, name = 'test'): ExportScenario => ({
  name,
  topology: t,
  grouping: computeGroups(t),
  groupsFrom: 'computed',
  settings: { policy: 'upstream', acsOverride: [], strictSwitch: false },
  commands: [],
});

describe('ASCII picture of every known machine', () => {
  const cases = [...builtInCases(), ...fixtureCases(), ...realCases()];

  it.each(cases.map((c) => [c.name, c.scenario] as const))('%s: postable, every function and group named', (_name, scenario) => {
    const text = ascii(scenario);
    expect(mailProblems(text)).toEqual([]);
    expect(text).not.toContain('\t');
    expect(addressesMissing(text, scenario.topology.functions.map((f) => f.bdf))).toEqual([]);
    expect(groupsMissing(text, scenario.grouping.groups.map((g) => g.id))).toEqual([]);
  });

  it('covers the built-in scenarios, the oracle fixtures and a real machine whose groups came from its kernel', () => {
    expect(cases.filter((c) => c.name.startsWith('built-in')).length).toBeGreaterThan(0);
    expect(cases.filter((c) => c.name.startsWith('oracle')).length).toBeGreaterThanOrEqual(20);
    expect(cases.some((c) => c.name.startsWith('real') && c.scenario.groupsFrom === 'kernel-listing')).toBe(true);
  });
});

describe('ASCII picture at scale', () => {
  it('1,000 functions stay within the rules and name every function and group', () => {
    const s = plain(syntheticTopology(1000), 'synthetic 1000');
    const text = ascii(s);
    expect(mailProblems(text)).toEqual([]);
    expect(addressesMissing(text, s.topology.functions.map((f) => f.bdf))).toEqual([]);
    expect(groupsMissing(text, s.grouping.groups.map((g) => g.id))).toEqual([]);
    // Untouched groups are counted in one box, not drawn one by one.
    expect(text.split('\n').length).toBeLessThan(1000);
  });

  it('joins several root buses as lspci -t does and names functions of other PCI domains with their domain', () => {
    const t = topology(
      rootPort('00:01.0', { acs: true }, [endpoint('01:00.0')]),
      rootPort('0001:00:01.0', { acs: true }, [endpoint('0001:01:00.0')]),
      rootPort('0002:00:01.0', { acs: true }, [endpoint('0002:01:00.0')]),
    );
    const lines = ascii(plain(t)).split('\n');
    expect(lines.filter((l) => /^.{3}\[/.test(l)).map((l) => l.slice(0, 28).trimEnd())).toEqual([
      '-+-[0000:00]---00:01.0',
      ' +-[0001:00]---0001:00:01.0',
      ' \\-[0002:00]---0002:00:01.0',
    ]);
    expect(lines).toContain(' |              \\-0001:01:00.0  g3 !e1000e  PCIe endpoint');
  });

  it('collapses 64 VFs into one line that gives the range, the groups and the count', () => {
    const t = topology(rootPort('00:01.0', { acs: true }, sriovFunctions('03:00.0', 64, { name: 'Ethernet Controller X710', driver: 'i40e', modules: ['i40e'] })));
    const text = ascii(plain(t));
    expect(text).toMatch(/\\-03:00\.1-03:08\.0 +g\d+-\d+ -\n +64 VFs of 03:00\.0: Ethernet Controller X710 VF 0-63/);
  });

  it('draws a subtree that would run off the line again below, and says where it was cut', () => {
    let bus = 1;
    const hex = (n: number) => n.toString(16).padStart(2, '0');
    const level = (depth: number): ReturnType<typeof upstreamPort> => {
      const up = bus;
      bus += 2;
      const below = depth === 0 ? [endpoint(`${hex(bus++)}:00.0`)] : [level(depth - 1)];
      return upstreamPort(`${hex(up)}:00.0`, {}, [downstreamPort(`${hex(up + 1)}:00.0`, {}, below)]);
    };
    const s = plain(topology(rootPort('00:01.0', { acs: true }, [level(12)])));
    const text = ascii(s);
    expect(mailProblems(text)).toEqual([]);
    expect(text).toMatch(/\\-\[(..:..\..)\] continues below[\s\S]*\n-\[\1\]-/);
    expect(addressesMissing(text, s.topology.functions.map((f) => f.bdf))).toEqual([]);
  });
});

describe('domain diagrams', () => {
  it('draw at most eight groups of a domain one by one and count the rest in one box', () => {
    const t = topology(...Array.from({ length: 10 }, (_, i) => rootPort(`00:${(i + 1).toString(16).padStart(2, '0')}.0`, { acs: true }, [endpoint(`${(i + 1).toString(16).padStart(2, '0')}:00.0`)])));
    const ends = t.functions.filter((f) => f.pcieType === 'endpoint').map((f) => f.bdf);
    const commands = [
      { op: 'container.open', as: 'c1' },
      ...ends.flatMap((bdf) => [
        { op: 'driver.unbind', bdf },
        { op: 'driver.override', bdf, driver: 'vfio-pci' },
        { op: 'driver.probe', bdf },
        { op: 'group.open', bdf },
        { op: 'group.setContainer', bdf, container: 'c1' },
      ]),
      { op: 'container.setIommu', container: 'c1', type: 'type1' },
    ];
    const s: ExportScenario = { ...plain(t), settings: { policy: 'legacy', acsOverride: [], strictSwitch: false }, commands };
    const text = ascii(s);
    expect(mailProblems(text)).toEqual([]);
    const diagram = text.slice(text.indexOf('IOMMU domains'), text.indexOf('[1] container'));
    expect(diagram.match(/\| +group \d+ +\|/g)).toHaveLength(7);
    expect(diagram).toMatch(/\| +3 groups +\|\n.*\| +more +\|/);
    expect(text).toMatch(/\[1\] container "c1" \(fd 3\), IOMMU type1: its domain translates groups\n? *10-19\./);
    expect(text).toMatch(/\[9\] groups 17-19: not drawn, to keep the picture short\./);
  });
});

describe('ASCII picture golden files (read by eye before they were kept)', () => {
  it.each([
    ['gpu-upstream', gpuUpstream],
    ['gpu-rfc-v2', gpuRfcV2],
    ['n-sriov-behind-switch', oracleScenario('n-sriov-behind-switch')],
    ['o-pxb-pcie-expanders', oracleScenario('o-pxb-pcie-expanders')],
    ['synthetic-120', synthetic120],
  ] as const)('%s', async (name, scenario) => {
    await expect(ascii(scenario)).toMatchFileSnapshot(`golden/${name}.ascii.txt`);
  });
});
