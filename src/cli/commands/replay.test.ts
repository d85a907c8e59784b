// `cli replay`: output contract and exit statuses (scenario-format.md "Command-line tool").
import { describe, expect, it } from 'vitest';
import { loadOracleFixture } from '../../testing/fixtures.ts';
import { fakeIo } from '../testing/fakeIo.ts';
import { replayCommand } from './replay.ts';

const scenario = (commands: unknown[]) => JSON.stringify({ version: 1, name: 'b', topology: { lspci: 'b.txt' }, settings: { policy: 'upstream' }, commands }, null, 2);
const files = (commands: unknown[]) => ({ 'dir/s.json': scenario(commands), 'dir/b.txt': loadOracleFixture('b-multifunction').lspci });
const unbind = { op: 'driver.unbind', bdf: '0000:01:00.1' };

describe('cli replay', () => {
  it('prints the replay JSON and exits 0', async () => {
    const { io, out } = fakeIo(files([unbind, { op: 'group.open', bdf: '01:00.0' }]));
    expect(await replayCommand(['--json', 'dir/s.json'], io)).toBe(0);
    const json = JSON.parse(out.join(''));
    expect(Object.keys(json)).toEqual(['policy', 'steps', 'groups', 'invariants', 'panic']);
    expect(json.steps[0]).toMatchObject({ op: 'driver.unbind', ok: true });
    expect(json.steps[1]).toMatchObject({ op: 'group.open', ok: false, errno: 'ENOENT' });
    expect(json.panic).toBeNull();
  });
  it('--policy overrides the scenario; the text report lists steps, groups, invariants and the panic', async () => {
    const { io, out } = fakeIo(files([unbind]));
    expect(await replayCommand(['--policy', 'legacy', 'dir/s.json'], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^replay of "b" under legacy/);
    expect(text).toContain('  1 driver.unbind bdf=0000:01:00.1\n      ok\n      01:00.1 unbound from e1000e');
    expect(text).toContain('I5 holds: no BUG');
    expect(text).toMatch(/panic: none$/);
  });
  it('exits 2 naming the step of an unknown op, a missing argument, or an object never created', async () => {
    for (const [command, message] of [
      [{ op: 'group.frob', bdf: '01:00.0' }, 'dir/s.json: step 2 (group.frob): unknown op "group.frob"'],
      [{ op: 'driver.bind', bdf: '01:00.0' }, 'dir/s.json: step 2 (driver.bind): driver.bind: argument "driver" is missing'],
      [{ op: 'device.close', device: 'd1' }, 'dir/s.json: step 2 (device.close): device.close: argument "device": no object was ever named "d1"'],
    ] as const) {
      const { io, err } = fakeIo(files([unbind, command]));
      expect(await replayCommand(['dir/s.json'], io)).toBe(2);
      expect(err.join('\n')).toContain(message);
    }
  });
  it('exits 2 naming the file and line of a broken scenario, and on bad options', async () => {
    const broken = fakeIo({ 'dir/s.json': '{\n  "version": 1,\n  "topology": { "lspci": "nope.txt" }\n}' });
    expect(await replayCommand(['dir/s.json'], broken.io)).toBe(2);
    expect(broken.err.join('')).toBe('dir/s.json, line 3: cannot read the lspci file dir/nope.txt: dir/nope.txt: cannot read the file (does it exist?)');
    const wrongVersion = fakeIo({ 'dir/s.json': '{\n  "version": 2\n}' });
    expect(await replayCommand(['dir/s.json'], wrongVersion.io)).toBe(2);
    expect(wrongVersion.err.join('')).toMatch(/^dir\/s.json, line 2: version: /);
    const badFlag = fakeIo({});
    expect(await replayCommand(['--policy=plan9', 'x.json'], badFlag.io)).toBe(2);
    expect(badFlag.err.join('')).toBe('unknown policy "plan9"; use one of legacy, rfc-v2, upstream');
  });
});
