// What a function is, for people (types.ts FunctionKind), derived from the PCIe type, the header
// type and the class code. Grouping decides on those fields; this only names the result.
import type { FunctionKind, PciFunction } from './types.ts';

/** PCI class 06 subclass 00: host bridge (include/linux/pci_ids.h PCI_CLASS_BRIDGE_HOST). */
const CLASS_HOST_BRIDGE = 0x0600;

export function kindOf(fn: Pick<PciFunction, 'pcieType' | 'headerType' | 'classCode'>): FunctionKind {
  switch (fn.pcieType) {
    case 'root-port':
    case 'switch-upstream':
    case 'switch-downstream':
    case 'pcie-to-pci-bridge':
    case 'pci-to-pcie-bridge':
    case 'rc-event-collector':
    case 'legacy-endpoint':
      return fn.pcieType;
    case 'rc-endpoint':
    case 'endpoint':
      if (fn.classCode === CLASS_HOST_BRIDGE) return 'host-bridge';
      return fn.pcieType === 'endpoint' ? 'pcie-endpoint' : 'rc-endpoint';
    case null:
      if (fn.headerType === 'bridge') return 'pci-bridge';
      return fn.classCode === CLASS_HOST_BRIDGE ? 'host-bridge' : 'pci-endpoint';
  }
}

const LABELS: Record<FunctionKind, string> = {
  'host-bridge': 'host bridge',
  'root-port': 'root port',
  'switch-upstream': 'switch upstream port',
  'switch-downstream': 'switch downstream port',
  'pcie-to-pci-bridge': 'PCIe-to-PCI bridge',
  'pci-to-pcie-bridge': 'PCI-to-PCIe bridge',
  'pci-bridge': 'conventional PCI bridge',
  'pcie-endpoint': 'PCIe endpoint',
  'legacy-endpoint': 'legacy endpoint',
  'rc-endpoint': 'integrated endpoint',
  'rc-event-collector': 'root complex event collector',
  'pci-endpoint': 'conventional PCI function',
};

/** Lower-case words for a kind, e.g. "root port", "PCIe-to-PCI bridge". */
export function kindLabel(kind: FunctionKind): string {
  return LABELS[kind];
}
