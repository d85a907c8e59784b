// The sysfs driver interface, shared by all policies (kernel-semantics D.6): drivers/<drv>/bind,
// driver/unbind, driver_override and drivers_probe. Policies differ only in three hooks: a DMA
// ownership refusal before the driver's probe (upstream), a notifier BUG after it (legacy, rfc-v2),
// and what makes an unbind wait.
import type { Bdf } from '../topology/types.ts';
import type { Handler } from './policy.ts';
import {
  bindsOnlyThroughOverride,
  driverMatches,
  driverProbe,
  isVfioDriver,
  knownDriver,
} from './drivers.ts';
import type { MachineEvent } from './events.ts';
import { done, refuse, type KernelError, type Outcome } from './outcome.ts';
import { deviceFdsOfBdf, driverOf, groupIdOf, overrideOf, withDriver, withOverride, withPanic } from './state.ts';
import type { MachineState, Panic } from './types.ts';

export interface DriverRules {
  /** Refusal before the driver's own probe runs (upstream: DMA ownership, D.1 / D.6 item 6). */
  ownershipRefusal(s: MachineState, bdf: Bdf, driver: string): KernelError | null;
  /** The BUG a notifier raises once the driver has bound and probed (legacy B.3, rfc-v2 C.2 row 8). */
  notifierBug(s: MachineState, bdf: Bdf, driver: string): Panic | null;
  /** Why unbinding `driver` from `bdf` would block the writer, or null. */
  unbindBlocker(s: MachineState, bdf: Bdf, driver: string): string | null;
}

/** vfio waits in its remove path until every fd of the device is closed (B.4, D.6 "not decided"). */
export function openFdsBlockUnbind(s: MachineState, bdf: Bdf, driver: string): string | null {
  if (!isVfioDriver(driver)) return null;
  const fds = deviceFdsOfBdf(s, bdf);
  return fds.length === 0 ? null : `${driver} waits until the device fd${fds.length > 1 ? 's' : ''} ${fds.map((d) => `"${d.name}"`).join(', ')} of ${bdf} ${fds.length > 1 ? 'are' : 'is'} closed`;
}

function matchFailure(s: MachineState, bdf: Bdf, driver: string): string {
  const override = overrideOf(s, bdf);
  if (override !== null) return `${bdf}'s driver_override names ${override}, so only ${override} can bind it`;
  if (bindsOnlyThroughOverride(driver)) return `${driver} claims a device only through driver_override: write ${driver} to ${bdf}'s driver_override first`;
  const matches = s.static.drivers.idMatches.get(bdf) ?? [];
  return `${driver} does not claim ${bdf} (drivers that do: ${matches.length > 0 ? matches.join(', ') : 'none'})`;
}

function bindNow(s: MachineState, bdf: Bdf, driver: string, rules: DriverRules, events?: MachineEvent[]): Outcome {
  const bound = withDriver(s, bdf, driver);
  const bug = rules.notifierBug(bound, bdf, driver);
  return done(bug ? withPanic(bound, bug) : bound, events);
}

function probeRefusal(s: MachineState, bdf: Bdf, driver: string) {
  return driverProbe(s.static.drivers, s.static.functions.get(bdf)!, groupIdOf(s, bdf) !== undefined, driver);
}

/** drivers/<drv>/bind: match, then unbound, then DMA ownership, then the driver's probe (D.6 item 6). */
export function bindHandler(rules: DriverRules): Handler<'driver.bind'> {
  return (s, { bdf, driver: asked }) => {
    const driver = knownDriver(s.static.drivers, asked);
    if (driver === null) {
      return refuse('ENOENT', `no driver called ${asked} is loaded: /sys/bus/pci/drivers/${asked}/bind does not exist`, 'kernel-semantics D.6 item 6 (w phase N)');
    }
    if (!driverMatches(s.static.drivers, s.static.functions.get(bdf)!, overrideOf(s, bdf), driver)) {
      return refuse('ENODEV', matchFailure(s, bdf, driver), 'kernel-semantics D.6 items 1-3, 6');
    }
    const current = driverOf(s, bdf);
    if (current !== null) return refuse('EBUSY', `${bdf} is already bound to ${current}; unbind it first`, 'kernel-semantics D.6 item 6');
    const owned = rules.ownershipRefusal(s, bdf, driver);
    if (owned) return { ok: false, error: owned };
    const probe = probeRefusal(s, bdf, driver);
    if (probe) return refuse(probe.errno, `${driver}'s probe refused ${bdf}: ${probe.why}`, 'kernel-semantics D.6 items 5-6, 10');
    return bindNow(s, bdf, driver, rules);
  };
}

/**
 * drivers_probe: binds the override driver, or else the first matching driver whose probe accepts.
 * An ownership refusal is reported as EINVAL; a driver's own refusal is not reported (D.6 items 4-5).
 */
export function probeHandler(rules: DriverRules): Handler<'driver.probe'> {
  return (s, { bdf }) => {
    if (driverOf(s, bdf) !== null) return done(s); // device_attach() on a bound device: nothing to do
    const override = overrideOf(s, bdf);
    const overrideDriver = override === null ? null : knownDriver(s.static.drivers, override);
    const tries = override === null ? (s.static.drivers.idMatches.get(bdf) ?? []) : overrideDriver === null ? [] : [overrideDriver];
    // Made only when a probe refuses: drivers_probe runs for millions of states in a model check.
    let events: MachineEvent[] | undefined;
    for (const driver of tries) {
      const owned = rules.ownershipRefusal(s, bdf, driver);
      if (owned) return refuse('EINVAL', `drivers_probe fails with EINVAL: ${owned.message}`, 'kernel-semantics D.6 item 4');
      const probe = probeRefusal(s, bdf, driver);
      if (probe) {
        (events ??= []).push({ type: 'driver.probeRefused', bdf, driver, errno: probe.errno, message: `${driver}'s probe refused ${bdf}: ${probe.why}` });
        continue;
      }
      return bindNow(s, bdf, driver, rules, events);
    }
    return done(s, events);
  };
}

export function unbindHandler(rules: DriverRules): Handler<'driver.unbind'> {
  return (s, { bdf }) => {
    const current = driverOf(s, bdf);
    if (current === null) return refuse('ENOENT', `${bdf} has no driver, so it has no driver/unbind file`, 'kernel-semantics D.6 (w phase N)');
    const blocker = rules.unbindBlocker(s, bdf, current);
    if (blocker) {
      return refuse('EBUSY', `the kernel would block this unbind: ${blocker} (modelled as a refusal)`, 'kernel-semantics B.4 (driver unbind of a vfio device), D.6 "not decided"');
    }
    return done(withDriver(s, bdf, null));
  };
}

/** driver_override only records a name; it binds nothing by itself (scenario-format). */
export const overrideHandler: Handler<'driver.override'> = (s, { bdf, driver }) => {
  const spelled = driver === null ? null : (knownDriver(s.static.drivers, driver) ?? driver);
  return done(withOverride(s, bdf, spelled));
};
