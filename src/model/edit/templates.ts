// The palette's devices (issue 8 item 1), built with the topology builders at placeholder
// addresses; bus numbers and the slot are assigned where the device is plugged in.
import {
  endpoint,
  gpuWithAudio,
  multifunction,
  pciDevice,
  pcieToPciBridge,
  downstreamPort,
  sriovFunctions,
  topology,
  upstreamPort,
  type NodeSpec,
} from '../topology/builders.ts';
import { treeOf, type EditNode } from './editTree.ts';
import type { DeviceTemplate, TemplateOptions } from './edits.ts';
import { EditRefusal } from './refusal.ts';

/** Limits that keep a template a plausible device and the graph readable. */
export const TEMPLATE_LIMITS = {
  vfs: { min: 1, max: 64 },
  ports: { min: 1, max: 16 },
  devices: { min: 1, max: 8 },
} as const;

/** Whether a template is a PCIe card (needs a PCIe link) rather than conventional PCI. */
export function isPcieTemplate(template: DeviceTemplate): boolean {
  return template !== 'chipset';
}

function count(options: TemplateOptions, key: keyof typeof TEMPLATE_LIMITS, fallback: number): number {
  const value = options[key] ?? fallback;
  const { min, max } = TEMPLATE_LIMITS[key];
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new EditRefusal(`${key} must be a whole number from ${min} to ${max}, not ${String(value)}`);
  }
  return value;
}

// Placeholder slot; numberBuses() gives the device its real bus, the caller its device number.
const SLOT = '0000:01:00';

function specs(template: DeviceTemplate, options: TemplateOptions): NodeSpec[] {
  switch (template) {
    case 'gpu-audio':
      return gpuWithAudio(SLOT);
    case 'nic-dual':
      return multifunction(SLOT, 2, { name: 'Ethernet controller (dual port)', vendor: 0x8086, device: 0x10c9, driver: 'igb', modules: ['igb'] });
    case 'nic-sriov':
      return sriovFunctions(`${SLOT}.0`, count(options, 'vfs', 4), { name: 'Ethernet controller (SR-IOV)', vendor: 0x8086, device: 0x1521, driver: 'igb', modules: ['igb'] });
    case 'nvme':
      return [endpoint(`${SLOT}.0`, { name: 'NVMe SSD controller', classCode: 0x0108, vendor: 0x144d, device: 0xa808, driver: 'nvme', modules: ['nvme'] })];
    case 'switch': {
      const ports = count(options, 'ports', 2);
      const dps = Array.from({ length: ports }, (_, i) => downstreamPort(`02:${i.toString(16).padStart(2, '0')}.0`, { acs: options.acs ?? false }));
      return [upstreamPort(`${SLOT}.0`, {}, dps)];
    }
    case 'pcie-pci-bridge': {
      // Conventional slots are wired to IDSEL lines by the board; the template fills them from 01 up.
      const devices = Array.from({ length: count(options, 'devices', 2) }, (_, i) => pciDevice(`02:${(i + 1).toString(16).padStart(2, '0')}.0`));
      return [pcieToPciBridge(`${SLOT}.0`, {}, devices)];
    }
    case 'chipset': {
      const [lpc, sata, smbus] = [
        { name: 'ISA bridge (LPC)', classCode: 0x0601, device: 0x2918, driver: 'lpc_ich', modules: ['lpc_ich'] },
        { name: 'SATA controller (AHCI)', classCode: 0x0106, device: 0x2922, driver: 'ahci', modules: ['ahci'] },
        { name: 'SMBus controller', classCode: 0x0c05, device: 0x2930, driver: 'i2c_i801', modules: ['i2c_i801'] },
      ];
      return [lpc, sata, smbus].map((o, f) => pciDevice(`${SLOT}.${f}`, { ...o, vendor: 0x8086, multifunction: true }));
    }
    default:
      throw new EditRefusal(`unknown device template "${String(template)}"`);
  }
}

/** The top-level functions of a new device (one slot), each with everything below it. */
export function buildTemplate(template: DeviceTemplate, options: TemplateOptions = {}): EditNode[] {
  const tree = treeOf(topology(...specs(template, options)));
  for (const node of tree.byOldBdf.values()) node.oldBdf = null;
  return tree.roots.get('0000:01') ?? [];
}
