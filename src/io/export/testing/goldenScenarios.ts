// Test support: the scenarios whose exports are kept as golden files. Built here from builders and
// oracle fixtures rather than taken from src/scenarios, so the files change only when the exports
// or the model's own sentences (quoted in traces and legends) do; then read them again by eye.
import { computeGroups } from '../../../model/grouping/computeGroups.ts';
import { endpoint, hostBridge, rootPort, topology } from '../../../model/topology/builders.ts';
import { syntheticTopology } from '../../../model/topology/synthetic.ts';
import { loadOracleFixture } from '../../../testing/fixtures.ts';
import type { ExportScenario } from '../runScenario.ts';
import { lspciScenario } from './lspciScenario.ts';

const gpuMachine = topology(
  hostBridge('00:00.0', { name: 'Root complex' }),
  rootPort('00:01.0', { acs: true, name: 'PCIe Root Port 1' }, [
    endpoint('01:00.0', { name: 'NVIDIA Corporation GA102 [GeForce RTX 3080]', classCode: 0x0300, vendor: 0x10de, device: 0x2206, driver: 'nouveau', modules: ['nouveau'], multifunction: true }),
    endpoint('01:00.1', { name: 'NVIDIA Corporation GA102 High Definition Audio Controller', classCode: 0x0403, vendor: 0x10de, device: 0x1aef, driver: 'snd_hda_intel', modules: ['snd_hda_intel'], multifunction: true }),
  ]),
  rootPort('00:02.0', { acs: true, name: 'PCIe Root Port 2' }, [
    endpoint('02:00.0', { name: 'Samsung Electronics Co Ltd NVMe SSD Controller 980 PRO', classCode: 0x0108, vendor: 0x144d, device: 0xa80a, driver: 'nvme', modules: ['nvme'] }),
  ]),
);

const toVfio = (bdf: string) => [
  { op: 'driver.unbind', bdf },
  { op: 'driver.override', bdf, driver: 'vfio-pci' },
  { op: 'driver.probe', bdf },
];

/** Upstream: the GPU through a type1 container once its audio function is off its driver, the NVMe drive through its cdev and an IOAS. */
export const gpuUpstream: ExportScenario = {
  name: 'GPU + HDMI audio and an NVMe drive, upstream',
  topology: gpuMachine,
  grouping: computeGroups(gpuMachine),
  groupsFrom: 'computed',
  settings: { policy: 'upstream', acsOverride: [], strictSwitch: false },
  commands: [
    ...toVfio('01:00.0'),
    { op: 'container.open', as: 'c1' },
    { op: 'group.open', bdf: '01:00.0' },
    { op: 'group.getStatus', bdf: '01:00.0' },
    { op: 'group.setContainer', bdf: '01:00.0', container: 'c1' },
    { op: 'driver.unbind', bdf: '01:00.1' },
    { op: 'group.setContainer', bdf: '01:00.0', container: 'c1' },
    { op: 'container.setIommu', container: 'c1', type: 'type1' },
    { op: 'group.getDeviceFd', bdf: '01:00.0', as: 'gpu' },
    { op: 'driver.bind', bdf: '01:00.1', driver: 'snd_hda_intel' },
    ...toVfio('02:00.0'),
    { op: 'iommufd.open', as: 'fd' },
    { op: 'ioasid.alloc', iommufd: 'fd', as: 'ioas' },
    { op: 'cdev.open', bdf: '02:00.0', as: 'nvme' },
    { op: 'cdev.bindIommufd', device: 'nvme', iommufd: 'fd' },
    { op: 'device.attach', device: 'nvme', ioasid: 'ioas' },
  ],
};

/** The RFC's new path on the same machine: GET_DEVICE_FD_NEW refused while the audio function keeps its driver. */
export const gpuRfcV2: ExportScenario = {
  ...gpuUpstream,
  name: 'GPU + HDMI audio, the /dev/ioasid RFC v2 path',
  settings: { ...gpuUpstream.settings, policy: 'rfc-v2' },
  commands: [
    ...toVfio('01:00.0'),
    { op: 'container.open', as: 'c1' },
    { op: 'group.open', bdf: '01:00.0' },
    { op: 'group.setContainer', bdf: '01:00.0', container: 'c1' },
    { op: 'container.setIommu', container: 'c1', type: 'external' },
    { op: 'iommufd.open', as: 'ioasid_fd' },
    { op: 'group.getDeviceFdNew', bdf: '01:00.0', iommufd: 'ioasid_fd', cookie: 1, as: 'gpu' },
    { op: 'driver.unbind', bdf: '01:00.1' },
    { op: 'group.getDeviceFdNew', bdf: '01:00.0', iommufd: 'ioasid_fd', cookie: 1, as: 'gpu' },
    { op: 'ioasid.alloc', iommufd: 'ioasid_fd', as: 'gpa' },
    { op: 'device.attach', device: 'gpu', ioasid: 'gpa' },
    { op: 'driver.bind', bdf: '01:00.1', driver: 'snd_hda_intel' },
    { op: 'device.close', device: 'gpu' },
  ],
};

/** Legacy VFIO on the oracle's two-function endpoint: a host driver bound into a live group is a BUG. */
export function legacyBug(): ExportScenario {
  return {
    ...lspciScenario('b-multifunction', loadOracleFixture('b-multifunction').lspci),
    name: 'b-multifunction: host driver bound into a group in use, legacy',
    settings: { policy: 'legacy', acsOverride: [], strictSwitch: false },
    commands: [
      ...toVfio('01:00.0'),
      { op: 'driver.unbind', bdf: '01:00.1' },
      { op: 'container.open', as: 'c1' },
      { op: 'group.open', bdf: '01:00.0' },
      { op: 'group.setContainer', bdf: '01:00.0', container: 'c1' },
      { op: 'container.setIommu', container: 'c1', type: 'type1' },
      { op: 'group.getDeviceFd', bdf: '01:00.0', as: 'device' },
      { op: 'driver.bind', bdf: '01:00.1', driver: 'e1000e' },
      { op: 'group.getDeviceFd', bdf: '01:00.0', as: 'second' },
    ],
  };
}

export function oracleScenario(name: string): ExportScenario {
  return lspciScenario(name, loadOracleFixture(name).lspci);
}

const synthetic = syntheticTopology(120);

/** A generated server: switches, GPUs, an SR-IOV NIC whose VFs collapse into one line. */
export const synthetic120: ExportScenario = {
  name: 'Synthetic server, 120 functions',
  topology: synthetic,
  grouping: computeGroups(synthetic),
  groupsFrom: 'computed',
  settings: { policy: 'upstream', acsOverride: [], strictSwitch: false },
  commands: [],
};
