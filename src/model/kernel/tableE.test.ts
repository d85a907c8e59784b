// kernel-semantics E, "Same user action under the three models": every row, for each policy.
// A = 01:00.0 (GPU, nouveau), B = 01:00.1 (HDMI audio, snd_hda_intel), one group below an ACS root port.
import { describe, it } from 'vitest';
import { sim, type Sim } from './sim.ts';
import { bridgedGroup, gpuPair } from './test-support/topologies.ts';

const A = '01:00.0';
const B = '01:00.1';

/** Legacy group path in use: A on vfio-pci with its device fd "a" in type1 container c1. */
const legacyInUse = (s: Sim) =>
  s.vfio(A).openGroup(A).expectOk().openContainer('c1').setContainer(A, 'c1').expectOk().setIommu('c1', 'type1').expectOk().getDeviceFd(A, 'a').expectOk();

/** rfc-v2 new path in use: A bound to iommu fd io1 through GET_DEVICE_FD_NEW as "a". */
const rfcInUse = (s: Sim) =>
  s.vfio(A).openGroup(A).openContainer('c1').setContainer(A, 'c1').setIommu('c1', 'external').expectOk().openIommufd('io1').getDeviceFdNew(A, 'io1', 1, 'a').expectOk();

/** Upstream cdev path in use: A's cdev "a" bound to iommufd io1. */
const cdevInUse = (s: Sim) => s.vfio(A).openCdev(A, 'a').expectOk().openIommufd('io1').bindIommufd('a', 'io1').expectOk();

describe('E row 1: vfio-pci on A while B keeps its host driver', () => {
  it('legacy: OK; GET_STATUS not viable', () => {
    sim(gpuPair, 'legacy').vfio(A).openGroup(A).expectOk().getStatus(A).expectStatus({ viable: false, containerSet: false });
  });
  it('rfc-v2: OK, the vfio part is unchanged', () => {
    sim(gpuPair, 'rfc-v2').vfio(A).openGroup(A).expectOk().getStatus(A).expectStatus({ viable: false, containerSet: false });
  });
  it('upstream: OK (vfio-pci has driver_managed_dma); GET_STATUS not viable because of B', () => {
    sim(gpuPair, 'upstream').vfio(A).expectGroup(A).toBeOwnedBy('kernel').openGroup(A).getStatus(A).expectStatus({ viable: false, containerSet: false });
  });
});

describe('E row 2: obtaining access to A in that state', () => {
  it('legacy: SET_CONTAINER and SET_IOMMU succeed and move B into the user domain; GET_DEVICE_FD EINVAL', () => {
    sim(gpuPair, 'legacy').vfio(A).openGroup(A).openContainer('c1')
      .setContainer(A, 'c1').expectOk().setIommu('c1', 'type1').expectOk()
      .expectGroup(A).toBe('container:c1').expectInvariant('I3', false)
      .getDeviceFd(A, 'a').expectError('EINVAL');
  });
  it('rfc-v2: GET_DEVICE_FD_NEW fails set_block_dma viability with EINVAL; no fd', () => {
    sim(gpuPair, 'rfc-v2').vfio(A).openGroup(A).openContainer('c1').setContainer(A, 'c1').setIommu('c1', 'external')
      .openIommufd('io1').getDeviceFdNew(A, 'io1', 1, 'a').expectError('EINVAL')
      .expectGroup(A).toBe('default').expectInvariant('I3', true);
  });
  it('upstream: SET_CONTAINER EPERM on the group path; BIND_IOMMUFD EPERM on the cdev', () => {
    sim(gpuPair, 'upstream').vfio(A).openGroup(A).openContainer('c1').setContainer(A, 'c1').expectError('EPERM');
    sim(gpuPair, 'upstream').vfio(A).openCdev(A, 'a').openIommufd('io1').bindIommufd('a', 'io1').expectError('EPERM').expectAccess('a', false);
  });
});

