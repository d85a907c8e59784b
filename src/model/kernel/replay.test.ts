// replay() and the scenario-format example, read through the scenario loader as the CLI reads it.
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../io/scenario.ts';
import { loadOracleFixture } from '../../testing/fixtures.ts';
import { replay, type ReplayReport } from './replay.ts';
import { gpuPair } from './test-support/topologies.ts';
import { computeGroups } from '../grouping/computeGroups.ts';

/** The example of scenario-format.md, verbatim. Its topology file is oracle b's lspci text: a
 * two-function endpoint in one group, both functions on e1000e. */
const EXAMPLE = `{
  "version": 1,
  "name": "GPU with HDMI audio, one function left on its host driver",
  "topology": { "lspci": "path/relative/to/this/file.txt" },
  "settings": { "policy": "upstream", "acsOverride": [], "strictSwitch": false },
  "commands": [
    { "op": "driver.unbind", "bdf": "0000:01:00.0" },
    { "op": "driver.bind", "bdf": "0000:01:00.0", "driver": "vfio-pci" },
    { "op": "container.open", "as": "c1" },
    { "op": "group.open", "bdf": "0000:01:00.0" },
    { "op": "group.getStatus", "bdf": "0000:01:00.0" },
    { "op": "group.setContainer", "bdf": "0000:01:00.0", "container": "c1" },
    { "op": "container.setIommu", "container": "c1", "type": "type1" },
    { "op": "group.getDeviceFd", "bdf": "0000:01:00.0", "as": "d1" }
  ]
}`;

const lspciOfB = loadOracleFixture('b-multifunction').lspci;

function readExample(text: string) {
  const read = readScenario(text, { source: 'scenarios/example.json', readFile: (p) => {
    if (p !== 'scenarios/path/relative/to/this/file.txt') throw new Error(`unexpected path ${p}`);
    return lspciOfB;
  } });
  if (!read.ok) throw new Error(read.error.message);
  return read.scenario;
}

function run(text: string, policy?: 'legacy' | 'upstream'): ReplayReport {
  const sc = readExample(text);
  const out = replay(sc.topology, sc.grouping, sc.commands, policy ?? sc.settings.policy);
  if (!out.ok) throw new Error(out.message);
  return out.report;
}

const outcomes = (r: ReplayReport) => r.steps.map((s) => (s.ok ? 'ok' : s.errno));

describe('the scenario-format example', () => {
  it('as written: drivers/vfio-pci/bind without driver_override is ENODEV on 6.1 (D.6 item 1), so nothing opens', () => {
    const r = run(EXAMPLE);
    expect(outcomes(r)).toEqual(['ok', 'ENODEV', 'ok', 'ENOENT', 'EBADF', 'EBADF', 'EINVAL', 'EBADF']);
    expect(r.steps[1]).toMatchObject({ ok: false, message: 'vfio-pci claims a device only through driver_override: write vfio-pci to 0000:01:00.0\'s driver_override first' });
    expect(r.invariants.every((i) => i.holds)).toBe(true);
    expect(r.panic).toBeNull();
  });

  const corrected = EXAMPLE.replace(
    '{ "op": "driver.bind", "bdf": "0000:01:00.0", "driver": "vfio-pci" },',
    '{ "op": "driver.override", "bdf": "0000:01:00.0", "driver": "vfio-pci" }, { "op": "driver.probe", "bdf": "0000:01:00.0" },',
  );
  it('with driver_override + drivers_probe, upstream tells the story the example means: not viable, EPERM, no device', () => {
    const r = run(corrected);
    expect(outcomes(r)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'EPERM', 'EINVAL', 'EINVAL']);
    expect(r.steps[5]).toMatchObject({ op: 'group.getStatus', ok: true, flags: { viable: false, containerSet: false } });
    expect(r.groups.find((g) => g.devices.includes('0000:01:00.0'))).toEqual({ id: 4, devices: ['0000:01:00.0', '0000:01:00.1'], domain: 'default', owner: 'kernel', viable: false });
    expect(r.invariants.map((i) => i.holds)).toEqual([true, true, true, true, true]);
  });
  it('the same log under legacy lets the e1000e function into the user domain (I3, reported with its step)', () => {
    const r = run(corrected, 'legacy');
    expect(outcomes(r)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'EINVAL']);
    const i3 = r.invariants.find((i) => i.id === 'I3')!;
    expect(i3).toMatchObject({ holds: false, step: 8 });
    expect(i3.message).toMatch(/^step 8 \(container.setIommu\): never a mixture broken: group 4 is in the user domain container:c1 while 0000:01:00.1 is bound to e1000e/);
  });
});

describe('replay', () => {
  const grouping = computeGroups(gpuPair);
  it('stops at a malformed command and names its step', () => {
    const out = replay(gpuPair, grouping, [{ op: 'container.open', as: 'c1' }, { op: 'group.setContainer', bdf: '01:00.0', container: 'c2' }], 'upstream');
    expect(out).toEqual({ ok: false, step: 2, op: 'group.setContainer', message: 'group.setContainer: argument "container": no object was ever named "c2"' });
  });
  it('lists the steps refused after a panic without an errno', () => {
    const out = replay(gpuPair, grouping, [
      { op: 'driver.unbind', bdf: '01:00.1' },
      { op: 'driver.unbind', bdf: '01:00.0' },
      { op: 'driver.override', bdf: '01:00.0', driver: 'vfio-pci' },
      { op: 'driver.probe', bdf: '01:00.0' },
      { op: 'group.open', bdf: '01:00.0' },
      { op: 'container.open', as: 'c1' },
      { op: 'group.setContainer', bdf: '01:00.0', container: 'c1' },
      { op: 'driver.probe', bdf: '01:00.1' },
      { op: 'group.close', bdf: '01:00.0' },
    ], 'legacy');
    if (!out.ok) throw new Error(out.message);
    expect(out.report.panic?.culprit).toBe('0000:01:00.1');
    expect(out.report.steps[8]).toMatchObject({ ok: false, errno: null });
    expect(out.report.invariants.find((i) => i.id === 'I5')).toMatchObject({ holds: false, step: 8 });
  });
});
