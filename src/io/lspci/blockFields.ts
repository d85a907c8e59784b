// The field lines of one lspci device block, read into plain facts with the line each came from.
// Lines are matched without their indentation (pastes lose it); lines the model does not need are
// skipped, and a line that names a needed field but cannot be read is reported.
import { LSPCI_EXPRESS_TYPES } from './vocabulary.ts';
import type { PcieType } from '../../model/topology/types.ts';
import type { WarningLog } from '../importResult.ts';
import { readAcsBits, type AcsBitsReading } from './acsBits.ts';

export interface Located<T> {
  value: T;
  line: number;
}

export interface BlockFields {
  bus?: Located<{ primary: number; secondary: number; subordinate: number }>;
  /** From the `Express ...` capability line; absent: no PCIe capability shown. */
  pcieType?: Located<PcieType>;
  /** Line of `Capabilities: <access denied>` (lspci run without root). */
  accessDenied?: number;
  /** Line of the `Access Control Services` capability header. */
  acsHeader?: number;
  acsCap?: Located<AcsBitsReading>;
  acsCtl?: Located<AcsBitsReading>;
  /** Line of the `Single Root I/O Virtualization (SR-IOV)` capability header. */
  sriovHeader?: number;
  sriovCounts?: Located<{ totalVfs: number; numVfs: number }>;
  sriovRouting?: Located<{ vfOffset: number; vfStride: number }>;
  /** From the device's own `Subsystem: ... [vvvv:dddd]` line (-nn) or `Subsystem: vvvv:dddd` (-n). */
  subsystem?: { vendor: number; device: number };
  driver?: string;
  modules: string[];
  slot?: string;
  iommuGroup?: Located<number>;
  /** Which kinds of lines the block has, to tell the lspci verbosity and to spot a cut-off block. */
  hasStatus: boolean;
  hasFlags: boolean;
  hasCapabilities: boolean;
}

const CAPABILITY = /^Capabilities: \[[0-9a-fA-F]{1,4}(?: v\d{1,3})?\] (.*)$/;
const EXPRESS_VERSION = /^Express (?:\(v\d{1,3}\) )?/;
const BUS = /^Bus: primary=([0-9a-fA-F]{2}), secondary=([0-9a-fA-F]{2}), subordinate=([0-9a-fA-F]{2})/;
const SRIOV_COUNTS = /^Initial VFs: \d{1,5}, Total VFs: (\d{1,5}), Number of VFs: (\d{1,5})/;
const SRIOV_ROUTING = /^VF offset: (\d{1,5}), stride: (\d{1,5})/;
const IOMMU_GROUP = /^IOMMU group: (\d{1,9})$/;
const SUBSYSTEM_IDS = /(?:^|\[)([0-9a-fA-F]{4}):([0-9a-fA-F]{4})\]?$/;
const FLAGS_IOMMU_GROUP = /IOMMU group (\d{1,9})/;

/** Reads lines[from..to) (0-based indices; messages use 1-based line numbers). */
export function readBlockFields(lines: readonly string[], from: number, to: number, what: string, log: WarningLog): BlockFields {
  const f: BlockFields = { modules: [], hasStatus: false, hasFlags: false, hasCapabilities: false };
  for (let i = from; i < to; i++) {
    const text = lines[i]!.trim();
    if (text === '') continue;
    readField(text, i + 1, f, what, log);
  }
  return f;
}

