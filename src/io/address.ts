// PCI addresses as lspci, sysfs and dmesg print them. The model's Bdf has a 16-bit domain; Intel VMD
// puts its devices in domains from 10000 up, which the model does not cover (kernel-semantics A.10:
// "Switchtec NTB and VMD aliases ... warn; not modelled").
import { formatBdf, type BdfParts } from '../model/topology/bdf.ts';
import type { Bdf } from '../model/topology/types.ts';

/** An address at the start of `text`: `[dddd:]bb:dd.f`, domain up to 8 hex digits. Anchored, bounded: no backtracking. */
export const ADDRESS_PATTERN = '(?:([0-9a-fA-F]{1,8}):)?([0-9a-fA-F]{2}):([0-9a-fA-F]{2})\\.([0-7])';

export type AddressReading =
  | { kind: 'ok'; bdf: Bdf; parts: BdfParts }
  | { kind: 'vmd'; text: string } // domain above ffff
  | { kind: 'bad'; text: string; why: string };

/** Reads the groups of an ADDRESS_PATTERN match (domain, bus, device, function). */
export function readAddress(domain: string | undefined, bus: string, dev: string, fn: string): AddressReading {
  const text = `${domain === undefined ? '' : `${domain}:`}${bus}:${dev}.${fn}`;
  const parts: BdfParts = {
    domain: domain === undefined ? 0 : parseInt(domain, 16),
    bus: parseInt(bus, 16),
    dev: parseInt(dev, 16),
    fn: parseInt(fn, 10),
  };
  if (parts.dev > 0x1f) return { kind: 'bad', text, why: `device number ${dev} is above 1f` };
  if (parts.domain > 0xffff) return { kind: 'vmd', text };
  return { kind: 'ok', bdf: formatBdf(parts), parts };
}

/** The warning for a VMD-domain address, shared by the importers. */
export function vmdMessage(text: string): string {
  return `${text} is in a PCI domain above ffff (an Intel VMD domain); such devices are not modelled and were skipped.`;
}
