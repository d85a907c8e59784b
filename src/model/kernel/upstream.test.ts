// upstream (kernel-semantics D.1-D.4, the 6.1 group path of D.6), beyond table E and the traces.
import { describe, it } from 'vitest';
import { sim } from './sim.ts';
import { gpuPair } from './test-support/topologies.ts';

const A = '01:00.0';
const B = '01:00.1';

/** Both functions on vfio-pci, cdevs "a" and "b" bound to iommufd io1, IOAS x and y allocated. */
const bothBound = () =>
  sim(gpuPair, 'upstream').vfio(A).vfio(B).openIommufd('io1').openIommufd('io2').openCdev(A, 'a').openCdev(B, 'b')
    .bindIommufd('a', 'io1').expectOk().bindIommufd('b', 'io1').expectOk().allocIoasid('io1', 'x').allocIoasid('io1', 'y').allocIoasid('io2', 'z');

describe('upstream iommufd attach rules (D.3, D.4)', () => {
  it('replacing an attached device\'s page table drags its attached siblings along', () => {
    bothBound().attach('a', 'x').attach('b', 'x').attach('a', 'y').expectOk().expectGroup(B).toBe('ioasid:y').expectInvariant('I1', true);
  });
  it('detach of an unattached device is silent; a page table of another iommufd is ENOENT', () => {
    bothBound().detach('a').expectOk().attach('a', 'z').expectError('ENOENT');
  });
  it('an IOAS in use cannot be destroyed; a destroyed one is ENOENT', () => {
    bothBound().attach('a', 'x').freeIoasid('x').expectError('EBUSY').detach('a').freeIoasid('x').expectOk().attach('a', 'x').expectError('ENOENT');
  });
  it('a cdev binds once; a second cdev of the same device cannot bind while the first is', () => {
    bothBound().bindIommufd('a', 'io1').expectError('EINVAL').openCdev(A, 'a2').bindIommufd('a2', 'io1').expectError('EINVAL');
  });
  it('only cdev fds bind to an iommufd', () => {
    sim(gpuPair, 'upstream').unbind(B).vfio(A).openGroup(A).openContainer('c1').setContainer(A, 'c1').setIommu('c1', 'type1').getDeviceFd(A, 'a')
      .openIommufd('io1').bindIommufd('a', 'io1').expectError('EINVAL');
  });
  it('no cdev for a device that is not on a vfio driver', () => {
    sim(gpuPair, 'upstream').openCdev(B, 'b').expectError('ENODEV');
  });
});

describe('upstream group path (6.1, D.6)', () => {
  const held = () => sim(gpuPair, 'upstream').unbind(B).vfio(A).openGroup(A).openContainer('c1').setContainer(A, 'c1').expectOk();
  it('SET_IOMMU: once (EINVAL), only on a container with a group (EINVAL), no VFIO_EXTERNAL_IOMMU (ENODEV)', () => {
    held().setIommu('c1', 'external').expectError('ENODEV').setIommu('c1', 'type1').expectOk().setIommu('c1', 'type1').expectError('EINVAL')
      .openContainer('c2').setIommu('c2', 'type1').expectError('EINVAL');
  });
  it('GET_DEVICE_FD looks the device up first: ENODEV for a non-vfio member even without an IOMMU', () => {
    held().getDeviceFd(B, 'b').expectError('ENODEV').getDeviceFd(A, 'a').expectError('EINVAL');
  });
  it('a container emptied by UNSET_CONTAINER loses its IOMMU and takes the group again', () => {
    held().setIommu('c1', 'type1').unsetContainer(A).expectOk().expectGroup(A).toBe('default').expectGroup(A).toBeOwnedBy('none')
      .setContainer(A, 'c1').expectOk().expectGroup(A).toBe('blocked').setIommu('c1', 'type1').expectOk().expectGroup(A).toBe('container:c1');
  });
  it('closing the container fd releases nothing while a group is attached', () => {
    held().setIommu('c1', 'type1').closeContainer('c1').expectOk().getStatus(A).expectStatus({ viable: true, containerSet: true }).bind(B, 'snd_hda_intel').expectError('EBUSY');
  });
  it('a cdev bound in the group keeps /dev/vfio/N from opening', () => {
    sim(gpuPair, 'upstream').unbind(B).vfio(A).openCdev(A, 'a').openIommufd('io1').bindIommufd('a', 'io1').openGroup(A).expectError('EBUSY');
  });
});
