// The out-of-tree pcie_acs_override= patch (Alex Williamson, 2013; distro and gaming kernels),
// kernel-semantics A.7: parsing of the boot parameter and its hook, the last entry of
// pci_dev_acs_enabled[].
import type { PciFunction } from '../topology/types.ts';

export interface AcsOverride {
  downstream: boolean;
  multifunction: boolean;
  ids: { vendor: number; device: number }[];
  /** Words the patch would not act on (unknown, malformed, or beyond the id slots). */
  ignored: string[];
}

/** The patch's acs_on_ids[NUM_ACS_IDS = 16]; its `max_acs_id >= NUM_ACS_IDS - 1` check leaves 15. */
const USABLE_ID_SLOTS = 15;

/** pcie_acs_override_setup(): comma-separated `downstream`, `multifunction`, `id:vvvv:dddd` (hex). */
export function parseAcsOverride(words: readonly string[]): AcsOverride {
  const result: AcsOverride = { downstream: false, multifunction: false, ids: [], ignored: [] };
  for (const word of words.flatMap((w) => w.split(',')).map((w) => w.trim().toLowerCase()).filter(Boolean)) {
    const id = /^id:([0-9a-f]{4}):([0-9a-f]{4})$/.exec(word);
    if (word === 'downstream') result.downstream = true;
    else if (word === 'multifunction') result.multifunction = true;
    else if (id && result.ids.length < USABLE_ID_SLOTS) result.ids.push({ vendor: parseInt(id[1]!, 16), device: parseInt(id[2]!, 16) });
    else result.ignored.push(word);
  }
  return result;
}

export function overrideIsActive(o: AcsOverride): boolean {
  return o.downstream || o.multifunction || o.ids.length > 0;
}

/**
 * pcie_acs_overrides(): the boot-parameter word that makes `fn` count as isolated, or null
 * (-ENOTTY). Never for conventional PCI or for a function that has an ACS capability, even a
 * disabled one.
 */
export function acsOverrideWord(fn: PciFunction, o: AcsOverride): string | null {
  if (fn.pcieType === null || fn.acs !== null) return null;
  const id = o.ids.find((i) => i.vendor === fn.vendor && i.device === fn.device);
  if (id) return `id:${hex4(id.vendor)}:${hex4(id.device)}`;
  switch (fn.pcieType) {
    case 'switch-downstream':
    case 'root-port':
      return o.downstream ? 'downstream' : null;
    case 'endpoint':
    case 'switch-upstream':
    case 'legacy-endpoint':
    case 'rc-endpoint':
      return o.multifunction && fn.multifunction ? 'multifunction' : null;
    default:
      return null;
  }
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');
