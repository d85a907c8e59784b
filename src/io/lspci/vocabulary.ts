// lspci's own words (pciutils ls-caps.c) for the facts the model reads: the PCIe device/port type
// and the ACS bits. The harness's kernel.json uses the same words, so tests read it through these too.
import type { AcsBits, PcieType } from '../../model/topology/types.ts';

/** cap_express(): the type after "Express (vN)". "Legacy Endpoint" precedes "Endpoint" for prefix matching. */
export const LSPCI_EXPRESS_TYPES: readonly (readonly [string, PcieType])[] = [
  ['Root Port', 'root-port'],
  ['Upstream Port', 'switch-upstream'],
  ['Downstream Port', 'switch-downstream'],
  ['Legacy Endpoint', 'legacy-endpoint'],
  ['Endpoint', 'endpoint'],
  ['Root Complex Integrated Endpoint', 'rc-endpoint'],
  ['Root Complex Event Collector', 'rc-event-collector'],
  ['PCI-Express to PCI/PCI-X Bridge', 'pcie-to-pci-bridge'],
  ['PCI/PCI-X to PCI-Express Bridge', 'pci-to-pcie-bridge'],
];

/** cap_acs(): the names in ACSCap/ACSCtl lines (include/uapi/linux/pci_regs.h PCI_ACS_*). */
export const LSPCI_ACS_NAMES: Readonly<Record<string, keyof AcsBits>> = {
  SrcValid: 'sv',
  TransBlk: 'tb',
  ReqRedir: 'rr',
  CmpltRedir: 'cr',
  UpstreamFwd: 'uf',
  EgressCtrl: 'ec',
  DirectTrans: 'dt',
};

/** The PCIe type lspci names exactly `words`, or undefined. */
export function pcieTypeOfWords(words: string): PcieType | undefined {
  return LSPCI_EXPRESS_TYPES.find(([w]) => w === words)?.[1];
}

/** ACS bits from lspci's names mapped to on/off (as kernel.json records them). */
export function acsBitsOfNames(named: Readonly<Record<string, boolean>>): AcsBits {
  const bits: AcsBits = { sv: false, tb: false, rr: false, cr: false, uf: false, ec: false, dt: false };
  for (const [name, key] of Object.entries(LSPCI_ACS_NAMES)) bits[key] = named[name] === true;
  return bits;
}
