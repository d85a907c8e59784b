// Test support: a real kernel's VFIO trace (../shared/oracle/*/vfio-trace.json, described in the
// oracle README "VFIO traces") as machine commands with the outcome the kernel gave each one.
import type { Errno } from '../types.ts';

export interface TraceStepJson {
  step: string;
  arg?: string;
  ret: number;
  errname?: string;
  viable?: boolean;
  container_set?: boolean;
  driver?: string;
  drivers?: Record<string, string>;
}

export interface VfioTraceJson {
  config: { target: string; sibling: string };
  phases: { phase: string; steps: TraceStepJson[] }[];
}

/** What the kernel answered to one step. */
export type Expectation =
  | { kind: 'ok'; flags?: { viable: boolean; containerSet: boolean } }
  | { kind: 'errno'; errno: Errno }
  | { kind: 'none' }; // a write the harness made without logging it

export type TraceAction =
  | { kind: 'command'; where: string; command: Record<string, unknown>; expect: Expectation }
  | { kind: 'driver'; where: string; bdf: string; driver: string | null }
  | { kind: 'noModelEffect'; where: string };

const driverOrNull = (d: string) => (d === '' ? null : d);

function expectation(s: TraceStepJson): Expectation {
  if (s.ret < 0) return { kind: 'errno', errno: s.errname as Errno };
  if (s.viable !== undefined) return { kind: 'ok', flags: { viable: s.viable, containerSet: s.container_set === true } };
  return { kind: 'ok' };
}

/**
 * The harness's /init writes an empty driver_override for the sibling without logging it: after
 * phase B's run, after phase D's run, and in phase F between the unbind and the group open (oracle
 * harness/guest/init). The trace needs them to be replayed faithfully.
 */
function unloggedClearBefore(phase: string, step: TraceStepJson, firstOfPhase: boolean, opened: boolean): boolean {
  if (firstOfPhase && (phase.startsWith('C_') || phase.startsWith('E_'))) return true;
  return phase.startsWith('F_') && step.step === 'open_container' && !opened;
}

/**
 * Translates every step. Each vfio-probe run opens its own container, group and device fds; the
 * first GET_DEVICE_FD of a run is its main device fd, later ones (`devfd=`) are extras closed last
 * in first out (harness guest/vfio-probe.c).
 */
export function traceActions(trace: VfioTraceJson): TraceAction[] {
  const { target, sibling } = trace.config;
  const out: TraceAction[] = [];
  let n = 0;
  let container = '';
  let main: string | null = null;
  let mainTried = false;
  let extras: string[] = [];
  for (const { phase, steps } of trace.phases) {
    let fOpened = false;
    steps.forEach((s, i) => {
      const where = `${phase} step ${i + 1} (${s.step}${s.arg ? ` ${s.arg}` : ''})`;
      if (unloggedClearBefore(phase, s, i === 0, fOpened)) {
        out.push({ kind: 'command', where: `${where}: unlogged driver_override clear by the harness`, command: { op: 'driver.override', bdf: sibling, driver: null }, expect: { kind: 'none' } });
      }
      const command = (c: Record<string, unknown>) => out.push({ kind: 'command', where, command: c, expect: expectation(s) });
      const arg = s.arg ?? '';
      switch (s.step) {
        case 'group_drivers':
          for (const [bdf, d] of Object.entries(s.drivers ?? {})) out.push({ kind: 'driver', where, bdf, driver: driverOrNull(d) });
          return;
        case 'driver':
          out.push({ kind: 'driver', where, bdf: arg, driver: driverOrNull(s.driver ?? '') });
          return;
        case 'sysfs_unbind':
          return command({ op: 'driver.unbind', bdf: arg });
        case 'sysfs_bind': {
          const [driver, bdf] = arg.split(',');
          return command({ op: 'driver.bind', bdf, driver });
        }
        case 'sysfs_driver_override': {
          const [bdf, driver] = arg.split(',');
          return command({ op: 'driver.override', bdf, driver: driverOrNull(driver ?? '') });
        }
        case 'sysfs_driver_override_clear':
          return command({ op: 'driver.override', bdf: arg, driver: null });
        case 'sysfs_drivers_probe':
          return command({ op: 'driver.probe', bdf: arg });
        case 'open_container':
          fOpened = true;
          container = `c${++n}`;
          main = null;
          mainTried = false;
          extras = [];
          return command({ op: 'container.open', as: container });
        case 'open_group':
          return command({ op: 'group.open', bdf: target });
        case 'VFIO_GROUP_GET_STATUS':
          return command({ op: 'group.getStatus', bdf: target });
        case 'VFIO_GROUP_SET_CONTAINER':
          return command({ op: 'group.setContainer', bdf: target, container });
        case 'VFIO_SET_IOMMU':
          return command({ op: 'container.setIommu', container, type: 'type1' });
        case 'VFIO_GROUP_UNSET_CONTAINER':
          return command({ op: 'group.unsetContainer', bdf: target });
        case 'VFIO_GROUP_GET_DEVICE_FD': {
          const name = `d${++n}`;
          if (s.ret >= 0) {
            if (mainTried) extras.push(name);
            else main = name;
          }
          mainTried = true;
          return command({ op: 'group.getDeviceFd', bdf: arg, as: name });
        }
        case 'close_device': {
          const name = arg === 'extra' ? extras.pop() : main;
          if (arg !== 'extra') main = null;
          return command({ op: 'device.close', device: name });
        }
        case 'close_group':
          return command({ op: 'group.close', bdf: target });
        case 'close_container':
          return command({ op: 'container.close', container });
        case 'VFIO_GET_API_VERSION':
        case 'VFIO_CHECK_EXTENSION':
          out.push({ kind: 'noModelEffect', where });
          return;
        default:
          throw new Error(`${where}: a trace step the translator does not know`);
      }
    });
  }
  return out;
}
