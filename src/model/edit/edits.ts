// What-if edits of a scenario (issue 8): plain JSON data, discriminated by `op`, applied by
// applyEdit() and kept by the store as undoable steps. Addresses are canonical `dddd:bb:dd.f`.
import { shortBdf } from '../topology/bdf.ts';
import type { AcsCapability, Bdf } from '../topology/types.ts';

/** The devices the palette offers (issue 8 item 1). */
export type DeviceTemplate =
  | 'gpu-audio' // GPU with its HDMI audio function
  | 'nic-dual' // dual-port NIC: two functions of one slot
  | 'nic-sriov' // NIC with SR-IOV and `vfs` VFs enabled
  | 'nvme' // NVMe drive
  | 'switch' // PCIe switch: upstream port and `ports` downstream ports
  | 'pcie-pci-bridge' // PCIe-to-PCI bridge with `devices` conventional PCI devices behind it
  | 'chipset'; // multifunction chipset device (conventional LPC, SATA, SMBus functions)

export interface TemplateOptions {
  /** nic-sriov: VFs enabled (sriov_numvfs). */
  vfs?: number;
  /** switch: downstream ports. */
  ports?: number;
  /** pcie-pci-bridge: conventional devices behind it. */
  devices?: number;
  /** switch: whether its downstream ports have ACS (SV TB RR CR UF DT, kernel-enabled). */
  acs?: boolean;
}

export type ScenarioEdit =
  /** Moves the card `bdf` belongs to (all functions of its slot, their VFs and all below) onto the bus that bridge `to` opens. */
  | { op: 'card.move'; bdf: Bdf; to: Bdf }
  /** Plugs a new device onto the bus that bridge `at` opens, or onto root bus `at` (`dddd:bb`). */
  | { op: 'device.add'; at: string; template: DeviceTemplate; options?: TemplateOptions }
  /** Removes the card `bdf` belongs to, with everything below it. */
  | { op: 'device.remove'; bdf: Bdf }
  /** Replaces a function's ACS capability (null: none). */
  | { op: 'acs.set'; bdf: Bdf; acs: AcsCapability | null }
  /** The pcie_acs_override= words (kernel-semantics A.7); [] = no override. */
  | { op: 'settings.acsOverride'; value: string[] }
  /** The strict-switch proposal on or off (kernel-semantics A.5). */
  | { op: 'settings.strictSwitch'; value: boolean };

export const TEMPLATE_LABELS: Record<DeviceTemplate, string> = {
  'gpu-audio': 'GPU with HDMI audio',
  'nic-dual': 'dual-port NIC',
  'nic-sriov': 'NIC with SR-IOV',
  nvme: 'NVMe drive',
  switch: 'PCIe switch',
  'pcie-pci-bridge': 'PCIe-to-PCI bridge',
  chipset: 'multifunction chipset device',
};

function templateLabel(template: DeviceTemplate, options: TemplateOptions = {}): string {
  const base = TEMPLATE_LABELS[template] ?? String(template);
  if (template === 'nic-sriov') return `${base} (${options.vfs ?? 0} VFs)`;
  if (template === 'switch') return `${base} (${options.ports ?? 0} ports, ${options.acs ? 'with' : 'without'} ACS)`;
  if (template === 'pcie-pci-bridge') return `${base} (${options.devices ?? 0} PCI devices)`;
  return base;
}

const place = (at: string) => (at.length === 7 ? `root bus ${at.startsWith('0000:') ? at.slice(5) : at}` : shortBdf(at));

/** A short label for undo history and the change panel, e.g. "move 01:00.0 to 00:03.0". */
export function describeEdit(edit: ScenarioEdit): string {
  switch (edit.op) {
    case 'card.move':
      return `move ${shortBdf(edit.bdf)} to ${shortBdf(edit.to)}`;
    case 'device.add':
      return `add ${templateLabel(edit.template, edit.options)} at ${place(edit.at)}`;
    case 'device.remove':
      return `remove ${shortBdf(edit.bdf)}`;
    case 'acs.set':
      return edit.acs === null ? `remove ACS of ${shortBdf(edit.bdf)}` : `set ACS of ${shortBdf(edit.bdf)}`;
    case 'settings.acsOverride':
      return edit.value.length === 0 ? 'no ACS override' : `pcie_acs_override=${edit.value.join(',')}`;
    case 'settings.strictSwitch':
      return `strict switch ${edit.value ? 'on' : 'off'}`;
  }
}
