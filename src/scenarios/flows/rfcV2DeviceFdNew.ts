// The seed mail's new path as commands: a container set to VFIO_EXTERNAL_IOMMU, an iommu fd, and
// VFIO_GROUP_GET_DEVICE_FD_NEW(iommu_fd, cookie), which binds the device and blocks its group's DMA;
// then an IOASID the device attaches to. Shared by the store's tests and the end-to-end tests.
import type { Command } from '../../model/kernel/commands.ts';

/** Up to the bind: the group is in the blocked domain afterwards (block_dma set). */
export function rfcV2BindFlow(bdf: string): Command[] {
  return [
    { op: 'container.open', as: 'c1' },
    { op: 'group.open', bdf },
    { op: 'group.setContainer', bdf, container: 'c1' },
    { op: 'container.setIommu', container: 'c1', type: 'external' },
    { op: 'iommufd.open', as: 'io1' },
    { op: 'group.getDeviceFdNew', bdf, iommufd: 'io1', cookie: 1, as: 'gpu' },
  ];
}

/** The bind, then an IOASID "x" the device "gpu" attaches to: the group moves into x's domain. */
export function rfcV2AttachFlow(bdf: string): Command[] {
  return [...rfcV2BindFlow(bdf), { op: 'ioasid.alloc', iommufd: 'io1', as: 'x' }, { op: 'device.attach', device: 'gpu', ioasid: 'x' }];
}
