// apply(): malformed commands are named precisely and never reach the kernel; undefined commands
// are ENOTTY; a panicked machine refuses everything; a failed creating command leaves its name empty.
import { describe, expect, it } from 'vitest';
import { apply, type ApplyResult } from './apply.ts';
import { createMachine } from './machine.ts';
import { sim } from './sim.ts';
import { gpuPair } from './test-support/topologies.ts';
import { computeGroups } from '../grouping/computeGroups.ts';
import type { MachineState, PolicyName } from './types.ts';

const fresh = (policy: PolicyName = 'upstream'): MachineState => createMachine(gpuPair, computeGroups(gpuPair), { policy });

function invalidArgument(r: ApplyResult): string | undefined {
  return !r.ok && r.error.reason === 'invalid-command' ? r.error.argument : undefined;
}

describe('malformed commands', () => {
  it('names the unknown op and lists the known ones', () => {
    const r = apply(fresh(), { op: 'group.explode', bdf: '01:00.0' });
    expect(invalidArgument(r)).toBe('op');
    expect(!r.ok && r.error.message).toMatch(/unknown op "group.explode"; known ops: driver.bind, /);
    expect(!r.ok && r.error.errno).toBeNull();
  });
  it('names a missing argument', () => {
    const r = apply(fresh(), { op: 'driver.bind', bdf: '01:00.0' });
    expect(invalidArgument(r)).toBe('driver');
    expect(!r.ok && r.error.message).toBe('driver.bind: argument "driver" is missing');
  });
  it('names an ill-typed argument and shows the value', () => {
    const r = apply(fresh('rfc-v2'), { op: 'group.getDeviceFdNew', bdf: '01:00.0', iommufd: 'i', cookie: 'one', as: 'd' });
    expect(invalidArgument(r)).toBe('cookie');
    expect(!r.ok && r.error.message).toContain('got "one"');
  });
  it('rejects a malformed address and one not in the topology', () => {
    expect(invalidArgument(apply(fresh(), { op: 'group.open', bdf: '01:00.9' }))).toBe('bdf');
    const r = apply(fresh(), { op: 'group.open', bdf: '05:00.0' });
    expect(!r.ok && r.error.message).toBe('group.open: argument "bdf": 0000:05:00.0 is not a function of this topology');
  });
  it('rejects a reference to a name no command gave, and one of another kind', () => {
    const r = apply(fresh(), { op: 'device.close', device: 'd9' });
    expect(!r.ok && r.error.message).toBe('device.close: argument "device": no object was ever named "d9"');
    const s = sim(gpuPair, 'upstream').openContainer('c1').expectOk();
    const kind = apply(s.state, { op: 'device.close', device: 'c1' });
    expect(!kind.ok && kind.error.message).toBe('device.close: argument "device": "c1" names a container, not a device fd');
  });
  it('rejects an `as` name that still names an open object, and allows it again once closed', () => {
    const s = sim(gpuPair, 'upstream').openContainer('c1').expectOk();
    expect(invalidArgument(apply(s.state, { op: 'container.open', as: 'c1' }))).toBe('as');
    s.closeContainer('c1').expectOk().openContainer('c1').expectOk();
  });
  it('accepts short addresses and reports them canonically', () => {
    sim(gpuPair, 'upstream').unbind('01:00.1').expectEvent('driver.unbound', (e) => e.type === 'driver.unbound' && e.bdf === '0000:01:00.1');
  });
});

