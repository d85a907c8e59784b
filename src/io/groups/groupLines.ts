// The line shapes of IOMMU group listings people paste, each read into one assignment or a header:
//   /sys/kernel/iommu_groups/7/devices/0000:00:1f.3                  find /sys/kernel/iommu_groups/ -type l
//   /sys/bus/pci/devices/0000:00:1f.3/iommu_group -> ../../../../kernel/iommu_groups/7     ls -l
//   IOMMU Group 7 00:1f.3 Audio device [0403]: ...                    the common shell loop, one line
//   IOMMU Group 7:  (then device lines, often tab-indented)           the Arch wiki loop
//   /sys/kernel/iommu_groups/7/devices/:  (then lines of addresses)  ls /sys/kernel/iommu_groups/*/devices
//   Group 7: 00:1f.3 ...                                              other scripts
//   00:1f.3	IOMMU group 7   /   00:1f.3	IOMMU group: 7              BDF first
//   [    0.61] pci 0000:00:1f.3: Adding to iommu group 7              dmesg / journalctl
//   IOMMU group: 7   /   Flags: ..., IOMMU group 7                    inside lspci -v / -vvv text
// Patterns are bounded or anchored so that a long garbled line costs linear time.
import { ADDRESS_PATTERN } from '../address.ts';

const A = ADDRESS_PATTERN; // 4 groups: domain, bus, device, function

const SYSFS_LINK = new RegExp(`iommu_groups/(\\d{1,9})/devices/${A}(?![0-9a-fA-F])`);
const SYSFS_DIRECTORY = /iommu_groups\/(\d{1,9})\/devices\/?:$/;
const SYSFS_READLINK_DEVICE = new RegExp(`devices/${A}/iommu_group\\b`);
const SYSFS_READLINK_GROUP = /iommu_groups\/(\d{1,9})\b/;
const DMESG = new RegExp(`${A}: (Adding to|Removing from) iommu group (\\d{1,9})\\b`);
const GROUP_FIRST = /^(?:IOMMU\s+)?Group\s*:?\s*(\d{1,9})\s*:?(.*)$/i;
const ADDRESS_FIRST = new RegExp(`^${A}(?:\\s+(.*))?$`);
const GROUP_AFTER_ADDRESS = /^IOMMU group:?\s*(\d{1,9})\b/i;
const LSPCI_GROUP = /^IOMMU group: (\d{1,9})$/;
const LSPCI_FLAGS_GROUP = /^Flags:.*\bIOMMU group (\d{1,9})\b/;

export interface AddressGroups {
  domain: string | undefined;
  bus: string;
  dev: string;
  fn: string;
}

export type GroupLine =
  | { kind: 'assign'; address: AddressGroups; group: number } // address and group on one line
  | { kind: 'remove'; address: AddressGroups; group: number } // dmesg "Removing from iommu group"
  | { kind: 'header'; group: number } // a group header; device lines follow
  | { kind: 'device'; addresses: AddressGroups[] } // starts with an address (several only when the line holds nothing else)
  | { kind: 'group-of-device'; group: number } // lspci's group line for the device line above
  | { kind: 'other' };

const address = (m: RegExpExecArray, at: number): AddressGroups => ({ domain: m[at], bus: m[at + 1]!, dev: m[at + 2]!, fn: m[at + 3]! });

/** Reads one line without its indentation. */
export function readGroupLine(text: string): GroupLine {
  let m = SYSFS_LINK.exec(text);
  if (m) return { kind: 'assign', group: parseInt(m[1]!, 10), address: address(m, 2) };
  m = SYSFS_READLINK_DEVICE.exec(text);
  const target = m ? SYSFS_READLINK_GROUP.exec(text) : null;
  if (m && target) return { kind: 'assign', group: parseInt(target[1]!, 10), address: address(m, 1) };
  m = DMESG.exec(text);
  if (m) return { kind: m[5] === 'Adding to' ? 'assign' : 'remove', group: parseInt(m[6]!, 10), address: address(m, 1) };
  m = SYSFS_DIRECTORY.exec(text);
  if (m) return { kind: 'header', group: parseInt(m[1]!, 10) };
  m = LSPCI_GROUP.exec(text) ?? LSPCI_FLAGS_GROUP.exec(text);
  if (m) return { kind: 'group-of-device', group: parseInt(m[1]!, 10) };
  m = GROUP_FIRST.exec(text);
  if (m) {
    const group = parseInt(m[1]!, 10);
    const rest = m[2]!.trim();
    if (rest === '') return { kind: 'header', group };
    const first = ADDRESS_FIRST.exec(rest.split(/\s/, 1)[0]!);
    return first ? { kind: 'assign', group, address: address(first, 1) } : { kind: 'other' };
  }
  m = ADDRESS_FIRST.exec(text);
  if (m) {
    const after = GROUP_AFTER_ADDRESS.exec((m[5] ?? '').trim());
    if (after) return { kind: 'assign', group: parseInt(after[1]!, 10), address: address(m, 1) };
    return { kind: 'device', addresses: addressList(text) ?? [address(m, 1)] };
  }
  return { kind: 'other' };
}

/** All addresses of a line made of nothing else (`ls` prints several per line), or null. */
function addressList(text: string): AddressGroups[] | null {
  const found: AddressGroups[] = [];
  for (const word of text.split(/\s+/)) {
    const m = ADDRESS_FIRST.exec(word);
    if (!m) return null;
    found.push(address(m, 1));
  }
  return found;
}

/** Whether a line not understood still looks like it meant to name a group (worth a warning). */
export function mentionsGroup(text: string): boolean {
  return /iommu.?group/i.test(text);
}
