// The device-specific ACS table of Linux 6.1, drivers/pci/quirks.c pci_dev_acs_enabled[] in its
// order (kernel-semantics A.6, corrected by A.9 items 5-9): the first callback that answers decides.
import type { PciFunction } from '../topology/types.ts';
import { acsCtrlEnabled, acsMask, PCI_ACS_CR, PCI_ACS_DT, PCI_ACS_EC, PCI_ACS_RR, PCI_ACS_SV, PCI_ACS_TB, PCI_ACS_UF } from './acsFlags.ts';

/** What a quirk callback may look at. */
export interface AcsSubject {
  fn: PciFunction;
  /** pci_is_root_bus(dev->bus) */
  onRootBus: boolean;
}

/** Platform facts the callbacks read from firmware. */
export interface QuirkEnvironment {
  /** An ACPI IVRS table (AMD IOMMU) exists; pci_quirk_amd_sb_acs asks acpi_get_table("IVRS"). */
  amdIvrs: boolean;
}

export interface AcsQuirk {
  vendor: number;
  /** null = PCI_ANY_ID */
  device: number | null;
  /** The quirks.c callback. */
  callback: string;
  /** What it stands for, in words. */
  label: string;
  /** The callback: its verdict (return 0 / >0), or null for "not me" (-ENOTTY, -ENODEV). */
  check(subject: AcsSubject, flags: number, env: QuirkEnvironment): boolean | null;
}

// include/linux/pci_ids.h vendor ids used by the table.
const ATI = 0x1002;
const AMD = 0x1022;
const SOLARFLARE = 0x1924;
const INTEL = 0x8086;
const QCOM = 0x17cb;
const HXT = 0x1dbf;
const CAVIUM = 0x177d;
const AMCC = 0x10e8;
const AMPERE = 0x1def;
const BROADCOM = 0x14e4;
const LOONGSON = 0x0014;
const AMAZON_ANNAPURNA_LABS = 0x1c36;
const ZHAOXIN = 0x1d17;
const NXP = 0x1957;
const WANGXUN = 0x8088;

const SV_RR_CR_UF = PCI_ACS_SV | PCI_ACS_RR | PCI_ACS_CR | PCI_ACS_UF;

const inRanges = (id: number, ranges: [number, number][]) => ranges.some(([lo, hi]) => id >= lo && id <= hi);
const isRootPort = (fn: PciFunction) => fn.pcieType === 'root-port';

// quirks.c pci_quirk_amd_sb_acs(): multifunction SB functions on a root bus, only with an AMD IOMMU.
function amdSouthbridge(s: AcsSubject, flags: number, env: QuirkEnvironment): boolean | null {
  if (!s.fn.multifunction || !s.onRootBus) return null; // -ENODEV
  if (!env.amdIvrs) return null; // no IVRS table: -ENODEV
  return acsCtrlEnabled(flags & (PCI_ACS_RR | PCI_ACS_CR | PCI_ACS_EC | PCI_ACS_DT), PCI_ACS_RR | PCI_ACS_CR);
}

// quirks.c pci_quirk_mf_endpoint_acs(): no port-type check; SV TB RR CR UF DT count as provided.
const mfEndpoint = (_s: AcsSubject, flags: number) =>
  acsCtrlEnabled(flags, PCI_ACS_SV | PCI_ACS_TB | PCI_ACS_RR | PCI_ACS_CR | PCI_ACS_UF | PCI_ACS_DT);

// quirks.c pci_quirk_qcom_rp_acs / nxp_rp_acs / brcm_acs / loongson_acs / xgene_acs: isolated ports.
const isolatedPort = (_s: AcsSubject, flags: number) => acsCtrlEnabled(flags, SV_RR_CR_UF);

// quirks.c pci_quirk_rciep_acs(): Intel RCiEPs may do P2P only on translated addresses (VT-d 3.16).
// A conventional function's PCIe type reads as 0 (ENDPOINT), so it never matches (A.9 item 9).
function intelRciep(s: AcsSubject, flags: number): boolean | null {
  if (s.fn.pcieType !== 'rc-endpoint') return null;
  return acsCtrlEnabled(flags, SV_RR_CR_UF);
}

