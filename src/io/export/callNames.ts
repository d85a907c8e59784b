// Each command as the call a program makes: the sysfs write, open(2), close(2) or ioctl with the
// fds it passes, named per policy (the RFC's /dev/ioasid and IOASID_* ioctls, upstream's /dev/iommu,
// IOMMU_* and the VFIO cdev ioctls). An op a policy does not define keeps the name of the design
// that has it; the model answers ENOTTY, as the kernel answers an ioctl it does not know.
import type { Command } from '../../model/kernel/commands.ts';
import { driverOf } from '../../model/kernel/state.ts';
import type { MachineState, PolicyName } from '../../model/kernel/types.ts';
import { shortBdf } from '../../model/topology/bdf.ts';
import type { StepFds } from './fileDescriptors.ts';
import { ascii, clip, quotedName } from './plainText.ts';

/** A driver's name as a path component; a name too long for a line is a name no kernel has. */
const driverPath = (driver: string) => clip(ascii(driver), 40);

/** A sysfs write as a shell line; the kernel wants full addresses there. */
function sysfs(command: Extract<Command, { op: `driver.${string}` }>, before: MachineState): string {
  const dev = `/sys/bus/pci/devices/${command.bdf}`;
  switch (command.op) {
    case 'driver.bind':
      return `echo ${command.bdf} > /sys/bus/pci/drivers/${driverPath(command.driver)}/bind`;
    case 'driver.unbind': {
      const driver = driverOf(before, command.bdf);
      return driver === null ? `echo ${command.bdf} > ${dev}/driver/unbind` : `echo ${command.bdf} > /sys/bus/pci/drivers/${driverPath(driver)}/unbind`;
    }
    case 'driver.override':
      return command.driver === null ? `echo > ${dev}/driver_override` : `echo ${driverPath(command.driver)} > ${dev}/driver_override`;
    case 'driver.probe':
      return `echo ${command.bdf} > /sys/bus/pci/drivers_probe`;
  }
}

/** The IOASID words of a design: the RFC's /dev/ioasid, else upstream's iommufd. */
function ioasidWords(policy: PolicyName) {
  return policy === 'rfc-v2'
    ? { fd: 'ioasid_fd', node: '/dev/ioasid', alloc: 'IOASID_ALLOC', nested: 'IOASID_CREATE_NESTING', free: 'IOASID_FREE', attach: 'VFIO_DEVICE_ATTACH_IOASID', detach: 'VFIO_DEVICE_DETACH_IOASID', id: 'ioasid' }
    : { fd: 'iommufd', node: '/dev/iommu', alloc: 'IOMMU_IOAS_ALLOC', nested: 'IOMMU_HWPT_ALLOC', free: 'IOMMU_DESTROY', attach: 'VFIO_DEVICE_ATTACH_IOMMUFD_PT', detach: 'VFIO_DEVICE_DETACH_IOMMUFD_PT', id: 'ioas' };
}

/** The call, e.g. `VFIO_GROUP_SET_CONTAINER(group_fd 4, container_fd 3)`. */
export function callText(command: Command, before: MachineState, fds: StepFds): string {
  const policy = before.static.policy;
  const w = ioasidWords(policy);
  const arg = (name: string) => fds.args[name] ?? -1;
  const group = `group_fd ${fds.group}`;
  switch (command.op) {
    case 'driver.bind':
    case 'driver.unbind':
    case 'driver.override':
    case 'driver.probe':
      return sysfs(command, before);
    case 'group.open': {
      const g = before.static.grouping.groupOf.get(command.bdf);
      return `open("/dev/vfio/${g ?? '?'}", O_RDWR)`;
    }
    case 'group.close':
      return `close(${fds.group})`;
    case 'group.getStatus':
      return `VFIO_GROUP_GET_STATUS(${group})`;
    case 'container.open':
      return 'open("/dev/vfio/vfio", O_RDWR)';
    case 'container.close':
      return `close(${arg('container')})`;
    case 'group.setContainer':
      return `VFIO_GROUP_SET_CONTAINER(${group}, container_fd ${arg('container')})`;
    case 'group.unsetContainer':
      return `VFIO_GROUP_UNSET_CONTAINER(${group})`;
    case 'container.setIommu':
      return `VFIO_SET_IOMMU(container_fd ${arg('container')}, ${command.type === 'type1' ? 'VFIO_TYPE1v2_IOMMU' : 'VFIO_EXTERNAL_IOMMU'})`;
    case 'group.getDeviceFd':
      return `VFIO_GROUP_GET_DEVICE_FD(${group}, dev ${shortBdf(command.bdf)})`;
    case 'group.getDeviceFdNew':
      return `VFIO_GROUP_GET_DEVICE_FD_NEW(${group}, dev ${shortBdf(command.bdf)}, ${w.fd} ${arg('iommufd')}, cookie ${command.cookie})`;
    case 'iommufd.open':
      return `open("${w.node}", O_RDWR)`;
    case 'ioasid.alloc':
      return command.parent === undefined
        ? `${w.alloc}(${w.fd} ${arg('iommufd')}) as ${quotedName(command.as)}`
        : `${w.nested}(${w.fd} ${arg('iommufd')}, parent ${quotedName(command.parent)}) as ${quotedName(command.as)}`;
    case 'ioasid.free':
      return `${w.free}(${w.id} ${quotedName(command.ioasid)})`;
    case 'device.attach':
      return `${w.attach}(device_fd ${arg('device')}, ${w.id} ${quotedName(command.ioasid)})`;
    case 'device.detach':
      return `${w.detach}(device_fd ${arg('device')})`;
    case 'device.close':
      return `close(${arg('device')})`;
    case 'cdev.open':
      // The cdev's number is its registration order among vfio devices, which the model does not keep.
      return `open("/dev/vfio/devices/vfioX" of ${shortBdf(command.bdf)}, O_RDWR)`;
    case 'cdev.bindIommufd':
      return `VFIO_DEVICE_BIND_IOMMUFD(device_fd ${arg('device')}, iommufd ${arg('iommufd')})`;
  }
}

/** The name the scenario gives the fd a command opens, shown with its number: `= 5 ("fd1")`. */
export function createdName(command: Command): string | null {
  return 'as' in command && command.op !== 'ioasid.alloc' ? command.as : null;
}