describe('kernel answers around the handlers', () => {
  it('refuses a command the policy does not define with ENOTTY and a sentence', () => {
    const r = apply(fresh('legacy'), { op: 'cdev.open', bdf: '01:00.0', as: 'd' });
    expect(!r.ok && r.error.errno).toBe('ENOTTY');
    expect(!r.ok && r.error.message).toMatch(/^cdev.open does not exist under the legacy policy/);
    const up = apply(fresh('upstream'), { op: 'group.getDeviceFdNew', bdf: '01:00.0', iommufd: 'i', cookie: 1, as: 'd' });
    expect(!up.ok && up.error.reason).toBe('invalid-command'); // the iommufd name was never given
  });
  it('a name whose creating command failed holds nothing: later use is EBADF, not a malformed log', () => {
    const s = sim(gpuPair, 'upstream').vfio('01:00.0').openGroup('01:00.0').getDeviceFd('01:00.0', 'd1').expectError('EINVAL');
    s.closeDevice('d1').expectError('EBADF');
  });
  it('a panicked machine refuses every later command', () => {
    const s = sim(gpuPair, 'legacy').unbind('01:00.1').vfio('01:00.0').openGroup('01:00.0').openContainer('c1').setContainer('01:00.0', 'c1')
      .bind('01:00.1', 'snd_hda_intel').expectPanic();
    const r = apply(s.state, { op: 'driver.unbind', bdf: '01:00.1' });
    expect(!r.ok && r.error.reason).toBe('machine-panicked');
    expect(!r.ok && r.error.errno).toBeNull();
    expect(r.state).toBe(s.state);
  });
  it('does not change the state it was given', () => {
    const s = fresh();
    const before = JSON.stringify([...s.drivers]);
    const r = apply(s, { op: 'driver.unbind', bdf: '01:00.0' });
    expect(r.ok).toBe(true);
    expect(JSON.stringify([...s.drivers])).toBe(before);
    expect(r.state.static).toBe(s.static);
  });
});

describe('events', () => {
  it('a group-path attach reports driver, viability, owner, domain and access changes in order', () => {
    const s = sim(gpuPair, 'upstream').unbind('01:00.0').unbind('01:00.1').expectEvent('group.viabilityChanged', (e) => e.type === 'group.viabilityChanged' && e.viable)
      .vfio('01:00.0').openGroup('01:00.0').openContainer('c1')
      .setContainer('01:00.0', 'c1').expectEvent('group.ownerChanged', (e) => e.type === 'group.ownerChanged' && e.from === 'none' && e.to === 'container:c1')
      .expectEvent('group.domainChanged', (e) => e.type === 'group.domainChanged' && e.from === 'default' && e.to === 'blocked')
      .setIommu('c1', 'type1').expectEvent('group.domainChanged', (e) => e.type === 'group.domainChanged' && e.from === 'blocked' && e.to === 'container:c1')
      .getDeviceFd('01:00.0', 'd1').expectEvent('device.accessGranted', (e) => e.type === 'device.accessGranted' && e.device === 'd1');
    s.closeDevice('d1').expectEvent('device.accessRevoked');
  });
  it('a probe the driver refuses is an event of a successful drivers_probe', () => {
    const r = sim(gpuPair, 'upstream').override('00:01.0', 'vfio-pci').unbind('00:01.0').probe('00:01.0').expectOk();
    expect(r.last?.ok && r.last.events).toEqual([
      { type: 'driver.probeRefused', bdf: '0000:00:01.0', driver: 'vfio-pci', errno: 'EINVAL', message: "vfio-pci's probe refused 0000:00:01.0: vfio-pci does not take bridges" },
    ]);
  });
  it('a BUG is the last event of the command that caused it', () => {
    const s = sim(gpuPair, 'legacy').unbind('01:00.1').vfio('01:00.0').openGroup('01:00.0').openContainer('c1').setContainer('01:00.0', 'c1').bind('01:00.1', 'snd_hda_intel');
    const events = s.last?.ok ? s.last.events : [];
    expect(events.map((e) => e.type)).toEqual(['driver.bound', 'group.viabilityChanged', 'kernel.bug']);
    expect(s.state.panic?.culprit).toBe('0000:01:00.1');
    expect(s.state.panic?.rule).toBe('kernel-semantics B.3 (BUG_ON(vfio_group_nb_verify))');
  });
});
