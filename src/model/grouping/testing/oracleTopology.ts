// Test support: the oracle's kernel.json (../shared/oracle/*/kernel.json, described in its README)
// as a Topology, built only from what the kernel read from config space plus the harness's own
// inputs (root-bus order from the kernel's numbering, VF enable order from its log).
import type { OracleDevice, OracleKernelJson } from '../../../testing/fixtures.ts';
import { bdfParts, busOf } from '../../topology/bdf.ts';
import { acsBitsOfNames, pcieTypeOfWords } from '../../../io/lspci/vocabulary.ts';
import type { PciFunction, PcieType, Topology } from '../../topology/types.ts';

function pcieType(word: string | null, bdf: string): PcieType | null {
  if (word === null) return null;
  const type = pcieTypeOfWords(word);
  if (!type) throw new Error(`${bdf}: unknown PCIe type "${word}"`);
  return type;
}

const rid = (bdf: string) => {
  const p = bdfParts(bdf);
  return (p.bus << 8) | (p.dev << 3) | p.fn;
};

/**
 * The kernel's multifunction flag from the header bit (A.9 item 2): set for a function 0 with the
 * header bit, for every function > 0 the slot scan found, never for a VF.
 */
export function kernelMultifunction(d: OracleDevice): boolean {
  if (d.physfn !== null) return false;
  return d.header_multifunction || bdfParts(d.bdf).fn > 0;
}

function toFunction(d: OracleDevice, all: OracleDevice[]): PciFunction {
  const [vendor, device] = d.vendor_device.split(':').map((h) => parseInt(h, 16));
  const fn: PciFunction = {
    bdf: d.bdf,
    vendor: vendor!,
    device: device!,
    classCode: parseInt(d.class, 16),
    name: d.name,
    pcieType: pcieType(d.pcie_type, d.bdf),
    headerType: d.header_type === 1 ? 'bridge' : d.header_type === 2 ? 'cardbus' : 'normal',
    multifunction: kernelMultifunction(d),
    acs: d.acs === null ? null : { cap: acsBitsOfNames(d.acs.cap), ctrl: acsBitsOfNames(d.acs.ctl) },
    // Listed in a group or not (A.9 item 11: functions a listing leaves out are untranslated).
    translated: d.iommu_group !== null,
    parent: d.parent,
    driver: d.driver,
    modules: [],
  };
  if (d.bus) {
    fn.secondaryBus = parseInt(String(d.bus.secondary), 16);
    fn.subordinateBus = parseInt(String(d.bus.subordinate), 16);
  }
  if (d.physfn !== null) fn.physfn = d.physfn;
  if (d.sriov) {
    // VF i sits at PF RID + offset + i * stride; recover offset and stride from the VFs present.
    const vfRids = all.filter((v) => v.physfn === d.bdf).map((v) => rid(v.bdf)).sort((a, b) => a - b);
    fn.sriov = {
      totalVfs: d.sriov.total_vfs,
      numVfs: d.sriov.num_vfs,
      vfOffset: vfRids.length > 0 ? vfRids[0]! - rid(d.bdf) : 0,
      vfStride: vfRids.length > 1 ? vfRids[1]! - vfRids[0]! : 1,
    };
  }
  return fn;
}

/**
 * Root buses in the order the kernel scanned them, read off its group numbers: a root bus whose
 * functions got lower numbers was scanned first (A.9 item 1; oracle o scans 0x40 before 0x20).
 */
export function rootBusOrderFromNumbering(devices: OracleDevice[]): string[] {
  const byBdf = new Map(devices.map((d) => [d.bdf, d]));
  const rootOf = (d: OracleDevice): string => (d.parent === null ? busOf(d.bdf) : rootOf(byBdf.get(d.physfn ?? d.parent)!));
  const first = new Map<string, number>();
  for (const d of devices) {
    if (d.physfn !== null || d.iommu_group === null) continue;
    const root = rootOf(d);
    first.set(root, Math.min(first.get(root) ?? Infinity, d.iommu_group));
  }
  return [...first].sort((a, b) => a[1] - b[1]).map(([root]) => root);
}

/** The PFs in the order the harness wrote their sriov_numvfs (`sriov` log lines "<bdf> numvfs=N ..."). */
function sriovEnableOrder(kernel: OracleKernelJson & { sriov?: string[] | null }): string[] {
  return (kernel.sriov ?? []).map((line) => line.split(' ')[0]!);
}

export function oracleTopology(kernel: OracleKernelJson): Topology {
  return {
    functions: kernel.devices.map((d) => toFunction(d, kernel.devices)),
    rootBusOrder: rootBusOrderFromNumbering(kernel.devices),
    sriovEnableOrder: sriovEnableOrder(kernel),
  };
}
