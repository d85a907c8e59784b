// `cli check`: the JSON contract of scenario-format.md, the text report, the design diff, and the
// exit statuses (0 every invariant holds in the whole world, 1 the check failed, 2 unreadable input).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenariosDir, SHPC_BRIDGE } from '../../model/check/testing/worlds.ts';
import { fakeIo } from '../testing/fakeIo.ts';
import { checkCommand } from './check.ts';
import { replayCommand } from './replay.ts';

const read = (name: string) => readFileSync(join(scenariosDir, name), 'utf8');
const LSPCI = 'shpc-bridge-nic.lspci.txt';
const files = (scenario = read(SHPC_BRIDGE)) => ({ 'dir/s.json': scenario, [`dir/${LSPCI}`]: read(LSPCI) });
const withCheck = (check: unknown) => JSON.stringify({ ...JSON.parse(read(SHPC_BRIDGE)), check }, null, 2);

async function run(args: string[], given = files()) {
  const { io, out, err } = fakeIo(given);
  const status = await checkCommand([...args, 'dir/s.json'], io);
  return { status, out: out.join('\n'), err: err.join('\n') };
}

describe('cli check', () => {
  it('--policy P --json prints the contract object, exactly; exit 0 when all five hold', async () => {
    const r = await run(['--policy', 'upstream', '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['policy', 'states', 'transitions', 'depth', 'seconds', 'invariants']);
    expect(json.policy).toBe('upstream');
    expect(json.states).toBeGreaterThan(1000);
    expect(json.invariants.map((i: object) => Object.keys(i))).toEqual(Array(5).fill(['id', 'holds', 'counterexample']));
    expect(json.invariants.map((i: { id: string; holds: boolean; counterexample: unknown }) => [i.id, i.holds, i.counterexample])).toEqual(
      ['I1', 'I2', 'I3', 'I4', 'I5'].map((id) => [id, true, null]),
    );
  });

  it('without --policy prints an array, one per policy; a broken invariant exits 1 and its sequence replays', async () => {
    const r = await run(['--json']);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.map((p: { policy: string }) => p.policy)).toEqual(['legacy', 'rfc-v2', 'upstream']);
    const i3 = json[0].invariants.find((i: { id: string }) => i.id === 'I3');
    expect(i3.holds).toBe(false);
    expect(i3.counterexample[0]).toEqual({ op: 'driver.unbind', bdf: '0000:02:01.0' });
    const scenario = JSON.stringify({ ...JSON.parse(read(SHPC_BRIDGE)), commands: i3.counterexample });
    const replayed = fakeIo(files(scenario));
    expect(await replayCommand(['--policy', 'legacy', '--json', 'dir/s.json'], replayed.io)).toBe(0);
    expect(JSON.parse(replayed.out.join('')).invariants[2]).toMatchObject({ id: 'I3', holds: false, step: i3.counterexample.length });
  });

  it('the text report numbers each shortest sequence; --without leaves commands out', async () => {
    const r = await run(['--policy', 'rfc-v2', '--without', 'type1']);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/^check of "A conventional NIC .*" under rfc-v2\n {2}world: group 2 \(0000:01:00.0 0000:02:01.0\), \d+ commands, at most 1 container, 1 iommu fd, 1 IOASID, 1 device fd; without type1\n/);
    expect(r.out).toContain('  I3 BROKEN in 9 commands:\n      1 driver.unbind bdf=0000:02:01.0\n      2 driver.override bdf=0000:02:01.0 driver=vfio-pci\n');
    expect(r.out).toContain('      9 group.getDeviceFdNew bdf=0000:02:01.0 iommufd=i1 cookie=1 as=d1\n      -> never a mixture broken: ');
    expect(r.out).toMatch(/ {2}I1 holds: holds in all \d+ states/);
  });

  it('a bound that stops the search is said on standard error and exits 1, even when nothing broke', async () => {
    const r = await run(['--policy', 'upstream', '--max-states', '20']);
    expect(r.status).toBe(1);
    expect(r.err).toBe('check under upstream: incomplete, stopped by maxStates after 20 states at depth 2; what holds was not refuted within that bound only');
    expect(r.out).toContain('INCOMPLETE: stopped by maxStates');
  });

  it('reads bounds from the scenario\'s "check" object, the command line over them', async () => {
    const r = await run(['--policy', 'upstream', '--json', '--max-depth', '2'], files(withCheck({ maxDepth: 30, without: ['cdev'] })));
    expect(JSON.parse(r.out).depth).toBe(2);
  });

  it('--diff prints the shortest sequences two policies answer differently', async () => {
    const r = await run(['--diff=legacy,upstream', '--json', '--max-depth', '6']);
    expect(r.status).toBe(1);
    const [pair] = JSON.parse(r.out);
    expect(pair.policies).toEqual(['legacy', 'upstream']);
    const claim = pair.differences.find((d: { kind: string }) => d.kind === 'group.setContainer: legacy ok, upstream EPERM');
    expect(claim.sequence.map((c: { op: string }) => c.op)).toEqual(['driver.unbind', 'driver.override', 'driver.probe', 'container.open', 'group.open', 'group.setContainer']);
    const text = await run(['--diff=legacy,upstream', '--max-depth', '6']);
    expect(text.out).toMatch(/^design diff of ".*": legacy and upstream\n/);
    expect(text.out).toContain('  group.setContainer: legacy ok, upstream EPERM (met ');
  });

  it('exits 2 naming the file and line of a bad "check" object, and on bad options or groups', async () => {
    const bad = await run(['--policy', 'legacy'], files(withCheck({ containers: 9 })));
    expect(bad.status).toBe(2);
    expect(bad.err).toMatch(/^dir\/s\.json, line \d+: check\.containers: /);
    const option = await run(['--max-states', 'many']);
    expect(option.status).toBe(2);
    expect(option.err).toMatch(/^--max-states needs a positive whole number, got "many"\nusage: cli check/);
    const without = await run(['--without', 'type2']);
    expect(without.status).toBe(2);
    expect(without.err).toMatch(/^dir\/s\.json: check without\.0: names neither a command family/);
    const group = await run(['--group', '07:00.0', '--policy', 'legacy']);
    expect(group.status).toBe(2);
    expect(group.err).toBe('dir/s.json: check.groups: 0000:07:00.0 is in no IOMMU group of this topology');
    const pair = await run(['--diff=legacy,legacy']);
    expect(pair.status).toBe(2);
  });
});