// quirks.c pci_quirk_intel_pch_acs_ids[] (A.9 item 5).
const INTEL_PCH_ACS_IDS = new Set<number>([
  ...range(0x3b42, 0x3b51), // Ibexpeak
  ...range(0x1c10, 0x1c1f), // Cougarpoint
  ...range(0x1e10, 0x1e1f), // Pantherpoint
  ...range(0x8c10, 0x8c1f), // Lynxpoint-H
  ...range(0x9c10, 0x9c1b), // Lynxpoint-LP
  ...range(0x9c90, 0x9c9b), // Wildcat
  ...range(0x1d10, 0x1d1e, 2), // Patsburg (X79), even ids only
  ...range(0x8d10, 0x8d1e), // Wellsburg (X99)
  ...range(0x8c90, 0x8c9e, 2), // Lynx Point (9 series), even ids only
]);

/** quirks.c pci_quirk_intel_pch_acs_match(): root ports of the listed Intel PCHs. */
function isIntelPchAcsPort(fn: PciFunction): boolean {
  return fn.vendor === INTEL && isRootPort(fn) && fn.device !== null && INTEL_PCH_ACS_IDS.has(fn.device);
}

// quirks.c pci_quirk_intel_pch_acs(): isolated once pci_quirk_enable_intel_pch_acs() succeeded
// (PCI_DEV_FLAGS_ACS_ENABLED_QUIRK). Boot-time success is assumed and reported in the notes.
function intelPch(s: AcsSubject, flags: number): boolean | null {
  if (!isIntelPchAcsPort(s.fn)) return null;
  return acsCtrlEnabled(flags, SV_RR_CR_UF);
}

/** quirks.c pci_quirk_intel_spt_pch_acs_match() (A.9 item 6). */
function isIntelSptAcsPort(fn: PciFunction): boolean {
  return (
    fn.vendor === INTEL && isRootPort(fn) && fn.device !== null &&
    inRanges(fn.device, [[0xa110, 0xa11f], [0xa167, 0xa16a], [0xa290, 0xa29f], [0xa2e7, 0xa2ee], [0x9d10, 0x9d1b]])
  );
}

// quirks.c pci_quirk_intel_spt_pch_acs(): reads ACS control at a non-standard offset, which lspci
// misdecodes; pci_quirk_enable_intel_spt_pch_acs() sets cap & (SV RR CR UF) there at boot, so the
// control value is taken as that, not as the printed ACSCtl (A.9 item 6, A.10).
function intelSpt(s: AcsSubject, flags: number): boolean | null {
  if (!isIntelSptAcsPort(s.fn) || s.fn.acs === null) return null;
  const cap = acsMask(s.fn.acs.cap);
  return acsCtrlEnabled(flags & (cap | PCI_ACS_EC), cap & SV_RR_CR_UF);
}

// quirks.c pci_quirk_cavium_acs(): ThunderX root ports implement ACS-like isolation.
function cavium(s: AcsSubject, flags: number): boolean | null {
  if (!isRootPort(s.fn) || s.fn.device === null) return null;
  if (!inRanges(s.fn.device, [[0xa000, 0xa7ff], [0xaf84, 0xaf84], [0xb884, 0xb884]])) return null;
  return acsCtrlEnabled(flags, SV_RR_CR_UF);
}

// quirks.c pci_quirk_al_acs(): Annapurna Labs root ports cannot talk to each other.
function annapurna(s: AcsSubject, flags: number): boolean | null {
  if (!isRootPort(s.fn)) return null;
  return (flags & ~SV_RR_CR_UF) === 0;
}

