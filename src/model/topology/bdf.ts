// PCI addresses: parsing, formatting and the devfn arithmetic the kernel uses (PCI_SLOT, PCI_FUNC).
import type { Bdf } from './types.ts';

export interface BdfParts {
  domain: number;
  bus: number;
  dev: number;
  fn: number;
}

const BDF_RE = /^(?:([0-9a-fA-F]{1,4}):)?([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})\.([0-7])$/;

/** Parses `dddd:bb:dd.f` or `bb:dd.f` (domain 0000 assumed, as lspci without -D prints). */
export function parseBdf(text: string): BdfParts | null {
  const m = BDF_RE.exec(text.trim());
  if (!m) return null;
  const parts = {
    domain: parseInt(m[1] ?? '0', 16),
    bus: parseInt(m[2]!, 16),
    dev: parseInt(m[3]!, 16),
    fn: parseInt(m[4]!, 10),
  };
  return parts.dev > 0x1f ? null : parts;
}

export function formatBdf(p: BdfParts): Bdf {
  const h = (n: number, w: number) => n.toString(16).padStart(w, '0');
  return `${h(p.domain, 4)}:${h(p.bus, 2)}:${h(p.dev, 2)}.${p.fn}`;
}

/** Canonical form of a user-written address; throws with the text when it is not one. */
/** An address already in canonical form (dev ≤ 1f), which normalizeBdf returns as it is. */
const CANONICAL_RE = /^[0-9a-f]{4}:[0-9a-f]{2}:[01][0-9a-f]\.[0-7]$/;

export function normalizeBdf(text: string): Bdf {
  // Most addresses come from the model itself, already canonical: a test is cheaper than a parse.
  if (CANONICAL_RE.test(text)) return text;
  const p = parseBdf(text);
  if (!p) throw new Error(`"${text}" is not a PCI address (expected dddd:bb:dd.f or bb:dd.f)`);
  return formatBdf(p);
}

/** Parses a canonical address known to be valid (from the model itself). */
export function bdfParts(bdf: Bdf): BdfParts {
  const p = parseBdf(bdf);
  if (!p) throw new Error(`internal: malformed address ${bdf}`);
  return p;
}

/** `dddd:bb`: the bus a function sits on. */
export function busOf(bdf: Bdf): string {
  return bdf.slice(0, 7);
}

/** `dddd:bb:dd`: the slot (PCI_SLOT) a function belongs to. */
export function slotOf(bdf: Bdf): string {
  return bdf.slice(0, 10);
}

/** devfn = slot << 3 | function (PCI_DEVFN). */
export function devfnOf(bdf: Bdf): number {
  const p = bdfParts(bdf);
  return (p.dev << 3) | p.fn;
}

/** Short form without the 0000 domain, as people write it (`01:00.0`). */
export function shortBdf(bdf: Bdf): string {
  return bdf.startsWith('0000:') ? bdf.slice(5) : bdf;
}

/** Orders addresses as the kernel's bus scan visits one bus: by devfn. */
export function compareBdf(a: Bdf, b: Bdf): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
