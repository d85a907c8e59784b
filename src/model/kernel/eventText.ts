// One sentence per machine event, shared by the app's log, the mailing-list trace and the command
// line. `ascii` keeps it 7-bit for plain-text mail; the app may use a real arrow.
import { shortBdf } from '../topology/bdf.ts';
import type { MachineEvent } from './events.ts';

export function eventText(e: MachineEvent, style: 'ascii' | 'unicode' = 'ascii'): string {
  const to = style === 'ascii' ? '->' : '\u2192';
  switch (e.type) {
    case 'driver.bound':
      return `${shortBdf(e.bdf)} bound to ${e.driver}`;
    case 'driver.unbound':
      return `${shortBdf(e.bdf)} unbound from ${e.driver}`;
    case 'driver.probeRefused':
      return `${e.driver} refused to probe ${shortBdf(e.bdf)} (-${e.errno}: ${e.message})`;
    case 'group.viabilityChanged':
      return e.viable
        ? `group ${e.group} viable`
        : `group ${e.group} not viable (${e.culprits.map((c) => `${shortBdf(c.bdf)} on ${c.driver}`).join(', ')})`;
    case 'group.domainChanged':
      return `group ${e.group} domain ${e.from} ${to} ${e.to}`;
    case 'group.ownerChanged':
      return `group ${e.group} owner ${e.from} ${to} ${e.to}`;
    case 'device.accessGranted':
      return `"${e.device}" has access to ${shortBdf(e.bdf)}`;
    case 'device.accessRevoked':
      return `"${e.device}" lost access to ${shortBdf(e.bdf)}`;
    case 'kernel.warn':
      return `WARNING: ${e.message}`;
    case 'kernel.bug':
      return `BUG: ${e.message}`;
  }
}
