// A topology as short as a link can carry it: one array per function instead of an object with
// twenty keys, the parent as an index, the PCIe type, header, multifunction and translated facts in
// one number, ACS as two bit masks. Rare facts (SR-IOV, quirks, bus numbers, slot) keep the
// structured form's names in a trailing object. Decoding checks the shape and hands back the
// structured form, which the scenario reader then checks like any file.
import { z } from 'zod';
import { shortBdf } from '../../model/topology/bdf.ts';
import type { AcsBits, PciFunction, PcieType, Topology } from '../../model/topology/types.ts';

const PCIE_TYPES: readonly (PcieType | null)[] = [null, 'endpoint', 'legacy-endpoint', 'rc-endpoint', 'rc-event-collector', 'root-port', 'switch-upstream', 'switch-downstream', 'pcie-to-pci-bridge', 'pci-to-pcie-bridge'];
const HEADERS = ['normal', 'bridge', 'cardbus'] as const;
const ACS_ORDER: readonly (keyof AcsBits)[] = ['sv', 'tb', 'rr', 'cr', 'uf', 'ec', 'dt'];
/** Facts most functions lack, kept under their own names. */
const RARE = ['subsystem', 'quirks', 'sriov', 'physfn', 'secondaryBus', 'subordinateBus', 'slot', 'kernelGroup'] as const;

const bitsOf = (b: AcsBits) => ACS_ORDER.reduce((m, k, i) => m | (b[k] ? 1 << i : 0), 0);
const bitsFrom = (m: number): AcsBits => Object.fromEntries(ACS_ORDER.map((k, i) => [k, (m & (1 << i)) !== 0])) as unknown as AcsBits;

const int = z.number().int();
const compactFunction = z.tuple([
  z.string(), // address, domain 0000 left out
  z.union([int.min(-1), z.string()]), // parent: index, -1 for none, or an address outside the topology
  int.min(-1), // vendor, -1 unknown
  int.min(-1), // device
  int.min(-1), // class code
  z.string(), // name
  int.min(0).max(255), // PCIe type | header << 4 | multifunction << 6 | translated << 7
  z.union([z.literal(0), z.tuple([int, int]), z.tuple([int, int, z.union([z.literal(0), z.literal(1)])])]), // ACS cap, ctrl[, ctrl assumed]
  z.union([z.literal(0), z.string()]), // driver, 0 for none
  z.array(z.string()), // modules
]).rest(z.record(z.string(), z.unknown())); // rare facts

export const compactTopologySchema = z.object({
  f: z.array(compactFunction),
  r: z.array(z.string()).optional(),
  e: z.array(z.string()).optional(),
});

export type CompactTopology = z.infer<typeof compactTopologySchema>;

const unknownAs = (n: number | null) => (n === null ? -1 : n);
const knownOr = (n: number) => (n === -1 ? null : n);

export function compactTopology(t: Topology): CompactTopology {
  const index = new Map(t.functions.map((f, i) => [f.bdf, i]));
  const f = t.functions.map((fn): z.infer<typeof compactFunction> => {
    const flags = PCIE_TYPES.indexOf(fn.pcieType) | (HEADERS.indexOf(fn.headerType) << 4) | (fn.multifunction ? 64 : 0) | (fn.translated ? 128 : 0);
    const acs = fn.acs === null ? 0 : fn.acs.ctrlAssumed === undefined ? [bitsOf(fn.acs.cap), bitsOf(fn.acs.ctrl)] as [number, number] : [bitsOf(fn.acs.cap), bitsOf(fn.acs.ctrl), fn.acs.ctrlAssumed ? 1 : 0] as [number, number, 0 | 1];
    const parent = fn.parent === null ? -1 : (index.get(fn.parent) ?? fn.parent);
    const rare = Object.fromEntries(RARE.filter((k) => fn[k] !== undefined).map((k) => [k, fn[k]]));
    const row: z.infer<typeof compactFunction> = [shortBdf(fn.bdf), parent, unknownAs(fn.vendor), unknownAs(fn.device), unknownAs(fn.classCode), fn.name, flags, acs, fn.driver ?? 0, fn.modules];
    return Object.keys(rare).length > 0 ? [...row, rare] : row;
  });
  return { f, ...(t.rootBusOrder ? { r: t.rootBusOrder } : {}), ...(t.sriovEnableOrder ? { e: t.sriovEnableOrder } : {}) };
}

/** The structured functions, or why the compact form is not one (a function's index and what is wrong). */
export function expandTopology(c: CompactTopology): { ok: true; topology: Topology } | { ok: false; error: string } {
  const functions: PciFunction[] = [];
  for (const [i, row] of c.f.entries()) {
    const [bdf, parent, vendor, device, classCode, name, flags, acs, driver, modules, rare] = row;
    const pcieType = PCIE_TYPES[flags & 15];
    const headerType = HEADERS[(flags >> 4) & 3];
    if (pcieType === undefined || headerType === undefined) return { ok: false, error: `function ${i + 1} (${bdf}) has an unknown PCIe or header type` };
    if (typeof parent === 'number' && parent >= c.f.length) return { ok: false, error: `function ${i + 1} (${bdf}) names a parent that is not there` };
    const known = Object.fromEntries(RARE.filter((k) => rare?.[k] !== undefined).map((k) => [k, rare![k]]));
    functions.push({
      ...known,
      bdf,
      vendor: knownOr(vendor),
      device: knownOr(device),
      classCode: knownOr(classCode),
      name,
      pcieType,
      headerType,
      multifunction: (flags & 64) !== 0,
      acs: acs === 0 ? null : { cap: bitsFrom(acs[0]), ctrl: bitsFrom(acs[1]), ...(acs.length === 3 ? { ctrlAssumed: acs[2] === 1 } : {}) },
      translated: (flags & 128) !== 0,
      parent: parent === -1 ? null : typeof parent === 'string' ? parent : c.f[parent]![0],
      driver: driver === 0 ? null : driver,
      modules,
    } as PciFunction);
  }
  return { ok: true, topology: { functions, ...(c.r ? { rootBusOrder: c.r } : {}), ...(c.e ? { sriovEnableOrder: c.e } : {}) } };
}
