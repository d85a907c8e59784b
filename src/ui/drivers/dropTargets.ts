// Drop targets are marked in the DOM with `data-driver-target`; a drag finds the one under the
// pointer, whatever component drew it.
import type { DriverTarget } from '../../store/driverPlan.ts';

export const NONE_TARGET = 'none';

export function targetAt(x: number, y: number): string | null {
  const el = document.elementFromPoint(x, y)?.closest('[data-driver-target]');
  return el?.getAttribute('data-driver-target') ?? null;
}

export function toDriverTarget(name: string): DriverTarget {
  return name === NONE_TARGET ? { kind: 'none' } : { kind: 'driver', name };
}
