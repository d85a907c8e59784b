// One short line per model event, for the log.
import type { MachineEvent } from '../../model/kernel/events.ts';
import { eventText } from '../../model/kernel/eventText.ts';

export function describeEvent(e: MachineEvent): string {
  return eventText(e, 'unicode');
}

/** Events that change what the graph shows stand out in the log. */
export function isHeadline(e: MachineEvent): boolean {
  return e.type === 'group.domainChanged' || e.type === 'group.viabilityChanged' || e.type === 'kernel.bug' || e.type.startsWith('device.access');
}