// quirks.c pci_quirk_zhaoxin_pcie_ports_acs(): listed ports isolated; every other Zhaoxin root or
// downstream port answers 0, which ends the table scan (A.9 item 8).
function zhaoxinPorts(s: AcsSubject, flags: number): boolean | null {
  if (s.fn.pcieType !== 'root-port' && s.fn.pcieType !== 'switch-downstream') return null;
  if (s.fn.device !== null && inRanges(s.fn.device, [[0x0710, 0x071e], [0x0721, 0x0721], [0x0723, 0x0752]])) {
    return acsCtrlEnabled(flags, SV_RR_CR_UF);
  }
  return false;
}

// quirks.c pci_quirk_wangxun_nic_acs(): listed NICs isolated; any other Wangxun device answers 0.
const WANGXUN_ISOLATED = new Set<number>([...range(0x0100, 0x010f), 0x1001, 0x2001, 0x5010, 0x5025, 0x5040, 0x5110, 0x5125, 0x5140]);
function wangxun(s: AcsSubject, flags: number): boolean | null {
  if (s.fn.device !== null && WANGXUN_ISOLATED.has(s.fn.device)) return acsCtrlEnabled(flags, SV_RR_CR_UF);
  return false;
}

const entry = (vendor: number, device: number | null, callback: string, label: string, check: AcsQuirk['check']): AcsQuirk =>
  ({ vendor, device, callback, label, check });

const mf = (vendor: number, devices: number[], label: string) =>
  devices.map((d) => entry(vendor, d, 'pci_quirk_mf_endpoint_acs', label, mfEndpoint));

const AMD_SB_LABEL = 'AMD southbridge quirk (no peer-to-peer with an AMD IOMMU)';

/** pci_dev_acs_enabled[] of Linux 6.1, in table order. */
export const ACS_QUIRKS: readonly AcsQuirk[] = [
  ...[0x4385, 0x439c, 0x4383, 0x439d, 0x4384, 0x4399].map((d) => entry(ATI, d, 'pci_quirk_amd_sb_acs', AMD_SB_LABEL, amdSouthbridge)),
  ...[0x780f, 0x7809].map((d) => entry(AMD, d, 'pci_quirk_amd_sb_acs', AMD_SB_LABEL, amdSouthbridge)),
  ...mf(SOLARFLARE, [0x0903, 0x0923, 0x0a03], 'Solarflare multifunction NIC quirk'),
  ...mf(INTEL, [
    0x10c6, 0x10db, 0x10dd, 0x10e1, 0x10f1, 0x10f7, 0x10f8, 0x10f9, 0x10fa, 0x10fb, 0x10fc,
    0x1507, 0x1514, 0x151c, 0x1529, 0x152a, 0x154d, 0x154f, 0x1551, 0x1558,
    0x1509, 0x150e, 0x150f, 0x1510, 0x1511, 0x1516, 0x1527, // 82580
    0x10c9, 0x10e6, 0x10e7, 0x10e8, 0x150a, 0x150d, 0x1518, 0x1526, // 82576
    0x10a7, 0x10a9, 0x10d6, // 82575
    0x1521, 0x1522, 0x1523, 0x1524, // I350
    0x105e, 0x105f, 0x1060, 0x10d9, // 82571
    0x15b7, 0x15b8, // I219
  ], 'Intel multifunction NIC quirk'),
  entry(INTEL, null, 'pci_quirk_rciep_acs', 'Intel RCiEP quirk', intelRciep),
  ...[0x0400, 0x0401, 0x0115].map((d) => entry(QCOM, d, 'pci_quirk_qcom_rp_acs', 'QCOM root port quirk', isolatedPort)),
  entry(HXT, 0x0401, 'pci_quirk_qcom_rp_acs', 'HXT root port quirk', isolatedPort),
  entry(INTEL, null, 'pci_quirk_intel_pch_acs', 'Intel PCH root port quirk', intelPch),
  entry(INTEL, null, 'pci_quirk_intel_spt_pch_acs', 'Intel Sunrise/Union Point root port quirk', intelSpt),
  entry(0x19a2, 0x0710, 'pci_quirk_mf_endpoint_acs', 'Emulex BE3-R multifunction quirk', mfEndpoint),
  entry(0x10df, 0x0720, 'pci_quirk_mf_endpoint_acs', 'Emulex Skyhawk-R multifunction quirk', mfEndpoint),
  entry(CAVIUM, null, 'pci_quirk_cavium_acs', 'Cavium ThunderX root port quirk', cavium),
  ...mf(CAVIUM, [0xa026, 0xa059, 0xa060], 'Cavium multifunction quirk'),
  entry(AMCC, 0xe004, 'pci_quirk_xgene_acs', 'APM X-Gene root port quirk', isolatedPort),
  ...range(0xe005, 0xe00c).map((d) => entry(AMPERE, d, 'pci_quirk_xgene_acs', 'Ampere root port quirk', isolatedPort)),
  ...mf(BROADCOM, [0x16d7, 0x1750, 0x1751, 0x1752, 0x1760, 0x1761, 0x1762, 0x1763], 'Broadcom multifunction quirk'),
  entry(BROADCOM, 0xd714, 'pci_quirk_brcm_acs', 'Broadcom iProc root port quirk', isolatedPort),
  ...[0x3c09, 0x3c19, 0x3c29, 0x7a09, 0x7a19, 0x7a29, 0x7a39, 0x7a49, 0x7a59, 0x7a69].map((d) =>
    entry(LOONGSON, d, 'pci_quirk_loongson_acs', 'Loongson root port quirk', isolatedPort)),
  entry(AMAZON_ANNAPURNA_LABS, 0x0031, 'pci_quirk_al_acs', 'Annapurna Labs root port quirk', annapurna),
  ...mf(ZHAOXIN, [0x3038, 0x3104, 0x9083], 'Zhaoxin multifunction quirk'),
  ...[
    0x8d81, 0x8da1, 0x8d83, 0x8d80, 0x8da0, 0x8d82, 0x8d90, 0x8db0, 0x8d92, 0x8d91, 0x8db1, 0x8d93,
    0x8d89, 0x8da9, 0x8d8b, 0x8d88, 0x8da8, 0x8d8a, 0x8d98, 0x8db8, 0x8d9a, 0x8d99, 0x8db9, 0x8d9b,
  ].map((d) => entry(NXP, d, 'pci_quirk_nxp_rp_acs', 'NXP LX2xx root port quirk', isolatedPort)),
  entry(ZHAOXIN, null, 'pci_quirk_zhaoxin_pcie_ports_acs', 'Zhaoxin root/downstream port quirk', zhaoxinPorts),
  entry(WANGXUN, null, 'pci_quirk_wangxun_nic_acs', 'Wangxun NIC quirk', wangxun),
];