describe('E row 3: a host driver binds to B (driverless) while the group is in use', () => {
  it('legacy: the bind succeeds, then BUG_ON', () => {
    legacyInUse(sim(gpuPair, 'legacy').unbind(B)).bind(B, 'snd_hda_intel').expectOk().expectEvent('kernel.bug').expectPanic()
      .expectDriver(B, 'snd_hda_intel').expectInvariant('I5', false);
  });
  it('rfc-v2: the bind succeeds, then the iommu layer BUG_ONs', () => {
    rfcInUse(sim(gpuPair, 'rfc-v2').unbind(B)).expectGroup(A).toBe('blocked').bind(B, 'snd_hda_intel').expectOk().expectPanic().expectDriver(B, 'snd_hda_intel');
  });
  it('upstream: the probe is refused with EBUSY, B stays unbound, no panic', () => {
    cdevInUse(sim(gpuPair, 'upstream').unbind(B)).bind(B, 'snd_hda_intel').expectError('EBUSY').expectDriver(B, null).expectInvariant('I5', true);
    const held = sim(gpuPair, 'upstream').unbind(B).vfio(A).openGroup(A).openContainer('c1').setContainer(A, 'c1').setIommu('c1', 'type1').getDeviceFd(A, 'a').expectOk();
    held.bind(B, 'snd_hda_intel').expectError('EBUSY').override(B, 'snd_hda_intel').probe(B).expectError('EINVAL').expectDriver(B, null);
  });
});

describe('E row 4: pci-stub on B while in use', () => {
  it('legacy: OK (allowed list)', () => {
    legacyInUse(sim(gpuPair, 'legacy').unbind(B)).override(B, 'pci-stub').probe(B).expectOk().expectDriver(B, 'pci-stub').expectInvariant('I5', true);
  });
  it('rfc-v2: OK (same list)', () => {
    rfcInUse(sim(gpuPair, 'rfc-v2').unbind(B)).override(B, 'pci-stub').probe(B).expectOk().expectDriver(B, 'pci-stub').expectInvariant('I5', true);
  });
  it('upstream: OK (driver_managed_dma)', () => {
    cdevInUse(sim(gpuPair, 'upstream').unbind(B)).override(B, 'pci-stub').probe(B).expectOk().expectDriver(B, 'pci-stub');
  });
});

describe('E row 5: a bridge driver binds to a bridge of the group while in use', () => {
  const inUse = (policy: 'legacy' | 'rfc-v2' | 'upstream') => {
    const s = sim(bridgedGroup, policy).unbind('03:00.0').unbind('06:01.0').vfio('03:00.0').openGroup('03:00.0').openContainer('c1').setContainer('03:00.0', 'c1').expectOk();
    if (policy === 'rfc-v2') return s.setIommu('c1', 'external').openIommufd('io1').getDeviceFdNew('03:00.0', 'io1', 1, 'a').expectOk();
    return s.setIommu('c1', 'type1').getDeviceFd('03:00.0', 'a').expectOk();
  };
  it('legacy: OK, a non-normal header is allowed whatever the driver (and I3 breaks: shpchp uses the DMA API)', () => {
    inUse('legacy').unbind('02:00.0').bind('02:00.0', 'pcieport').expectOk().bind('05:01.0', 'shpchp').expectOk().expectInvariant('I5', true).expectInvariant('I3', false);
  });
  it('rfc-v2: OK, bridges are on the allowed list (and I3 breaks the same way)', () => {
    inUse('rfc-v2').unbind('02:00.0').bind('02:00.0', 'pcieport').expectOk().bind('05:01.0', 'shpchp').expectOk().expectInvariant('I5', true).expectInvariant('I3', false);
  });
  it('upstream: pcieport OK (driver_managed_dma); a bridge driver without the flag gets EBUSY', () => {
    inUse('upstream').unbind('02:00.0').bind('02:00.0', 'pcieport').expectOk().bind('05:01.0', 'shpchp').expectError('EBUSY').expectInvariant('I3', true);
  });
});

