// Synthetic machines of any size with a realistic mix (root ports with and without ACS, switches,
// SR-IOV NICs with many VFs, multifunction GPUs, NVMe drives, PCIe-to-PCI bridges with conventional
// devices), for benchmarks and tests. Deterministic for a given seed.
import { formatBdf } from './bdf.ts';
import {
  downstreamPort,
  endpoint,
  gpuWithAudio,
  hostBridge,
  pciDevice,
  pcieToPciBridge,
  rcEndpoint,
  rootPort,
  sriovFunctions,
  topology,
  upstreamPort,
  type NodeSpec,
} from './builders.ts';
import type { Topology } from './types.ts';

/** A small linear congruential generator: enough variety, same machine for the same seed. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Cursor {
  domain: number;
  nextBus: number;
}

const addr = (c: Cursor, bus: number, dev: number, fn: number) => formatBdf({ domain: c.domain, bus, dev, fn });

type Card = (c: Cursor, bus: number, rnd: () => number) => NodeSpec[];

const nvme: Card = (c, bus) => [endpoint(addr(c, bus, 0, 0), { name: 'NVMe SSD', classCode: 0x0108, vendor: 0x144d, device: 0xa808, driver: 'nvme', modules: ['nvme'] })];

const gpu: Card = (c, bus) => gpuWithAudio(addr(c, bus, 0, 0).slice(0, 10));

const sriovNic: Card = (c, bus, rnd) => {
  const vfs = 8 + Math.floor(rnd() * 57); // 8..64 VFs, routing IDs 0x80.. on the PF's bus
  return sriovFunctions(addr(c, bus, 0, 0), vfs, { name: 'Ethernet controller', classCode: 0x0200, vendor: 0x8086, device: 0x1572, driver: 'i40e', modules: ['i40e'], vfOffset: 0x80, vfStride: 1 });
};

const legacyBridge: Card = (c, bus) => {
  const below = c.nextBus++;
  return [
    pcieToPciBridge(addr(c, bus, 0, 0), {}, [
      pciDevice(addr(c, below, 1, 0), { name: 'Conventional PCI serial card', classCode: 0x0700 }),
      pciDevice(addr(c, below, 2, 0), { name: 'Conventional PCI network card' }),
    ]),
  ];
};

const pcieSwitch: Card = (c, bus, rnd) => {
  const internal = c.nextBus++;
  const acs = rnd() < 0.5;
  const ports = Array.from({ length: 4 }, (_, i) => {
    const below = c.nextBus++;
    return downstreamPort(addr(c, internal, i, 0), { acs }, nvme(c, below, rnd));
  });
  return [upstreamPort(addr(c, bus, 0, 0), {}, ports)];
};

const CARDS: Card[] = [nvme, gpu, sriovNic, legacyBridge, pcieSwitch, nvme, gpu];

/** Largest bus number a domain hands out before the generator opens the next PCI domain. */
const BUSES_PER_DOMAIN = 240;

/**
 * A machine of exactly `functions` PCI functions (at least 2). Each PCI domain has a host bridge
 * and root ports; each root port carries one card; the last few functions are RCiEPs on a root bus.
 */
export function syntheticTopology(functions: number, seed = 1): Topology {
  const rnd = random(seed);
  const roots: NodeSpec[] = [];
  let count = 0;
  let cursor: Cursor = { domain: 0, nextBus: 1 };
  let slot = 1;
  let root: NodeSpec[] = [hostBridge(addr(cursor, 0, 0, 0))];
  count += 1;
  const flushDomain = () => {
    roots.push(...root);
    cursor = { domain: cursor.domain + 1, nextBus: 1 };
    slot = 1;
    root = [hostBridge(addr(cursor, 0, 0, 0))];
    count += 1;
  };
  while (count < functions) {
    if (slot > 0x1f * 8 - 1 || cursor.nextBus > BUSES_PER_DOMAIN) flushDomain();
    const bus = cursor.nextBus++;
    const card = CARDS[Math.floor(rnd() * CARDS.length)]!(cursor, bus, rnd);
    const size = 1 + card.reduce((n, node) => n + countNodes(node), 0);
    if (count + size > functions) break;
    const dev = 1 + Math.floor((slot - 1) / 8);
    const fn = (slot - 1) % 8;
    root.push(rootPort(addr(cursor, 0, dev, fn), { acs: rnd() < 0.7 }, card));
    slot += 1;
    count += size;
  }
  // Fill up to the exact count with single-function RCiEPs in free root-bus slots.
  let rcSlot = 0x1f;
  while (count < functions) {
    for (let fn = 0; fn < 8 && count < functions; fn++, count++) {
      root.push(rcEndpoint(addr(cursor, 0, rcSlot, fn), { multifunction: false, name: 'Integrated controller' }));
    }
    rcSlot -= 1;
    if (rcSlot <= Math.ceil(slot / 8) + 1) flushDomain();
  }
  roots.push(...root);
  return topology(...roots);
}

function countNodes(n: NodeSpec): number {
  return 1 + n.children.reduce((s, c) => s + countNodes(c), 0);
}
