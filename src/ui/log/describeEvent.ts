// One short line per model event, for the log.
import type { MachineEvent } from '../../model/kernel/events.ts';
import { shortBdf } from '../../model/topology/bdf.ts';

export function describeEvent(e: MachineEvent): string {
  switch (e.type) {
    case 'driver.bound':
      return `${shortBdf(e.bdf)} bound to ${e.driver}`;
    case 'driver.unbound':
      return `${shortBdf(e.bdf)} unbound from ${e.driver}`;
    case 'driver.probeRefused':
      return `${e.driver}'s probe refused ${shortBdf(e.bdf)} (${e.errno})`;
    case 'group.viabilityChanged':
      return `group ${e.group} ${e.viable ? 'viable' : `not viable (${e.culprits.map((c) => `${shortBdf(c.bdf)} on ${c.driver}`).join(', ')})`}`;
    case 'group.domainChanged':
      return `group ${e.group}: ${e.from} → ${e.to}`;
    case 'group.ownerChanged':
      return `group ${e.group} owner: ${e.from} → ${e.to}`;
    case 'device.accessGranted':
      return `"${e.device}" can reach ${shortBdf(e.bdf)}`;
    case 'device.accessRevoked':
      return `"${e.device}" lost ${shortBdf(e.bdf)}`;
    case 'kernel.warn':
      return `WARN: ${e.message}`;
    case 'kernel.bug':
      return `BUG: ${e.message}`;
  }
}

/** Events that change what the graph shows stand out in the log. */
export function isHeadline(e: MachineEvent): boolean {
  return e.type === 'group.domainChanged' || e.type === 'group.viabilityChanged' || e.type === 'kernel.bug' || e.type.startsWith('device.access');
}