describe('E row 6: vfio-pci on a bridge', () => {
  for (const policy of ['legacy', 'rfc-v2', 'upstream'] as const) {
    it(`${policy}: vfio-pci's probe refuses it with EINVAL`, () => {
      sim(bridgedGroup, policy).override('05:01.0', 'vfio-pci').bind('05:01.0', 'vfio-pci').expectError('EINVAL')
        .probe('05:01.0').expectOk().expectEvent('driver.probeRefused').expectDriver('05:01.0', null);
    });
  }
});

describe('E row 7: A and B of one group in different address spaces', () => {
  it('legacy: impossible, the group is the unit: one group, one container', () => {
    legacyInUse(sim(gpuPair, 'legacy').vfio(B)).getDeviceFd(B, 'b').expectOk().openContainer('c2').setContainer(A, 'c2').expectError('EINVAL')
      .expectGroup(B).toBe('container:c1').openIommufd('io1').expectError('ENOTTY');
  });
  it('rfc-v2: attaching B to another IOASID than A is refused (EINVAL)', () => {
    rfcInUse(sim(gpuPair, 'rfc-v2').vfio(B)).getDeviceFdNew(B, 'io1', 2, 'b').expectOk().allocIoasid('io1', 'x').allocIoasid('io1', 'y')
      .attach('a', 'x').expectOk().attach('b', 'y').expectError('EINVAL').attach('b', 'x').expectOk().expectGroup(A).toBe('ioasid:x');
  });
  it('upstream: ATTACH_IOMMUFD_PT of B to another page table is EINVAL', () => {
    cdevInUse(sim(gpuPair, 'upstream').vfio(B)).openCdev(B, 'b').bindIommufd('b', 'io1').expectOk().allocIoasid('io1', 'x').allocIoasid('io1', 'y')
      .attach('a', 'x').expectOk().attach('b', 'y').expectError('EINVAL').attach('b', 'x').expectOk();
  });
});

describe('E row 8: B bound but not attached while A is attached to X', () => {
  it('legacy: n/a, there is no per-device attach', () => {
    legacyInUse(sim(gpuPair, 'legacy').unbind(B)).openIommufd('io1').allocIoasid('io1', 'x').attach('a', 'x').expectError('ENOTTY');
  });
  it('rfc-v2: B is translated by X, the whole group moved', () => {
    rfcInUse(sim(gpuPair, 'rfc-v2').vfio(B)).getDeviceFdNew(B, 'io1', 2, 'b').allocIoasid('io1', 'x').attach('a', 'x').expectOk()
      .expectGroup(B).toBe('ioasid:x').expectAccess('b', true).expectInvariant('I1', true);
  });
  it('upstream: B is translated by A\'s page table; iommufd lists B as unattached', () => {
    const s = cdevInUse(sim(gpuPair, 'upstream').vfio(B)).openCdev(B, 'b').bindIommufd('b', 'io1').allocIoasid('io1', 'x').attach('a', 'x').expectOk();
    s.expectGroup(B).toBe('ioasid:x').expectInvariant('I1', true);
    const b = [...s.state.devices.values()].find((d) => d.name === 'b')!;
    if (b.attachedTo !== null) throw new Error('B should not be listed as attached');
  });
});

describe('E row 9: A and B of one group used by two users', () => {
  it('legacy: a second open of the group fd is EBUSY', () => {
    sim(gpuPair, 'legacy').vfio(A).openGroup(A).expectOk().openGroup(B).expectError('EBUSY');
  });
  it('rfc-v2: binding B to another iommu fd is EBUSY (prototype)', () => {
    rfcInUse(sim(gpuPair, 'rfc-v2').vfio(B)).openIommufd('io2').getDeviceFdNew(B, 'io2', 2, 'b').expectError('EBUSY');
  });
  it('upstream: a second BIND to another iommufd is EPERM; mixing the group path and the cdev is EBUSY', () => {
    const s = cdevInUse(sim(gpuPair, 'upstream').vfio(B)).openCdev(B, 'b').openIommufd('io2').bindIommufd('b', 'io2').expectError('EPERM');
    s.openGroup(A).expectError('EBUSY');
    sim(gpuPair, 'upstream').unbind(B).vfio(A).openGroup(A).expectOk().openCdev(A, 'a').openIommufd('io1').bindIommufd('a', 'io1').expectError('EBUSY');
  });
});

