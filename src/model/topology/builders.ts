// Builders that make topologies short to write in tests and built-in scenarios:
//   topology(rootPort('00:1c.0', { acs: false }, [multifunction('01:00', 2)]))
// Each builder returns a node with its children; `topology()` flattens the tree, fills in the
// parent bridge and the bridges' bus ranges, and orders functions as the kernel scans them.
import { busOf, formatBdf, normalizeBdf, parseBdf } from './bdf.ts';
import type { AcsBits, AcsCapability, HeaderType, PciFunction, PcieType, SriovInfo, Topology } from './types.ts';

export interface NodeSpec {
  fn: PciFunction;
  children: NodeSpec[];
}

/** Options every builder accepts. `acs: true` = the capability with SV TB RR CR UF DT, kernel-enabled. */
export interface FunctionOptions {
  name?: string;
  vendor?: number | null;
  device?: number | null;
  subsystem?: PciFunction['subsystem'];
  classCode?: number | null;
  multifunction?: boolean;
  acs?: boolean | AcsCapability;
  translated?: boolean;
  driver?: string | null;
  modules?: string[];
  quirks?: PciFunction['quirks'];
  sriov?: SriovInfo;
  physfn?: string;
  slot?: string;
}

const NO_BITS: AcsBits = { sv: false, tb: false, rr: false, cr: false, uf: false, ec: false, dt: false };

/** Builds ACS bits from a string of names like 'sv rr cr uf'. */
export function acsBits(names: string): AcsBits {
  const bits = { ...NO_BITS };
  for (const n of names.toLowerCase().split(/[\s,|]+/).filter(Boolean)) {
    if (!(n in bits)) throw new Error(`unknown ACS bit ${n}`);
    bits[n as keyof AcsBits] = true;
  }
  return bits;
}

/**
 * An ACS capability as QEMU's pcie-root-port has it (SV TB RR CR UF DT) with the control bits the
 * kernel's pci_std_enable_acs() sets (SV RR CR UF; kernel-semantics A.3), unless `ctrl` is given.
 */
export function acsCapability(cap = 'sv tb rr cr uf dt', ctrl?: string): AcsCapability {
  const capBits = acsBits(cap);
  const ctrlBits = ctrl === undefined
    ? { ...NO_BITS, sv: capBits.sv, rr: capBits.rr, cr: capBits.cr, uf: capBits.uf }
    : acsBits(ctrl);
  return { cap: capBits, ctrl: ctrlBits };
}

function resolveAcs(acs: FunctionOptions['acs']): AcsCapability | null {
  if (acs === undefined || acs === false) return null;
  if (acs === true) return acsCapability();
  return acs;
}

function make(
  bdf: string,
  pcieType: PcieType | null,
  headerType: HeaderType,
  defaults: { name: string; classCode: number; vendor?: number; device?: number; driver?: string | null; modules?: string[] },
  opts: FunctionOptions,
  children: NodeSpec[] = [],
): NodeSpec {
  const addr = normalizeBdf(bdf);
  const fn: PciFunction = {
    bdf: addr,
    vendor: opts.vendor === undefined ? (defaults.vendor ?? 0x1b36) : opts.vendor,
    device: opts.device === undefined ? (defaults.device ?? 0x0001) : opts.device,
    classCode: opts.classCode === undefined ? defaults.classCode : opts.classCode,
    name: opts.name ?? defaults.name,
    pcieType,
    headerType,
    // Every function > 0 is multifunction (A.9 item 2), unless it is a VF.
    multifunction: opts.multifunction ?? (opts.physfn === undefined && !addr.endsWith('.0')),
    acs: resolveAcs(opts.acs),
    translated: opts.translated ?? true,
    parent: null,
    driver: opts.driver === undefined ? (defaults.driver ?? null) : opts.driver,
    modules: opts.modules ?? defaults.modules ?? [],
  };
  if (opts.subsystem) fn.subsystem = opts.subsystem;
  if (opts.quirks) fn.quirks = opts.quirks;
  if (opts.sriov) fn.sriov = opts.sriov;
  if (opts.physfn) fn.physfn = normalizeBdf(opts.physfn);
  if (opts.slot) fn.slot = opts.slot;
  return { fn, children };
}

