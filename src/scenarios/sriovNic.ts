// SR-IOV: a NIC's virtual functions behind a root port with ACS each get a group of their own (the
// usual way to give one VF to each guest); behind a root port without ACS they all share one group.
import { DEFAULT_GROUPING_SETTINGS } from '../model/grouping/types.ts';
import { hostBridge, rootPort, sriovFunctions, topology, type NodeSpec } from '../model/topology/builders.ts';
import type { Scenario } from '../store/scenario.ts';

const PF = { name: 'Ethernet X710', classCode: 0x0200, vendor: 0x8086, device: 0x1572, driver: 'i40e', modules: ['i40e'] };

/** A PF and its VFs, the VFs on the VF driver (iavf) as they come up once sriov_numvfs is written. */
function nicWithVfs(pf: string, vfs: number): NodeSpec[] {
  const [pfNode, ...vfNodes] = sriovFunctions(pf, vfs, { ...PF, vfOffset: 0x10, vfStride: 1 });
  const asVf = (n: NodeSpec, i: number): NodeSpec => ({
    ...n,
    fn: { ...n.fn, name: `Ethernet X710 VF ${i}`, device: 0x154c, driver: 'iavf', modules: ['iavf'] },
  });
  return [pfNode!, ...vfNodes.map(asVf)];
}

export const sriovNic: Scenario = {
  id: 'sriov-nic',
  name: 'SR-IOV NICs with virtual functions',
  description:
    'Eight VFs behind an ACS root port: one group each, collapsed into a stack (click to open). Four VFs behind a root port without ACS share their PF\'s group.',
  topology: topology(
    hostBridge('00:00.0', { name: 'Root complex' }),
    rootPort('00:03.0', { acs: true, name: 'PCIe Root Port 3' }, nicWithVfs('01:00.0', 8)),
    rootPort('00:04.0', { acs: false, name: 'PCIe Root Port 4 (no ACS)' }, nicWithVfs('02:00.0', 4)),
  ),
  groupingSettings: DEFAULT_GROUPING_SETTINGS,
};