function readField(text: string, line: number, f: BlockFields, what: string, log: WarningLog): void {
  const colon = text.indexOf(':');
  const key = colon < 0 ? text : text.slice(0, colon);
  const value = colon < 0 ? '' : text.slice(colon + 1).trim();
  switch (key) {
    // The device's own Status (-vv) and Flags (-v) lines always show its DEVSEL timing; the
    // Power Management capability's Status and Flags lines do not.
    case 'Status':
      if (value.includes('DEVSEL=')) f.hasStatus = true;
      return;
    case 'Flags': {
      if (value.includes('devsel')) f.hasFlags = true;
      // lspci -v before 3.8 printed the group in the Flags line: "Flags: bus master, ..., IOMMU group 7".
      const g = FLAGS_IOMMU_GROUP.exec(value);
      if (g) setGroup(f, parseInt(g[1]!, 10), line, what, log);
      return;
    }
    case 'Capabilities':
      f.hasCapabilities = true;
      readCapabilityHeader(text, line, f, what, log);
      return;
    case 'Bus': {
      if (f.bus) return;
      const m = BUS.exec(text);
      if (m) f.bus = { value: { primary: parseInt(m[1]!, 16), secondary: parseInt(m[2]!, 16), subordinate: parseInt(m[3]!, 16) }, line };
      else log.add(line, `the Bus: line of ${what} cannot be read (expected "Bus: primary=00, secondary=01, subordinate=01"); its bus range is unknown.`);
      return;
    }
    case 'ACSCap':
    case 'ACSCtl': {
      const reading = readAcsBits(value);
      const located = { value: reading, line };
      if (key === 'ACSCap') f.acsCap ??= located;
      else f.acsCtl ??= located;
      return;
    }
    case 'Initial VFs': {
      const m = SRIOV_COUNTS.exec(text);
      if (m) f.sriovCounts = { value: { totalVfs: parseInt(m[1]!, 10), numVfs: parseInt(m[2]!, 10) }, line };
      else log.add(line, `the SR-IOV line of ${what} cannot be read (expected "Initial VFs: n, Total VFs: n, Number of VFs: n"); its VFs cannot be recognised.`);
      return;
    }
    case 'VF offset': {
      const m = SRIOV_ROUTING.exec(text);
      if (m) f.sriovRouting = { value: { vfOffset: parseInt(m[1]!, 10), vfStride: parseInt(m[2]!, 10) }, line };
      else log.add(line, `the SR-IOV line of ${what} cannot be read (expected "VF offset: n, stride: n"); its VFs cannot be recognised.`);
      return;
    }
    case 'Subsystem': {
      // The bridge Subsystem capability is a `Capabilities:` line; this is the header's own.
      const m = f.subsystem ? null : SUBSYSTEM_IDS.exec(value);
      if (m) f.subsystem = { vendor: parseInt(m[1]!, 16), device: parseInt(m[2]!, 16) };
      return;
    }
    case 'Kernel driver in use':
      if (value !== '') f.driver = value;
      return;
    case 'Kernel modules':
      f.modules = value.split(',').map((m) => m.trim()).filter((m) => m !== '');
      return;
    case 'Physical Slot':
      if (value !== '') f.slot = value;
      return;
    case 'IOMMU group': {
      const m = IOMMU_GROUP.exec(text);
      if (m) setGroup(f, parseInt(m[1]!, 10), line, what, log);
      else log.add(line, `the IOMMU group line of ${what} cannot be read (expected "IOMMU group: n"); ignored.`);
      return;
    }
  }
}

function readCapabilityHeader(text: string, line: number, f: BlockFields, what: string, log: WarningLog): void {
  if (text === 'Capabilities: <access denied>') {
    f.accessDenied ??= line;
    return;
  }
  const m = CAPABILITY.exec(text);
  if (!m) return;
  const name = m[1]!;
  if (name === 'Access Control Services') f.acsHeader ??= line;
  else if (name.startsWith('Single Root I/O Virtualization')) f.sriovHeader ??= line;
  else if (name.startsWith('Express ') && f.pcieType === undefined) {
    const kind = name.replace(EXPRESS_VERSION, '');
    const known = LSPCI_EXPRESS_TYPES.find(([words]) => kind.startsWith(words));
    if (known) f.pcieType = { value: known[1], line };
    else log.add(line, `the PCIe capability of ${what} names an unknown device type ("${name}"); it is treated as conventional PCI.`);
  }
}

function setGroup(f: BlockFields, group: number, line: number, what: string, log: WarningLog): void {
  if (f.iommuGroup && f.iommuGroup.value !== group) {
    log.add(line, `${what} shows IOMMU group ${group} here and group ${f.iommuGroup.value} at line ${f.iommuGroup.line}; the first is kept.`);
    return;
  }
  f.iommuGroup ??= { value: group, line };
}