const PORT = { classCode: 0x0604, driver: 'pcieport', modules: [] as string[] };

export const hostBridge = (bdf: string, opts: FunctionOptions = {}) =>
  make(bdf, null, 'normal', { name: 'Host bridge', classCode: 0x0600, vendor: 0x8086, device: 0x29c0 }, opts);

export const rootPort = (bdf: string, opts: FunctionOptions = {}, children: NodeSpec[] = []) =>
  make(bdf, 'root-port', 'bridge', { ...PORT, name: 'PCIe Root Port', device: 0x000c }, opts, children);

export const upstreamPort = (bdf: string, opts: FunctionOptions = {}, children: NodeSpec[] = []) =>
  make(bdf, 'switch-upstream', 'bridge', { ...PORT, name: 'Switch Upstream Port', vendor: 0x104c, device: 0x8232 }, opts, children);

export const downstreamPort = (bdf: string, opts: FunctionOptions = {}, children: NodeSpec[] = []) =>
  make(bdf, 'switch-downstream', 'bridge', { ...PORT, name: 'Switch Downstream Port', vendor: 0x104c, device: 0x8233 }, opts, children);

/** A PCIe-to-PCI bridge (PCI_EXP_TYPE_PCI_BRIDGE): aliases everything below it (A.4). */
export const pcieToPciBridge = (bdf: string, opts: FunctionOptions = {}, children: NodeSpec[] = []) =>
  make(bdf, 'pcie-to-pci-bridge', 'bridge', { name: 'PCIe-to-PCI bridge', classCode: 0x0604, device: 0x000e }, opts, children);

/** A conventional PCI-to-PCI bridge (no PCIe capability). */
export const pciBridge = (bdf: string, opts: FunctionOptions = {}, children: NodeSpec[] = []) =>
  make(bdf, null, 'bridge', { name: 'PCI-to-PCI bridge', classCode: 0x0604, device: 0x0001 }, opts, children);

export const endpoint = (bdf: string, opts: FunctionOptions = {}) =>
  make(bdf, 'endpoint', 'normal', { name: 'PCIe endpoint', classCode: 0x0200, vendor: 0x8086, device: 0x10d3, driver: 'e1000e', modules: ['e1000e'] }, opts);

export const rcEndpoint = (bdf: string, opts: FunctionOptions = {}) =>
  make(bdf, 'rc-endpoint', 'normal', { name: 'Root Complex Integrated Endpoint', classCode: 0x0200, vendor: 0x8086, device: 0x10d3, driver: 'e1000e', modules: ['e1000e'] }, opts);

/** A conventional PCI function (no PCIe capability). */
export const pciDevice = (bdf: string, opts: FunctionOptions = {}) =>
  make(bdf, null, 'normal', { name: 'PCI device', classCode: 0x0200, vendor: 0x8086, device: 0x100e, driver: 'e1000', modules: ['e1000'] }, opts);

/**
 * `count` functions of one slot (`bb:dd` or `dddd:bb:dd`), built with `build` (default: PCIe
 * endpoints). Function 0 gets the multifunction header bit.
 */
export function multifunction(
  slot: string,
  count: number,
  opts: FunctionOptions = {},
  build: (bdf: string, opts: FunctionOptions) => NodeSpec = endpoint,
): NodeSpec[] {
  return Array.from({ length: count }, (_, f) => build(`${slot}.${f}`, { ...opts, multifunction: true }));
}

/** A GPU (VGA, function 0) with its HDMI audio function (function 1), no ACS: the classic pair. */
export function gpuWithAudio(slot: string, opts: FunctionOptions = {}): NodeSpec[] {
  return [
    endpoint(`${slot}.0`, { name: 'VGA controller', classCode: 0x0300, vendor: 0x10de, device: 0x2206, driver: 'nouveau', modules: ['nouveau'], multifunction: true, ...opts }),
    endpoint(`${slot}.1`, { name: 'HDMI audio controller', classCode: 0x0403, vendor: 0x10de, device: 0x1aef, driver: 'snd_hda_intel', modules: ['snd_hda_intel'], multifunction: true, ...opts }),
  ];
}

