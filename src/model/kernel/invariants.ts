// The five promises the designs make (model.md §6), checked on a state, never assumed. Idle groups
// (default domain, no owner, no fds) keep I1-I4 by construction, so only busy groups and open device
// fds are looked at: the check costs what the user has set up, not the size of the machine.
import { usesDmaApi } from './drivers.ts';
import { formatDomain, groupOwner } from './facts.ts';
import { driverOf, groupState, membersOf } from './state.ts';
import type { DeviceFd, Domain, GroupId, MachineState } from './types.ts';

export type InvariantId = 'I1' | 'I2' | 'I3' | 'I4' | 'I5';
export const INVARIANT_IDS: readonly InvariantId[] = ['I1', 'I2', 'I3', 'I4', 'I5'];

export const INVARIANT_NAMES: Readonly<Record<InvariantId, string>> = {
  I1: 'one address space',
  I2: 'no access before a security context',
  I3: 'never a mixture',
  I4: 'back to default',
  I5: 'no panic',
};

export interface InvariantCheck {
  id: InvariantId;
  holds: boolean;
  message: string;
}

const isUserDomain = (d: Domain) => d.kind === 'container' || d.kind === 'ioasid';

/** I2: the group is blocked, or in the domain of the user who holds this fd (its container or iommu fd). */
function i2Allows(s: MachineState, d: DeviceFd): boolean {
  const gs = groupState(s, d.group);
  switch (gs.domain.kind) {
    case 'blocked':
      return true;
    case 'ioasid':
      return d.iommufd !== null && s.ioasids.get(gs.domain.ioasid)?.iommufd === d.iommufd;
    case 'container':
      return d.path === 'group' && gs.container === gs.domain.container;
    case 'default':
      return false;
  }
}

function activeGroups(s: MachineState): GroupId[] {
  const gs = new Set<GroupId>(s.groups.keys());
  for (const d of s.devices.values()) gs.add(d.group);
  return [...gs].sort((a, b) => a - b);
}

function firstBreak(s: MachineState, groups: GroupId[], devices: DeviceFd[]): Partial<Record<InvariantId, string>> {
  const broken: Partial<Record<InvariantId, string>> = {};
  for (const d of devices) {
    const domain = groupState(s, d.group).domain;
    // I1: every attached device of a group is attached to the group's current IOASID. (All devices
    // of a group share the group's one domain by construction.)
    if (!broken.I1 && d.attachedTo !== null && !(domain.kind === 'ioasid' && domain.ioasid === d.attachedTo)) {
      broken.I1 = `device fd "${d.name}" (${d.bdf}) is attached to IOASID "${s.ioasids.get(d.attachedTo)?.name}" while group ${d.group} is on ${formatDomain(s, domain)}`;
    }
    if (!broken.I2 && d.accessGranted && !i2Allows(s, d)) {
      broken.I2 = `${d.bdf} is accessible through "${d.name}" while group ${d.group} is on ${formatDomain(s, domain)}, not blocked nor that user's domain`;
    }
  }
  const accessible = new Set(devices.filter((d) => d.accessGranted).map((d) => d.group));
  for (const g of groups) {
    const gs = groupState(s, g);
    const userSide = accessible.has(g) || isUserDomain(gs.domain);
    if (!broken.I3 && userSide) {
      const host = membersOf(s, g).find((bdf) => usesDmaApi(driverOf(s, bdf)));
      if (host) {
        const why = accessible.has(g) ? 'has a device userspace can access' : `is in the user domain ${formatDomain(s, gs.domain)}`;
        broken.I3 = `group ${g} ${why} while ${host} is bound to ${driverOf(s, host)}, a kernel driver doing DMA through the DMA API`;
      }
    }
    if (!broken.I4 && !accessible.has(g) && gs.owner === null && gs.domain.kind !== 'default') {
      broken.I4 = `group ${g} has no user-accessible device and no owner (${groupOwner(s, g).kind}) but is on ${formatDomain(s, gs.domain)}, not its default domain`;
    }
  }
  return broken;
}

/** What an invariant that holds says: the same for every state, so made once (a model check judges every state it finds). */
const HOLDS: Readonly<Record<InvariantId, InvariantCheck>> = Object.fromEntries(
  INVARIANT_IDS.map((id) => [id, Object.freeze({ id, holds: true, message: id === 'I5' ? 'no BUG' : `${INVARIANT_NAMES[id]} holds` })]),
) as Record<InvariantId, InvariantCheck>;
const NOT_JUDGED: Readonly<Record<InvariantId, InvariantCheck>> = Object.fromEntries(
  INVARIANT_IDS.map((id) => [id, Object.freeze({ id, holds: true, message: 'not judged: the machine panicked' })]),
) as Record<InvariantId, InvariantCheck>;

/** I1-I5 on one state. I1-I4 are judged only on a machine that has not panicked (model.md §6). */
export function checkInvariants(s: MachineState): InvariantCheck[] {
  const panicked = s.panic !== null;
  const broken = panicked ? {} : firstBreak(s, activeGroups(s), [...s.devices.values()]);
  return INVARIANT_IDS.map((id) => {
    if (id === 'I5') return panicked ? { id, holds: false, message: `the kernel panicked: ${s.panic!.message}` } : HOLDS.I5;
    const why = broken[id];
    if (why !== undefined) return { id, holds: false, message: `${INVARIANT_NAMES[id]} broken: ${why}` };
    return panicked ? NOT_JUDGED[id] : HOLDS[id];
  });
}