describe('E row 10: detaching the last attached device while others stay bound', () => {
  it('legacy: n/a', () => {
    legacyInUse(sim(gpuPair, 'legacy').unbind(B)).detach('a').expectError('ENOTTY');
  });
  it('rfc-v2: the group goes back to the blocked domain', () => {
    rfcInUse(sim(gpuPair, 'rfc-v2').vfio(B)).getDeviceFdNew(B, 'io1', 2, 'b').allocIoasid('io1', 'x').attach('a', 'x')
      .detach('a').expectOk().expectGroup(A).toBe('blocked').expectAccess('b', true);
  });
  it('upstream: the group falls back to the blocking domain', () => {
    cdevInUse(sim(gpuPair, 'upstream').vfio(B)).openCdev(B, 'b').bindIommufd('b', 'io1').allocIoasid('io1', 'x').attach('a', 'x')
      .detach('a').expectOk().expectGroup(A).toBe('blocked');
  });
});

describe('E row 11: closing A\'s fd while B\'s is still open', () => {
  it('legacy: container_users drops, the group stays in the container', () => {
    legacyInUse(sim(gpuPair, 'legacy').vfio(B)).getDeviceFd(B, 'b').closeDevice('a').expectOk().expectGroup(A).toBe('container:c1').expectGroup(A).toBeOwnedBy('container:c1');
  });
  it('rfc-v2: A is unbound, the group keeps block_dma; a host driver on A then BUGs', () => {
    rfcInUse(sim(gpuPair, 'rfc-v2').vfio(B)).getDeviceFdNew(B, 'io1', 2, 'b').closeDevice('a').expectOk().expectGroup(A).toBe('blocked')
      .unbind(A).override(A, null).bind(A, 'nouveau').expectOk().expectPanic();
  });
  it('upstream cdev: A\'s claim is released, the group stays owned; A then takes only a driver_managed_dma driver', () => {
    cdevInUse(sim(gpuPair, 'upstream').vfio(B)).openCdev(B, 'b').bindIommufd('b', 'io1').closeDevice('a').expectOk().expectGroup(A).toBeOwnedBy('iommufd:io1')
      .unbind(A).expectOk().override(A, null).bind(A, 'nouveau').expectError('EBUSY').override(A, 'pci-stub').probe(A).expectDriver(A, 'pci-stub');
  });
  it('upstream group path (6.1): closing a device fd releases nothing (D.6 item 8)', () => {
    sim(gpuPair, 'upstream').unbind(B).vfio(A).openGroup(A).openContainer('c1').setContainer(A, 'c1').setIommu('c1', 'type1').getDeviceFd(A, 'a')
      .closeDevice('a').expectOk().expectGroup(A).toBeOwnedBy('container:c1').bind(B, 'snd_hda_intel').expectError('EBUSY');
  });
});

describe('E row 12: closing the last device and group fd', () => {
  it('legacy: the container dissolves, type1 detaches, the group is back on its default domain', () => {
    legacyInUse(sim(gpuPair, 'legacy').unbind(B)).closeDevice('a').closeGroup(A).expectOk().expectGroup(A).toBe('default').expectGroup(A).toBeOwnedBy('none');
  });
  it('rfc-v2: unset_block_dma, default domain', () => {
    rfcInUse(sim(gpuPair, 'rfc-v2').unbind(B)).closeDevice('a').expectOk().expectGroup(A).toBe('default').expectGroup(A).toBeOwnedBy('none')
      .expectInvariant('I4', true);
  });
  it('upstream: the last release_dma_owner, default domain', () => {
    cdevInUse(sim(gpuPair, 'upstream').unbind(B)).closeDevice('a').expectOk().expectGroup(A).toBe('default').expectGroup(A).toBeOwnedBy('none');
    sim(gpuPair, 'upstream').unbind(B).vfio(A).openGroup(A).openContainer('c1').setContainer(A, 'c1').setIommu('c1', 'type1').getDeviceFd(A, 'a')
      .closeDevice('a').closeGroup(A).expectOk().expectGroup(A).toBe('default').expectGroup(A).toBeOwnedBy('none');
  });
});

