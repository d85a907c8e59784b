// What a passthrough tool (driverctl, virsh nodedev-detach, the usual shell snippets) writes to
// sysfs to move a device to another driver. The plan only reads the device's present binding; the
// model decides what each write does.
import type { Command } from '../model/kernel/commands.ts';
import { bindsOnlyThroughOverride, sameDriver } from '../model/kernel/drivers.ts';
import { driverOf, overrideOf } from '../model/kernel/state.ts';
import type { MachineState } from '../model/kernel/types.ts';
import type { Bdf } from '../model/topology/types.ts';

/** Where a device is dropped: no driver at all, or a named driver. */
export type DriverTarget = { kind: 'none' } | { kind: 'driver'; name: string };

/**
 * The sysfs writes, in order:
 * - none: unbind, and clear driver_override so a later probe picks the usual driver again;
 * - vfio-pci, pci-stub (they bind only through driver_override, kernel-semantics D.6): unbind,
 *   driver_override, drivers_probe;
 * - a host driver: unbind, clear a driver_override naming another driver, write the device to the
 *   driver's `bind` file (what people do by hand; it reports DMA-ownership refusals as EBUSY).
 * Nothing when the device already sits where it is dropped.
 */
export function planDriverChange(s: MachineState, bdf: Bdf, target: DriverTarget): Command[] {
  const current = driverOf(s, bdf);
  const override = overrideOf(s, bdf);
  const plan: Command[] = [];
  if (target.kind === 'none') {
    if (current !== null) plan.push({ op: 'driver.unbind', bdf });
    if (override !== null) plan.push({ op: 'driver.override', bdf, driver: null });
    return plan;
  }
  const driver = target.name;
  if (current !== null && sameDriver(current, driver)) return plan;
  if (current !== null) plan.push({ op: 'driver.unbind', bdf });
  if (bindsOnlyThroughOverride(driver)) {
    if (override === null || !sameDriver(override, driver)) plan.push({ op: 'driver.override', bdf, driver });
    plan.push({ op: 'driver.probe', bdf });
    return plan;
  }
  if (override !== null && !sameDriver(override, driver)) plan.push({ op: 'driver.override', bdf, driver: null });
  plan.push({ op: 'driver.bind', bdf, driver });
  return plan;
}

export function describeTarget(target: DriverTarget): string {
  return target.kind === 'none' ? 'no driver' : target.name;
}