/** Vendor ids whose host bridges come with an AMD IOMMU described by ACPI IVRS (AMD, ATI, Hygon). */
export const AMD_IOMMU_HOST_VENDORS: readonly number[] = [AMD, ATI, 0x1d94];

export interface AcsQuirkAnswer {
  quirk: AcsQuirk;
  isolated: boolean;
}

/** Table entries whose vendor and device match the function (PCI_ANY_ID entries included), in order. */
export function matchingAcsQuirks(fn: PciFunction): AcsQuirk[] {
  if (fn.vendor === null) return [];
  return (QUIRKS_BY_VENDOR.get(fn.vendor) ?? []).filter((q) => q.device === null || q.device === fn.device);
}

/** The table split by vendor, each list still in table order. */
const QUIRKS_BY_VENDOR = new Map<number, AcsQuirk[]>();
for (const quirk of ACS_QUIRKS) QUIRKS_BY_VENDOR.set(quirk.vendor, [...(QUIRKS_BY_VENDOR.get(quirk.vendor) ?? []), quirk]);

/** The table scan of quirks.c pci_dev_specific_acs_enabled(): the first answer (0 or 1) wins. */
export function acsQuirkAnswer(subject: AcsSubject, flags: number, env: QuirkEnvironment): AcsQuirkAnswer | null {
  for (const quirk of matchingAcsQuirks(subject.fn)) {
    const isolated = quirk.check(subject, flags, env);
    if (isolated !== null) return { quirk, isolated };
  }
  return null;
}

function range(from: number, to: number, step = 1): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}
