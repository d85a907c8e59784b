// Realistic command logs for the benchmark: what a passthrough tool does to hand devices to a VM
// through the legacy VFIO group path, one group after another, and back.
import type { Grouping } from '../src/model/grouping/types.ts';
import type { Topology } from '../src/model/topology/types.ts';

/** About `count` commands that pass single-device groups' devices through and release them again. */
export function passthroughLog(topology: Topology, grouping: Grouping, count: number): unknown[] {
  const byBdf = new Map(topology.functions.map((f) => [f.bdf, f]));
  const candidates = grouping.groups
    .filter((g) => g.devices.length === 1)
    .map((g) => byBdf.get(g.devices[0]!)!)
    .filter((f) => f.headerType === 'normal' && f.driver !== null && f.sriov === undefined);
  const log: unknown[] = [];
  for (let i = 0; log.length < count; i++) {
    const f = candidates[i % candidates.length]!;
    const n = `${i}`;
    log.push(
      { op: 'driver.unbind', bdf: f.bdf },
      { op: 'driver.override', bdf: f.bdf, driver: 'vfio-pci' },
      { op: 'driver.probe', bdf: f.bdf },
      { op: 'container.open', as: `c${n}` },
      { op: 'group.open', bdf: f.bdf },
      { op: 'group.setContainer', bdf: f.bdf, container: `c${n}` },
      { op: 'container.setIommu', container: `c${n}`, type: 'type1' },
      { op: 'group.getDeviceFd', bdf: f.bdf, as: `d${n}` },
      { op: 'device.close', device: `d${n}` },
      { op: 'group.unsetContainer', bdf: f.bdf },
      { op: 'group.close', bdf: f.bdf },
      { op: 'container.close', container: `c${n}` },
      { op: 'driver.unbind', bdf: f.bdf },
      { op: 'driver.override', bdf: f.bdf, driver: null },
      { op: 'driver.probe', bdf: f.bdf },
    );
  }
  return log.slice(0, count);
}
