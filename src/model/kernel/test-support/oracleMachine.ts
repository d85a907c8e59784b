// Test support: an oracle fixture (../shared/oracle) as the machine's inputs. The topology comes from
// the fixture's `lspci -vvv` text through the project's importer; the groups are the kernel's own
// (the IOMMU group lines lspci printed), so the kernel rules are tested on exactly the kernel's groups.
import { parseLspci } from '../../../io/index.ts';
import { loadOracleFixture } from '../../../testing/fixtures.ts';
import { groupingFromKernelListing } from '../../grouping/fromKernelListing.ts';
import type { Grouping } from '../../grouping/types.ts';
import type { Topology } from '../../topology/types.ts';
import type { MachineOptions } from '../types.ts';

export interface OracleMachineInput {
  topology: Topology;
  grouping: Grouping;
  /** Driver refusals lspci cannot show but the harness documents (D.6 item 10). */
  probeRefusals: NonNullable<MachineOptions['probeRefusals']>;
}

/**
 * QEMU's rtl8139 is an 8139C+ (rev 0x20): 8139too refuses it in its probe, 8139cp binds (oracle
 * harness README, "Gotchas"; kernel-semantics D.6 item 10).
 */
function qemuRefusals(topology: Topology): OracleMachineInput['probeRefusals'] {
  const out: Record<string, string[]> = {};
  for (const f of topology.functions) if (f.vendor === 0x10ec && f.device === 0x8139) out[f.bdf] = ['8139too'];
  return out;
}

export function oracleMachineInput(name: string): OracleMachineInput {
  const fixture = loadOracleFixture(name);
  const parsed = parseLspci(fixture.lspci, { source: `${name}/lspci-vvvnn.txt` });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return {
    topology: parsed.topology,
    grouping: groupingFromKernelListing(parsed.topology, parsed.kernelGroups),
    probeRefusals: qemuRefusals(parsed.topology),
  };
}
