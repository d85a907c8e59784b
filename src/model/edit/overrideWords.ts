// The pcie_acs_override= words a user sets (kernel-semantics A.7), checked the way the patch reads
// them, and what each one pretends.
import { parseAcsOverride } from '../grouping/acsOverride.ts';
import { EditRefusal } from './refusal.ts';

/** The words, one per entry, lower case, without repeats; an error names any word the patch would ignore. */
export function normalizeOverride(value: unknown): string[] {
  if (!Array.isArray(value) || value.some((w) => typeof w !== 'string')) {
    throw new EditRefusal(`the ACS override must be a list of words, not ${JSON.stringify(value)}`);
  }
  const words = [...new Set((value as string[]).flatMap((w) => w.split(',')).map((w) => w.trim().toLowerCase()).filter(Boolean))];
  const { ignored } = parseAcsOverride(words);
  if (ignored.length > 0) {
    throw new EditRefusal(`pcie_acs_override does not understand ${ignored.map((w) => `"${w}"`).join(', ')}: use downstream, multifunction or id:vvvv:dddd (at most 15 ids)`);
  }
  return words;
}

/**
 * What the override pretends, one plain sentence per word: the isolation the kernel assumes
 * without the hardware providing it (acsOverride.ts acsOverrideWord decides where it applies).
 */
export function overrideWarnings(words: readonly string[]): string[] {
  const o = parseAcsOverride(words);
  const out: string[] = [];
  if (o.downstream) {
    out.push('pcie_acs_override=downstream makes the kernel treat every root port and switch downstream port without an ACS capability as if it had ACS: devices below them get their own groups although peer-to-peer DMA between them is NOT blocked by hardware; a device assigned to a VM may reach the others.');
  }
  if (o.multifunction) {
    out.push('pcie_acs_override=multifunction makes the kernel treat every function of a multifunction PCIe device without ACS as isolated: the functions get their own groups although they may still reach each other inside the device; giving one to a VM may expose its siblings.');
  }
  for (const { vendor, device } of o.ids) {
    const id = `${vendor.toString(16).padStart(4, '0')}:${device.toString(16).padStart(4, '0')}`;
    out.push(`pcie_acs_override=id:${id} makes the kernel treat every PCIe device ${id} without ACS as isolating, whatever it really does: peer-to-peer DMA through it is NOT blocked by hardware.`);
  }
  return out;
}
