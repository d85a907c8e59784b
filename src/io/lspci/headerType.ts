// The configuration header layout, which lspci does not print as such. A `Bus:` line is printed
// only for header types 1 (PCI-to-PCI bridge) and 2 (CardBus), so it decides when present; a
// listing without it (lspci without -v) falls back on the class code, which the kernel requires
// to match the header type (pci_setup_device: class 0604 with a type-0 header is ignored), and on
// the PCIe port types, which are bridges by definition.
import type { HeaderType, PcieType } from '../../model/topology/types.ts';

const CARDBUS_CLASS = 0x0607;
const BRIDGE_CLASSES = new Set([0x0604, 0x0609]); // PCI-to-PCI, semi-transparent PCI-to-PCI
const BRIDGE_PCIE_TYPES = new Set<PcieType>(['root-port', 'switch-upstream', 'switch-downstream', 'pcie-to-pci-bridge', 'pci-to-pcie-bridge']);

export function headerTypeOf(hasBusLine: boolean, classCode: number | null, pcieType: PcieType | null): HeaderType {
  if (classCode === CARDBUS_CLASS) return 'cardbus';
  if (hasBusLine) return 'bridge';
  if (classCode !== null && BRIDGE_CLASSES.has(classCode)) return 'bridge';
  if (pcieType !== null && BRIDGE_PCIE_TYPES.has(pcieType)) return 'bridge';
  return 'normal';
}
