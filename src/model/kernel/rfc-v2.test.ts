// rfc-v2 (kernel-semantics C.2 with the C.3 readings of model.md §4), beyond table E.
import { describe, expect, it } from 'vitest';
import { endpoint, rootPort, topology } from '../topology/builders.ts';
import { sim, type Sim } from './sim.ts';
import { bridgedGroup, gpuPair } from './test-support/topologies.ts';

const A = '01:00.0';
const B = '01:00.1';

/** Group of A in an external container with its fd open, iommu fds io1 and io2 open. */
const external = (s: Sim) => s.openGroup(A).openContainer('c1').setContainer(A, 'c1').setIommu('c1', 'external').expectOk().openIommufd('io1').openIommufd('io2');
const bothBound = () =>
  external(sim(gpuPair, 'rfc-v2').vfio(A).vfio(B)).getDeviceFdNew(A, 'io1', 1, 'a').expectOk().getDeviceFdNew(B, 'io1', 2, 'b').expectOk();

describe('rfc-v2 GET_DEVICE_FD_NEW', () => {
  it('needs an external container; the legacy GET_DEVICE_FD cannot serve one', () => {
    sim(gpuPair, 'rfc-v2').vfio(A).vfio(B).openGroup(A).openIommufd('io1').getDeviceFdNew(A, 'io1', 1, 'a').expectError('EINVAL')
      .openContainer('c1').setContainer(A, 'c1').setIommu('c1', 'type1').getDeviceFdNew(A, 'io1', 1, 'a').expectError('EINVAL');
    external(sim(gpuPair, 'rfc-v2').vfio(A).vfio(B)).getDeviceFd(A, 'a').expectError('EINVAL');
  });
  it('binds a device once (C.3 item 12) and the group to one iommu fd (C.3 item 3)', () => {
    bothBound().getDeviceFdNew(A, 'io1', 3, 'again').expectError('EINVAL').expectGroup(A).toBeOwnedBy('iommufd:io1');
  });
  it('a device that is not on a vfio driver is ENODEV', () => {
    external(sim(gpuPair, 'rfc-v2').vfio(A).unbind(B)).getDeviceFdNew(B, 'io1', 1, 'b').expectError('ENODEV');
  });
  it('an external container is no security context: before the first bind a host driver binds without a BUG', () => {
    external(sim(gpuPair, 'rfc-v2').vfio(A).unbind(B)).probe(B).expectOk().expectDriver(B, 'snd_hda_intel').expectInvariant('I5', true).expectGroup(A).toBeOwnedBy('kernel');
  });
  it('pci-stub siblings and bridges on any driver are viable; a host driver on a sibling after the bind is a BUG, also through drivers_probe', () => {
    const s = external(sim(gpuPair, 'rfc-v2').vfio(A).unbind(B).override(B, 'pci-stub').probe(B)).getDeviceFdNew(A, 'io1', 1, 'a').expectOk();
    s.unbind(B).override(B, null).probe(B).expectOk().expectPanic().expectDriver(B, 'snd_hda_intel');
  });
});

describe('rfc-v2 "same driver" readings (C.3 item 1)', () => {
  const variants = topology(rootPort('00:01.0', { acs: true }, [
    endpoint('01:00.0', { multifunction: true, driver: 'mlx5_core', modules: ['mlx5_core', 'mlx5_vfio_pci'] }),
    endpoint('01:00.1', { multifunction: true, driver: 'mlx5_core', modules: ['mlx5_core', 'mlx5_vfio_pci'] }),
  ]));
  const withVariant = (strict: boolean) =>
    external(sim(variants, 'rfc-v2', { strictSameDriver: strict }).vfio(A).unbind(B).override(B, 'mlx5_vfio_pci').probe(B).expectDriver(B, 'mlx5_vfio_pci'));
  it('default: a sibling on another vfio driver is viable', () => {
    withVariant(false).getDeviceFdNew(A, 'io1', 1, 'a').expectOk();
  });
  it('strict: only the binding device\'s own driver is', () => {
    withVariant(true).getDeviceFdNew(A, 'io1', 1, 'a').expectError('EINVAL');
  });
});

describe('rfc-v2 IOASIDs and attachments', () => {
  it('nested IOASIDs: a child in the same iommu fd; attach to the child; parents and attached ones cannot be freed', () => {
    const s = bothBound().allocIoasid('io1', 'p').allocIoasid('io2', 'q').allocIoasid('io1', 'child', 'q').expectError('EINVAL')
      .allocIoasid('io1', 'child', 'p').expectOk().attach('a', 'child').expectOk().expectGroup(A).toBe('ioasid:child');
    s.freeIoasid('p').expectError('EBUSY').freeIoasid('child').expectError('EBUSY').detach('a').freeIoasid('child').expectOk().freeIoasid('p').expectOk()
      .attach('b', 'child').expectError('ENOENT');
  });
  it('attach checks: bound by the new path, same iommu fd, once; detach only what is attached', () => {
    const s = bothBound().allocIoasid('io1', 'x').allocIoasid('io2', 'y');
    s.attach('a', 'y').expectError('ENOENT').attach('a', 'x').expectOk().attach('a', 'x').expectError('EBUSY').detach('b').expectError('EINVAL');
  });
  it('closing an attached device detaches it; the bound sibling keeps the group blocked', () => {
    bothBound().allocIoasid('io1', 'x').attach('a', 'x').closeDevice('a').expectOk().expectGroup(A).toBe('blocked').expectInvariant('I1', true);
  });
  it('a group-path device fd does not attach', () => {
    sim(gpuPair, 'rfc-v2').vfio(A).unbind(B).openGroup(A).openContainer('c1').setContainer(A, 'c1').setIommu('c1', 'type1').getDeviceFd(A, 'a').expectOk()
      .openIommufd('io1').allocIoasid('io1', 'x').attach('a', 'x').expectError('EINVAL');
  });
});

describe('rfc-v2 keeps the legacy container path', () => {
  it('type1 on a non-viable group moves the host-driven sibling into the user domain (I3)', () => {
    sim(gpuPair, 'rfc-v2').vfio(A).openGroup(A).openContainer('c1').setContainer(A, 'c1').setIommu('c1', 'type1').expectOk().expectInvariant('I3', false);
  });
  it('the allowed list lets a bridge driver without driver_managed_dma into a block_dma group: no BUG, but I3 breaks', () => {
    const s = sim(bridgedGroup, 'rfc-v2').unbind('03:00.0').unbind('06:01.0').vfio('03:00.0').openGroup('03:00.0').openContainer('c1').setContainer('03:00.0', 'c1')
      .setIommu('c1', 'external').openIommufd('io1').getDeviceFdNew('03:00.0', 'io1', 1, 'a').expectOk();
    const after = s.bind('05:01.0', 'shpchp').expectOk().expectInvariant('I5', true).expectInvariant('I3', false);
    expect(after.state.panic).toBeNull();
  });
});