describe('E row 13: unbinding vfio-pci from A while A\'s fd is open', () => {
  it('legacy: the unbind blocks (modelled as a refusal)', () => {
    legacyInUse(sim(gpuPair, 'legacy').unbind(B)).unbind(A).expectError('EBUSY').expectDriver(A, 'vfio-pci');
  });
  it('rfc-v2: the same', () => {
    rfcInUse(sim(gpuPair, 'rfc-v2').unbind(B)).unbind(A).expectError('EBUSY').expectDriver(A, 'vfio-pci');
  });
  it('upstream: the same (the vfio core still waits)', () => {
    cdevInUse(sim(gpuPair, 'upstream').unbind(B)).unbind(A).expectError('EBUSY').expectDriver(A, 'vfio-pci');
  });
});

describe('E row 15: device access before a security context exists', () => {
  it('legacy: impossible: GET_DEVICE_FD needs a container, an IOMMU and viability', () => {
    const s = sim(gpuPair, 'legacy').unbind(B).vfio(A).openGroup(A).getDeviceFd(A, 'a').expectError('EINVAL').openContainer('c1').setContainer(A, 'c1');
    s.getDeviceFd(A, 'a').expectError('EINVAL').setIommu('c1', 'type1').getDeviceFd(A, 'a').expectOk().expectGroup(A).toBe('container:c1');
  });
  it('rfc-v2: the fd comes only after block_dma', () => {
    rfcInUse(sim(gpuPair, 'rfc-v2').unbind(B)).expectEvent('group.domainChanged', (e) => e.type === 'group.domainChanged' && e.to === 'blocked')
      .expectEvent('device.accessGranted').expectInvariant('I2', true);
  });
  it('upstream: the cdev opens but grants nothing until BIND_IOMMUFD', () => {
    sim(gpuPair, 'upstream').unbind(B).vfio(A).openCdev(A, 'a').expectOk().expectAccess('a', false).openIommufd('io1').allocIoasid('io1', 'x')
      .attach('a', 'x').expectError('EINVAL').bindIommufd('a', 'io1').expectOk().expectAccess('a', true).expectGroup(A).toBe('blocked');
  });
});

describe('E row 16: asking whether the group is viable', () => {
  it('legacy: VIABLE = every device driverless, vfio, pci-stub or a bridge', () => {
    sim(bridgedGroup, 'legacy').unbind('03:00.0').unbind('06:01.0').vfio('03:00.0').openGroup('03:00.0').getStatus('03:00.0').expectStatus({ viable: true, containerSet: false })
      .bind('05:01.0', 'shpchp').getStatus('03:00.0').expectStatus({ viable: true, containerSet: false })
      .bind('06:01.0', 'e1000').getStatus('03:00.0').expectStatus({ viable: false, containerSet: false });
  });
  it('rfc-v2: not exposed by the plan; GET_STATUS stays legacy\'s and the block_dma check runs at first bind', () => {
    const s = sim(gpuPair, 'rfc-v2').unbind(B).override(B, 'pci-stub').probe(B).vfio(A).openGroup(A).getStatus(A).expectStatus({ viable: true, containerSet: false });
    s.openContainer('c1').setContainer(A, 'c1').setIommu('c1', 'external').openIommufd('io1').getDeviceFdNew(A, 'io1', 1).expectOk();
  });
  it('upstream: VIABLE = no kernel DMA-API driver in the group (pcieport is fine)', () => {
    sim(bridgedGroup, 'upstream').unbind('03:00.0').unbind('06:01.0').vfio('03:00.0').openGroup('03:00.0').getStatus('03:00.0').expectStatus({ viable: true, containerSet: false })
      .bind('05:01.0', 'shpchp').getStatus('03:00.0').expectStatus({ viable: false, containerSet: false });
  });
});
