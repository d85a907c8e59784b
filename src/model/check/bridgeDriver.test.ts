// A bridge in the group with a driver that lacks driver_managed_dma: shpchp on a PCIe-to-PCI
// bridge with an SHPC hot-plug controller, as the real kernel binds it (oracle topology o, Linux
// 6.1). The RFC's allowed list is vfio's, which admits any driver on a bridge (kernel-semantics
// B.2, C.3 item 2), so its new path alone lets a user reach a device while shpchp, a kernel
// DMA-API driver, stays bound in the group: I3 breaks without type1. Upstream refuses the claim
// (EPERM, D.1: "disallows some unsafe bridge drivers to bind to non-ACS bridges").
import { describe, expect, it } from 'vitest';
import { replay } from '../kernel/replay.ts';
import type { PolicyName } from '../kernel/types.ts';
import { checkSteps, type CheckReport } from './check.ts';
import { runToEnd } from './run.ts';
import type { CheckSettingsInput } from './settings.ts';
import { loadScenario, SHPC_BRIDGE } from './testing/worlds.ts';

const scenario = loadScenario(SHPC_BRIDGE);
const check = (policy: PolicyName, settings: CheckSettingsInput = {}): CheckReport =>
  runToEnd(checkSteps({ topology: scenario.topology, grouping: scenario.grouping, policy, settings: { ...scenario.check, ...settings } }));

describe('a bridge bound to shpchp in the group', () => {
  it('rfc-v2 without type1 breaks I3 on its new path: GET_DEVICE_FD_NEW finds the group viable', () => {
    const r = check('rfc-v2', { without: ['type1'] });
    expect(r.complete).toBe(true);
    const i3 = r.invariants.find((i) => i.id === 'I3')!;
    expect(i3.holds).toBe(false);
    expect(i3.counterexample!.map((c) => c.op)).toEqual([
      'driver.unbind',
      'driver.override',
      'driver.probe',
      'container.open',
      'iommufd.open',
      'group.open',
      'group.setContainer',
      'container.setIommu',
      'group.getDeviceFdNew',
    ]);
    expect(i3.message).toContain('0000:01:00.0 is bound to shpchp');
    const replayed = replay(scenario.topology, scenario.grouping, i3.counterexample!, 'rfc-v2');
    expect(replayed.ok && replayed.report.invariants.find((i) => i.id === 'I3')).toMatchObject({ holds: false, step: 9 });
  });

  it('upstream keeps all five', () => {
    const r = check('upstream');
    expect(r.complete).toBe(true);
    expect(r.invariants.every((i) => i.holds)).toBe(true);
  });
});
