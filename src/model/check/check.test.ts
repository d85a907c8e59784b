// The search as a caller drives it (a command line, or a Web Worker one chunk at a time): progress,
// cancellation, bounds reported as incomplete, and the world it builds from a scenario.
import { describe, expect, it } from 'vitest';
import { checkSteps, type SearchProgress } from './check.ts';
import { prepare } from './input.ts';
import { runToEnd } from './run.ts';
import { loadScenario, SEED, tinyWorld } from './testing/worlds.ts';
import { WorldError } from './world.ts';

const legacy = (settings = {}) => ({ ...tinyWorld(), settings: { ...tinyWorld().settings, ...settings }, policy: 'legacy' as const });

describe('driving the search', () => {
  it('yields progress every chunk and returns the report at the end', () => {
    const seen: SearchProgress[] = [];
    const r = runToEnd(checkSteps(legacy(), 64), { onProgress: (p) => seen.push(p) });
    expect(r.complete).toBe(true);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.map((p) => p.states)).toEqual([...seen.map((p) => p.states)].sort((a, b) => a - b));
    expect(seen.at(-1)!.states).toBeLessThanOrEqual(r.states);
  });

  it('stops when asked, reporting what it found as incomplete', () => {
    let chunks = 0;
    const r = runToEnd(checkSteps(legacy(), 16), { shouldStop: () => ++chunks === 3 });
    expect(r).toMatchObject({ complete: false, stoppedBy: 'cancelled' });
    const full = runToEnd(checkSteps(legacy()));
    expect(r.states).toBeLessThan(full.states);
  });

  it('a generator stopped by next(true) returns at once', () => {
    const steps = checkSteps(legacy(), 1);
    expect(steps.next().done).toBe(false);
    const end = steps.next(true);
    expect(end.done && end.value.stoppedBy).toBe('cancelled');
  });

  it('reports the bound that stopped it; what holds is then said to hold only within it', () => {
    const byStates = runToEnd(checkSteps(legacy({ maxStates: 50 })));
    expect(byStates).toMatchObject({ complete: false, stoppedBy: 'maxStates', states: 50 });
    expect(byStates.invariants[0]!.message).toMatch(/explored before the search stopped \(maxStates\)/);
    const byDepth = runToEnd(checkSteps(legacy({ maxDepth: 3 })));
    expect(byDepth).toMatchObject({ complete: false, stoppedBy: 'maxDepth', depth: 3 });
    // I3 needs four commands here: within three it is not found.
    expect(byDepth.invariants.find((i) => i.id === 'I3')!.holds).toBe(true);
  });
});

describe('the world of a scenario', () => {
  const seed = loadScenario(SEED);

  it('takes the groups with two or more devices, and the groups the settings name', () => {
    const input = { topology: seed.topology, grouping: seed.grouping };
    expect(prepare(input, 'upstream').world.groups.map((g) => g.id)).toEqual([2]);
    const withNvme = prepare({ ...input, settings: { groups: ['01:00.0'] } }, 'upstream').world;
    expect(withNvme.groups).toEqual([{ id: 2, label: '0000:02:00.0' }, { id: 3, label: '0000:01:00.0' }]);
    expect(withNvme.bdfs).toEqual(['0000:00:1c.0', '0000:02:00.0', '0000:02:00.1', '0000:01:00.0']);
    expect(() => prepare({ ...input, settings: { groups: ['05:00.0'] } }, 'upstream')).toThrow(new WorldError('check.groups: 0000:05:00.0 is in no IOMMU group of this topology'));
  });

  it('gives device fds only to devices vfio-pci can bind, and leaves out what the settings say', () => {
    const { world } = prepare({ topology: seed.topology, grouping: seed.grouping, settings: { without: ['type1', 'cdev', 'group.getStatus'] } }, 'upstream');
    const ops = new Set(world.alphabet.map((c) => c.op));
    expect(ops.has('cdev.open') || ops.has('cdev.bindIommufd') || ops.has('group.getStatus')).toBe(false);
    expect(world.alphabet.filter((c) => c.op === 'container.setIommu').map((c) => c.op === 'container.setIommu' && c.type)).toEqual(['external']);
    expect(world.alphabet.some((c) => 'as' in c && 'bdf' in c && c.bdf === '0000:00:1c.0')).toBe(false);
    expect(world.alphabet.filter((c) => c.op === 'driver.bind' && c.bdf === '0000:00:1c.0').map((c) => c.op === 'driver.bind' && c.driver)).toEqual(['pcieport', 'pci-stub']);
    expect(world.alphabet.filter((c) => c.op === 'driver.bind' && c.bdf === '0000:02:00.1').map((c) => c.op === 'driver.bind' && c.driver)).toEqual([
      'snd_hda_intel',
      'vfio-pci',
      'pci-stub',
    ]);
  });
});
