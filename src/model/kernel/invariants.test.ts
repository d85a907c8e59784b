// checkInvariants() on states no policy produces: the checker must catch every kind of break.
import { describe, expect, it } from 'vitest';
import { computeGroups } from '../grouping/computeGroups.ts';
import { checkInvariants, type InvariantId } from './invariants.ts';
import { createMachine } from './machine.ts';
import { updateGroup, withDevice, withDriver, withIoasid, withPanic } from './state.ts';
import { gpuPair } from './test-support/topologies.ts';
import type { DeviceFd, MachineState } from './types.ts';

const base = (): MachineState => createMachine(gpuPair, computeGroups(gpuPair), { policy: 'upstream' });
const G = computeGroups(gpuPair).groupOf.get('0000:01:00.0')!;

function broken(s: MachineState): InvariantId[] {
  return checkInvariants(s).filter((c) => !c.holds).map((c) => c.id);
}

function withFd(s: MachineState, fd: Partial<DeviceFd>): MachineState {
  const d: DeviceFd = { id: 'device#9', name: 'd', bdf: '0000:01:00.0', group: G, path: 'cdev', cookie: null, iommufd: 'iommufd#8', accessGranted: true, attachedTo: null, ...fd };
  return withDevice(s, d, d.id);
}

describe('checkInvariants', () => {
  it('a fresh machine keeps all five', () => {
    expect(broken(base())).toEqual([]);
  });
  it('I1: an attached device whose group is on another domain', () => {
    let s = withIoasid(base(), { id: 'ioasid#7', name: 'x', iommufd: 'iommufd#8', parent: null }, 'ioasid#7');
    s = updateGroup(withFd(withDriver(withDriver(s, '0000:01:00.0', 'vfio-pci'), '0000:01:00.1', null), { attachedTo: 'ioasid#7' }), G, { domain: { kind: 'blocked' }, owner: { kind: 'iommufd', iommufd: 'iommufd#8' }, ownerCount: 1 });
    expect(broken(s)).toEqual(['I1']);
  });
  it('I2 and I3: access on the default domain next to a host driver', () => {
    const s = withFd(base(), {});
    expect(broken(s)).toEqual(['I2', 'I3']);
    expect(checkInvariants(s).find((c) => c.id === 'I3')!.message).toBe(
      `never a mixture broken: group ${G} has a device userspace can access while 0000:01:00.0 is bound to nouveau, a kernel driver doing DMA through the DMA API`,
    );
  });
  it('I4: an unowned group without access left on the blocked domain', () => {
    expect(broken(updateGroup(base(), G, { domain: { kind: 'blocked' } }))).toEqual(['I4']);
  });
  it('I5, and I1-I4 not judged once the machine panicked', () => {
    const s = withPanic(withFd(base(), {}), { message: 'BUG', culprit: '0000:01:00.1', rule: 'test' });
    const checks = checkInvariants(s);
    expect(checks.filter((c) => !c.holds).map((c) => c.id)).toEqual(['I5']);
    expect(checks[0]!.message).toBe('not judged: the machine panicked');
  });
});
