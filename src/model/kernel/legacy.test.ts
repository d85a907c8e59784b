// legacy (kernel-semantics B), where it differs from the 6.1 group path the traces pin.
import { describe, it } from 'vitest';
import { sim } from './sim.ts';
import { gpuPair } from './test-support/topologies.ts';

const A = '01:00.0';
const B = '01:00.1';

describe('legacy VFIO (v5.13)', () => {
  it('GET_DEVICE_FD checks container, IOMMU and viability before the device lookup (EINVAL before ENODEV)', () => {
    const s = sim(gpuPair, 'legacy').vfio(A).unbind(B).override(B, 'pci-stub').probe(B).openGroup(A);
    s.getDeviceFd(B, 'b').expectError('EINVAL');
    s.openContainer('c1').setContainer(A, 'c1').setIommu('c1', 'type1').getDeviceFd(B, 'b').expectError('ENODEV');
  });
  it('SET_CONTAINER checks no viability; SET_IOMMU knows no VFIO_EXTERNAL_IOMMU', () => {
    sim(gpuPair, 'legacy').vfio(A).openGroup(A).openContainer('c1').setContainer(A, 'c1').expectOk().setIommu('c1', 'external').expectError('ENODEV');
  });
  it('the group cannot be reopened while a device fd keeps it in its container', () => {
    sim(gpuPair, 'legacy').vfio(A).unbind(B).openGroup(A).openContainer('c1').setContainer(A, 'c1').setIommu('c1', 'type1').getDeviceFd(A, 'a')
      .closeGroup(A).expectOk().expectGroup(A).toBe('container:c1').openGroup(A).expectError('EBUSY')
      .closeDevice('a').expectGroup(A).toBe('default').openGroup(A).expectOk();
  });
  it('unbinding the group\'s last vfio device waits until the group has left its container', () => {
    sim(gpuPair, 'legacy').vfio(A).unbind(B).openGroup(A).openContainer('c1').setContainer(A, 'c1').unbind(A).expectError('EBUSY')
      .unsetContainer(A).unbind(A).expectOk();
  });
  it('a host driver binding before SET_CONTAINER is harmless; after it, BUG_ON', () => {
    sim(gpuPair, 'legacy').vfio(A).unbind(B).openGroup(A).probe(B).expectOk().expectInvariant('I5', true)
      .unbind(B).openContainer('c1').setContainer(A, 'c1').probe(B).expectOk().expectPanic();
  });
});
