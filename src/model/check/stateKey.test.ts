// The canonical key merges states that differ only in what the future cannot see (object ids, which
// name holds which object, a name left empty by a failed command) and keeps apart the rest.
import { describe, expect, it } from 'vitest';
import { apply } from '../kernel/apply.ts';
import type { MachineState } from '../kernel/types.ts';
import { prepare } from './input.ts';
import { sameKeyedParts, stateKeyFor } from './stateKey.ts';
import { tinyWorld } from './testing/worlds.ts';

const { start, world } = prepare({ ...tinyWorld(), settings: { containers: 2, devices: 2 } }, 'legacy');
const keyOf = stateKeyFor(world);

function run(...commands: Record<string, unknown>[]): MachineState {
  let s = start;
  for (const c of commands) {
    const r = apply(s, c);
    if (!r.ok && r.error.reason === 'invalid-command') throw new Error(r.error.message);
    s = r.state;
  }
  return s;
}

const open = (as: string) => ({ op: 'container.open', as });
const close = (container: string) => ({ op: 'container.close', container });
const gpu = '0000:01:00.0';
const audio = '0000:01:00.1';

describe('the canonical key', () => {
  it('forgets object ids: a container opened and closed twice leaves the start state', () => {
    expect(keyOf(run(open('c1'), close('c1'), open('c1'), close('c1')))).toBe(keyOf(start));
    expect(run(open('c1'), close('c1')).nextId).not.toBe(start.nextId);
  });

  it('forgets which name holds an object: c1 or c2 joined to the group is the same state', () => {
    const viaC1 = run(open('c1'), { op: 'group.open', bdf: gpu }, { op: 'group.setContainer', bdf: gpu, container: 'c1' });
    const viaC2 = run(open('c2'), { op: 'group.open', bdf: gpu }, { op: 'group.setContainer', bdf: gpu, container: 'c2' });
    expect(keyOf(viaC1)).toBe(keyOf(viaC2));
  });

  it('renames by creation order: which container is in the group still tells states apart', () => {
    const joinFirst = run(open('c1'), open('c2'), { op: 'group.open', bdf: gpu }, { op: 'group.setContainer', bdf: gpu, container: 'c1' });
    const joinSecond = run(open('c1'), open('c2'), { op: 'group.open', bdf: gpu }, { op: 'group.setContainer', bdf: gpu, container: 'c2' });
    expect(keyOf(joinFirst)).not.toBe(keyOf(joinSecond));
  });

  it('forgets a name a failed command left empty, and sees that nothing else changed', () => {
    const opened = run({ op: 'group.open', bdf: gpu });
    const r = apply(opened, { op: 'group.getDeviceFd', bdf: gpu, as: 'd1' });
    expect(r.ok).toBe(false);
    const failed = r.state;
    expect(failed.names.get('d1')).toEqual({ kind: 'device', id: null });
    expect(keyOf(failed)).toBe(keyOf(opened));
    expect(sameKeyedParts(opened, failed)).toBe(true);
  });

  it('tells apart drivers, overrides, panics and device fds', () => {
    const keys = [
      start,
      run({ op: 'driver.unbind', bdf: audio }),
      run({ op: 'driver.override', bdf: audio, driver: 'vfio-pci' }),
      run({ op: 'driver.unbind', bdf: audio }, { op: 'driver.override', bdf: audio, driver: 'vfio-pci' }, { op: 'driver.probe', bdf: audio }),
      run(open('c1'), { op: 'group.open', bdf: gpu }, { op: 'group.setContainer', bdf: gpu, container: 'c1' }),
      run(open('c1'), { op: 'group.open', bdf: gpu }, { op: 'group.setContainer', bdf: gpu, container: 'c1' }, { op: 'driver.unbind', bdf: audio }, { op: 'driver.probe', bdf: audio }),
    ].map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('lists device fds as a set: which name holds which fd does not matter', () => {
    const ready = [{ op: 'driver.unbind', bdf: audio }, open('c1'), { op: 'group.open', bdf: gpu }, { op: 'group.setContainer', bdf: gpu, container: 'c1' }, { op: 'container.setIommu', container: 'c1', type: 'type1' }];
    const a = run(...ready, { op: 'group.getDeviceFd', bdf: gpu, as: 'd1' }, { op: 'group.getDeviceFd', bdf: gpu, as: 'd2' }, { op: 'device.close', device: 'd1' });
    const b = run(...ready, { op: 'group.getDeviceFd', bdf: gpu, as: 'd2' });
    expect(keyOf(a)).toBe(keyOf(b));
  });
});
