// Test support: random command logs for property tests (fast-check). Single commands with
// arguments from small pools mix with the short recipes people follow (hand a device to vfio-pci,
// attach a group to a container, bind a cdev), so deep states are reached within a few dozen steps.
import fc from 'fast-check';
import { apply } from '../apply.ts';
import { checkInvariants, type InvariantId } from '../invariants.ts';
import type { MachineState } from '../types.ts';

export type RawCommand = Record<string, unknown>;

export interface World {
  /** Addresses the log plays with (the members of an interesting group, usually). */
  bdfs: string[];
  /** Drivers the log binds. */
  drivers: string[];
  /** Whether the legacy type1 container path may be used. */
  type1: boolean;
}

const CONTAINERS = ['c1', 'c2'];
const DEVICES = ['d1', 'd2', 'd3'];
const IOMMUFDS = ['i1', 'i2'];
const IOASIDS = ['a1', 'a2', 'a3'];

export function commandLog(world: World, maxLength = 12): fc.Arbitrary<RawCommand[]> {
  const bdf = fc.constantFrom(...world.bdfs);
  const driver = fc.constantFrom(...world.drivers);
  const container = fc.constantFrom(...CONTAINERS);
  const device = fc.constantFrom(...DEVICES);
  const iommufd = fc.constantFrom(...IOMMUFDS);
  const ioasid = fc.constantFrom(...IOASIDS);
  const cookie = fc.integer({ min: 1, max: 3 });
  const iommuType = fc.constantFrom(...(world.type1 ? (['type1', 'external'] as const) : (['external'] as const)));
  const one = (a: fc.Arbitrary<RawCommand>) => a.map((c) => [c]);
  const single: fc.Arbitrary<RawCommand[]>[] = [
    one(fc.record({ op: fc.constant('driver.bind'), bdf, driver })),
    one(fc.record({ op: fc.constant('driver.unbind'), bdf })),
    one(fc.record({ op: fc.constant('driver.override'), bdf, driver: fc.option(driver, { nil: null }) })),
    one(fc.record({ op: fc.constant('driver.probe'), bdf })),
    one(fc.record({ op: fc.constantFrom('group.open', 'group.close', 'group.getStatus', 'group.unsetContainer'), bdf })),
    one(fc.record({ op: fc.constant('container.open'), as: container })),
    one(fc.record({ op: fc.constant('container.close'), container })),
    one(fc.record({ op: fc.constant('group.setContainer'), bdf, container })),
    one(fc.record({ op: fc.constant('container.setIommu'), container, type: iommuType })),
    one(fc.record({ op: fc.constant('group.getDeviceFd'), bdf, as: device })),
    one(fc.record({ op: fc.constant('group.getDeviceFdNew'), bdf, iommufd, cookie, as: device })),
    one(fc.record({ op: fc.constant('iommufd.open'), as: iommufd })),
    one(fc.record({ op: fc.constant('ioasid.alloc'), iommufd, as: ioasid })),
    one(fc.record({ op: fc.constant('ioasid.alloc'), iommufd, as: ioasid, parent: ioasid })),
    one(fc.record({ op: fc.constant('ioasid.free'), ioasid })),
    one(fc.record({ op: fc.constant('device.attach'), device, ioasid })),
    one(fc.record({ op: fc.constantFrom('device.detach', 'device.close'), device })),
    one(fc.record({ op: fc.constant('cdev.open'), bdf, as: device })),
    one(fc.record({ op: fc.constant('cdev.bindIommufd'), device, iommufd })),
  ];
  const recipes: fc.Arbitrary<RawCommand[]>[] = [
    bdf.map((b) => [{ op: 'driver.unbind', bdf: b }, { op: 'driver.override', bdf: b, driver: 'vfio-pci' }, { op: 'driver.probe', bdf: b }]),
    fc.tuple(bdf, driver).map(([b, d]) => [{ op: 'driver.unbind', bdf: b }, { op: 'driver.override', bdf: b, driver: null }, { op: 'driver.bind', bdf: b, driver: d }]),
    // Back to the host driver the kernel would pick (drivers_probe without an override).
    bdf.map((b) => [{ op: 'driver.unbind', bdf: b }, { op: 'driver.override', bdf: b, driver: null }, { op: 'driver.probe', bdf: b }]),
    fc.tuple(bdf, container, iommuType, device).map(([b, c, t, d]) => [
      { op: 'container.open', as: c },
      { op: 'group.open', bdf: b },
      { op: 'group.setContainer', bdf: b, container: c },
      { op: 'container.setIommu', container: c, type: t },
      { op: 'group.getDeviceFd', bdf: b, as: d },
    ]),
    fc.tuple(bdf, container, iommufd, device, cookie).map(([b, c, i, d, k]) => [
      { op: 'container.open', as: c },
      { op: 'group.open', bdf: b },
      { op: 'group.setContainer', bdf: b, container: c },
      { op: 'container.setIommu', container: c, type: 'external' },
      { op: 'iommufd.open', as: i },
      { op: 'group.getDeviceFdNew', bdf: b, iommufd: i, cookie: k, as: d },
    ]),
    fc.tuple(bdf, iommufd, device).map(([b, i, d]) => [
      { op: 'iommufd.open', as: i },
      { op: 'cdev.open', bdf: b, as: d },
      { op: 'cdev.bindIommufd', device: d, iommufd: i },
    ]),
    fc.tuple(iommufd, ioasid, device).map(([i, a, d]) => [{ op: 'ioasid.alloc', iommufd: i, as: a }, { op: 'device.attach', device: d, ioasid: a }]),
  ];
  const weighted = [...single.map((arbitrary) => ({ arbitrary, weight: 1 })), ...recipes.map((arbitrary) => ({ arbitrary, weight: 5 }))];
  return fc.array(fc.oneof(...weighted), { minLength: 1, maxLength }).map((parts) => parts.flat());
}

/** Runs a log; returns the 1-based step after which `id` first fails, or null. Malformed commands are skipped. */
export function firstBreak(start: MachineState, log: readonly RawCommand[], id: InvariantId): number | null {
  let s = start;
  for (const [i, c] of log.entries()) {
    s = apply(s, c).state;
    if (!checkInvariants(s).find((x) => x.id === id)!.holds) return i + 1;
  }
  return null;
}

/** Removes commands one at a time while the log still breaks `id`: a short counterexample. */
export function shortestBreaking(start: MachineState, log: readonly RawCommand[], id: InvariantId): RawCommand[] {
  const end = firstBreak(start, log, id);
  let current = end === null ? [...log] : log.slice(0, end);
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = current.length - 1; i >= 0; i--) {
      const shorter = [...current.slice(0, i), ...current.slice(i + 1)];
      if (firstBreak(start, shorter, id) !== null) {
        current = shorter;
        changed = true;
      }
    }
  }
  return current;
}
