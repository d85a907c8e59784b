// Test support: random topologies for property tests (fast-check). Any bridge kind may sit under
// any other (the grouping must not rely on realistic shapes); ids are drawn from a pool that hits
// the ACS and DMA-alias quirks; some functions carry SR-IOV VFs on virtual buses.
import fc from 'fast-check';
import { formatBdf } from '../../topology/bdf.ts';
import {
  acsCapability, downstreamPort, endpoint, pciBridge, pciDevice, pcieToPciBridge, rcEndpoint, rootPort,
  sriovFunctions, topology, upstreamPort, type FunctionOptions, type NodeSpec,
} from '../../topology/builders.ts';
import type { Topology } from '../../topology/types.ts';

const BRIDGES = { rootPort, upstreamPort, downstreamPort, pcieToPciBridge, pciBridge };
const LEAVES = { endpoint, rcEndpoint, pciDevice };
type Kind = keyof typeof BRIDGES | keyof typeof LEAVES;

/** vendor:device pairs: plain, and ones that trigger ACS or DMA-alias quirks. */
export const ID_POOL: readonly [number, number][] = [
  [0x1b36, 0x000c], [0x1b36, 0x0010], // QEMU: no quirk
  [0x8086, 0x10d3], // Intel: RCiEP quirk when an RCiEP
  [0x8086, 0x1c10], // Intel PCH root port quirk when a root port
  [0x8086, 0x10c9], // Intel multifunction NIC quirk
  [0x1d17, 0x0999], // Zhaoxin: "not isolated" when a port
  [0x8088, 0x0999], // Wangxun: "not isolated"
  [0x1002, 0x4385], // AMD southbridge
  [0x1b4b, 0x9235], // Marvell: function-1 DMA alias
  [0x1180, 0xe832], // Ricoh: function-0 DMA alias
  [0x1283, 0x8893], // ITE: PCIe-bridge alias when a conventional bridge
  [0x14e4, 0x9000], // Broadcom: BRIDGE_XLATE_ROOT
];

/** Ids whose quirks create DMA aliases between functions of a bus. */
export const ALIAS_IDS: readonly string[] = [`${0x1b4b}:${0x9235}`, `${0x1180}:${0xe832}`];

interface FnShape {
  kind: Kind;
  acs: 'none' | 'full' | 'partial';
  id: [number, number];
  headerMultifunction: boolean;
  translated: boolean;
  vfs: number;
  children: FnShape[][];
}

const fnShape: fc.Arbitrary<FnShape> = fc.letrec<{ fn: FnShape; slots: FnShape[][] }>((tie) => ({
  fn: fc.record({
    kind: fc.constantFrom<Kind>('rootPort', 'upstreamPort', 'downstreamPort', 'pcieToPciBridge', 'pciBridge', 'endpoint', 'endpoint', 'rcEndpoint', 'pciDevice'),
    acs: fc.constantFrom('none' as const, 'full' as const, 'partial' as const),
    id: fc.constantFrom(...ID_POOL),
    headerMultifunction: fc.boolean(),
    translated: fc.oneof(fc.constant(true), fc.constant(true), fc.constant(true), fc.constant(false)),
    vfs: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 3 })),
    children: tie('slots'),
  }),
  slots: fc.oneof({ maxDepth: 3, depthIdentifier: 'tree' }, fc.constant<FnShape[][]>([]), fc.array(fc.array(tie('fn'), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 })),
})).fn;

/** A random topology: one root bus with up to four slots of up to three functions. */
export const arbitraryTopology: fc.Arbitrary<Topology> = fc
  .array(fc.array(fnShape, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 })
  .map((rootSlots) => {
    let nextBus = 1;
    const place = (slots: FnShape[][], bus: number): NodeSpec[] =>
      slots.flatMap((fns, dev) =>
        fns.flatMap((shape, fn) => {
          const slot = bus === 0 ? dev + 1 : dev;
          const bdf = formatBdf({ domain: 0, bus, dev: slot, fn });
          const opts: FunctionOptions = {
            vendor: shape.id[0],
            device: shape.id[1],
            acs: shape.acs === 'none' ? false : shape.acs === 'full' ? true : acsCapability('sv tb rr cr uf dt', 'sv'),
            multifunction: fn > 0 || fns.length > 1 || shape.headerMultifunction,
            translated: shape.translated,
          };
          if (shape.kind in BRIDGES) {
            const secondary = nextBus < 200 ? nextBus++ : null;
            const children = secondary === null ? [] : place(shape.children, secondary);
            return [BRIDGES[shape.kind as keyof typeof BRIDGES](bdf, opts, children)];
          }
          if (shape.vfs > 0 && shape.kind !== 'pciDevice' && nextBus < 200) {
            // VFs on a bus of their own with no bridge (a virtual bus), devfn 0, 1, ...
            const vfBus = nextBus++;
            const pfRid = (bus << 8) | (slot << 3) | fn;
            return sriovFunctions(bdf, shape.vfs, { ...opts, vfOffset: (vfBus << 8) - pfRid, vfStride: 1 });
          }
          return [LEAVES[shape.kind as keyof typeof LEAVES](bdf, opts)];
        }),
      );
    return topology(...place(rootSlots, 0));
  });
