// Every oracle fixture: what parseLspci reads from the real kernel's lspci text must equal what
// the kernel itself reported in kernel.json, field by field.
import { describe, expect, it } from 'vitest';
import type { PciFunction } from '../../model/topology/types.ts';
import { oracleFixtures, type OracleDevice, type OracleFixture } from '../../testing/fixtures.ts';
import { parseGroupListing } from '../groups/parseGroupListing.ts';
import { parseLspci, type LspciImport } from './parseLspci.ts';
import { acsBitsOfNames, pcieTypeOfWords } from './vocabulary.ts';

/** kernel.json prints bus numbers as hex strings although its loader types them as numbers. */
const busNumber = (n: number | string) => parseInt(String(n), 16);

/** The fields the kernel reported, in the model's terms (multifunction is compared separately). */
function expectedOf(d: OracleDevice) {
  const [vendor, device] = d.vendor_device.split(':').map((h) => parseInt(h, 16));
  return {
    bdf: d.bdf,
    vendor,
    device,
    classCode: parseInt(d.class, 16),
    pcieType: d.pcie_type === null ? null : pcieTypeOfWords(d.pcie_type),
    headerType: d.header_type === 1 ? 'bridge' : 'normal',
    parent: d.parent,
    secondaryBus: d.bus ? busNumber(d.bus.secondary) : undefined,
    subordinateBus: d.bus ? busNumber(d.bus.subordinate) : undefined,
    acs: d.acs ? { cap: acsBitsOfNames(d.acs.cap), ctrl: acsBitsOfNames(d.acs.ctl) } : null,
    physfn: d.physfn ?? undefined,
    driver: d.driver,
    kernelGroup: d.iommu_group ?? undefined,
    translated: true,
  };
}

function actualOf(f: PciFunction) {
  return {
    bdf: f.bdf,
    vendor: f.vendor,
    device: f.device,
    classCode: f.classCode,
    pcieType: f.pcieType,
    headerType: f.headerType,
    parent: f.parent,
    secondaryBus: f.secondaryBus,
    subordinateBus: f.subordinateBus,
    acs: f.acs,
    physfn: f.physfn,
    driver: f.driver,
    kernelGroup: f.kernelGroup,
    translated: f.translated,
  };
}

function imported(fixture: OracleFixture): Extract<LspciImport, { ok: true }> {
  const result = parseLspci(fixture.lspci, { source: `${fixture.name}/lspci-vvvnn.txt` });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

function kernelGroupMap(fixture: OracleFixture): Map<string, number> {
  return new Map(Object.entries(fixture.kernel.groups).flatMap(([n, bdfs]) => bdfs.map((b) => [b, Number(n)] as const)));
}

describe.each(oracleFixtures().map((f) => [f.name, f] as const))('oracle fixture %s', (_name, fixture) => {
  const result = imported(fixture);
  const byBdf = new Map(result.topology.functions.map((f) => [f.bdf, f]));

  it('reads every function the kernel has, and no other', () => {
    expect([...byBdf.keys()].sort()).toEqual(fixture.kernel.devices.map((d) => d.bdf).sort());
  });

  it('reads ids, class, PCIe type, header, parent, bus range, ACS, physfn, driver and group as the kernel reports them', () => {
    for (const d of fixture.kernel.devices) expect(actualOf(byBdf.get(d.bdf)!)).toEqual(expectedOf(d));
  });

  it("reads SR-IOV numbers of every PF the kernel enabled VFs on", () => {
    for (const d of fixture.kernel.devices.filter((x) => x.sriov)) {
      expect(byBdf.get(d.bdf)!.sriov).toMatchObject({ totalVfs: d.sriov!.total_vfs, numVfs: d.sriov!.num_vfs });
    }
  });

  it("reads multifunction as the kernel's, except a function 0 whose bit only the header shows, which is warned about where it decides groups", () => {
    for (const d of fixture.kernel.devices) {
      const f = byBdf.get(d.bdf)!;
      if (f.multifunction === d.multifunction) continue;
      // Only the invisible header bit of a function 0 without visible siblings may differ (A.9 item 2).
      expect({ bdf: d.bdf, header: d.header_multifunction, function0: d.bdf.endsWith('.0'), read: f.multifunction }).toEqual({ bdf: d.bdf, header: true, function0: true, read: false });
      const decidesGroups = d.pcie_type === 'Upstream Port' && d.acs === null;
      if (decidesGroups) expect(result.warnings.some((w) => w.bdf === d.bdf && w.message.includes('lspci -xxx'))).toBe(true);
    }
  });

  it("returns the lspci text's IOMMU group lines as the kernel's groups", () => {
    expect(result.kernelGroups).toEqual(kernelGroupMap(fixture));
  });

  it('reads iommu-groups.txt into the same groups', () => {
    const listing = parseGroupListing(fixture.groupsListing);
    expect(listing.ok && listing.groups).toEqual(kernelGroupMap(fixture));
    expect(listing.ok && listing.warnings).toEqual([]);
  });
});

describe('oracle specifics', () => {
  it('u: warns that the hidden multifunction bit of upstream port 01:00.0 decides whether the switch is one group', () => {
    const result = imported(oracleFixtures().find((f) => f.name.startsWith('u-'))!);
    const warning = result.warnings.find((w) => w.bdf === '0000:01:00.0');
    expect(warning?.message).toMatch(/01:00\.0 \(a switch upstream port without ACS isolation\) is function 0 .*lspci -xxx -s 0000:01:00\.0/);
    expect(warning?.line).toBe(186);
    expect(result.gaps).toContain('multifunction-bit');
  });

  it('o: recovers the ACPI order of the expander root buses from the group numbers (bus 40 before bus 20)', () => {
    const result = imported(oracleFixtures().find((f) => f.name.startsWith('o-'))!);
    expect(result.topology.rootBusOrder).toEqual(['0000:00', '0000:40', '0000:20']);
  });

  it('n: recovers the order the VFs were enabled in from the VF-only groups (05:00.0 before 00:05.0)', () => {
    const fixture = oracleFixtures().find((f) => f.name.startsWith('n-'))!;
    expect(imported(fixture).topology.sriovEnableOrder).toEqual(['0000:05:00.0', '0000:00:05.0']);
  });

  it("every recovered VF-enable order follows the harness's own enable log", () => {
    for (const fixture of oracleFixtures()) {
      const log = ((fixture.kernel as unknown as { sriov?: string[] }).sriov ?? []).map((line) => line.split(' ')[0]!);
      const order = imported(fixture).topology.sriovEnableOrder ?? [];
      expect(order.filter((pf) => log.includes(pf))).toEqual(order);
      expect(order).toEqual(log.filter((pf) => order.includes(pf)));
    }
  });

  it('reads the Subsystem ids of -nn output', () => {
    const fixture = oracleFixtures().find((f) => f.name.startsWith('n-'))!;
    const byBdf = new Map(imported(fixture).topology.functions.map((f) => [f.bdf, f]));
    expect(byBdf.get('0000:00:00.0')!.subsystem).toEqual({ vendor: 0x1af4, device: 0x1100 });
    expect(byBdf.get('0000:00:02.0')!.subsystem).toEqual({ vendor: 0x1b36, device: 0x0000 });
  });

  it('a fixture read in full has no warnings unless a hidden multifunction bit could matter', () => {
    for (const fixture of oracleFixtures()) {
      const result = imported(fixture);
      expect(result.warnings.filter((w) => !w.message.includes('lspci -xxx'))).toEqual([]);
    }
  });
});