type Entry = NodeSpec | NodeSpec[];

/** The bus number of a canonical address (`make` made every address canonical). */
const busNumber = (bdf: string) => parseInt(bdf.slice(5, 7), 16);

/**
 * Flattens builder nodes into a topology: each child's parent is the node above it, each bridge's
 * secondary bus is the lowest bus number among its children's and subordinate the highest below.
 * Functions come out sorted by address; the grouping computes the kernel's probe order itself.
 */
export function topology(...entries: Entry[]): Topology {
  const functions: PciFunction[] = [];
  const visit = (node: NodeSpec, parent: PciFunction | null): number => {
    node.fn.parent = node.fn.physfn === undefined ? (parent?.bdf ?? null) : null;
    functions.push(node.fn);
    let maxBus = busNumber(node.fn.bdf);
    if (node.children.length > 0) {
      const buses = node.children.map((c) => busNumber(c.fn.bdf));
      node.fn.secondaryBus = Math.min(...buses);
      for (const child of node.children) maxBus = Math.max(maxBus, visit(child, node.fn));
      node.fn.subordinateBus = maxBus;
    } else if (node.fn.headerType === 'bridge') {
      node.fn.secondaryBus = node.fn.subordinateBus = maxBus + 1;
    }
    return maxBus;
  };
  for (const e of entries.flat()) visit(e, null);
  // A VF sits below its PF's parent bridge (virtual buses are skipped; types.ts PciFunction.parent).
  const byBdf = new Map(functions.map((f) => [f.bdf, f]));
  for (const f of functions) {
    if (f.physfn !== undefined) f.parent = byBdf.get(f.physfn)?.parent ?? null;
  }
  const seen = new Set<string>();
  for (const f of functions) {
    if (seen.has(f.bdf)) throw new Error(`duplicate function ${f.bdf}`);
    seen.add(f.bdf);
  }
  functions.sort((a, b) => (a.bdf < b.bdf ? -1 : 1));
  return { functions };
}

/** SR-IOV: a PF plus `numVfs` VFs at PF_RID + offset + i*stride (A.9 item 3), as sibling nodes. */
export function sriovFunctions(
  pfBdf: string,
  numVfs: number,
  opts: FunctionOptions & { vfOffset?: number; vfStride?: number } = {},
): NodeSpec[] {
  const pfAddress = normalizeBdf(pfBdf);
  const pf = parseBdf(pfAddress)!;
  const { vfOffset = 1, vfStride = 1, ...fnOpts } = opts;
  const pfNode = endpoint(pfAddress, { ...fnOpts, sriov: { totalVfs: Math.max(numVfs, 8), numVfs, vfOffset, vfStride } });
  const rid = (pf.bus << 8) | (pf.dev << 3) | pf.fn;
  // One options object for every VF, its name set per VF: a machine can have thousands of VFs.
  const vfOpts: FunctionOptions = { ...fnOpts, name: '', physfn: pfAddress, multifunction: false, driver: null };
  const vfName = fnOpts.name ?? 'PCIe endpoint';
  const vfs = Array.from({ length: numVfs }, (_, i) => {
    const r = rid + vfOffset + i * vfStride;
    const bdf = formatBdf({ domain: pf.domain, bus: r >> 8, dev: (r >> 3) & 0x1f, fn: r & 7 });
    vfOpts.name = `${vfName} VF ${i}`;
    return endpoint(bdf, vfOpts);
  });
  return [pfNode, ...vfs];
}

/** Index of a topology by address. */
export function indexTopology(t: Topology): Map<string, PciFunction> {
  return new Map(t.functions.map((f) => [f.bdf, f]));
}

/** Functions on each bus `dddd:bb`, in devfn order. */
export function functionsByBus(t: Topology): Map<string, PciFunction[]> {
  const m = new Map<string, PciFunction[]>();
  for (const f of [...t.functions].sort((a, b) => (a.bdf < b.bdf ? -1 : 1))) {
    const bus = busOf(f.bdf);
    const list = m.get(bus);
    if (list) list.push(f);
    else m.set(bus, [f]);
  }
  return m;
}
