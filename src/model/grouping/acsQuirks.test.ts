// The 6.1 pci_dev_acs_enabled[] table (kernel-semantics A.6, A.9 items 5-9), one test per quirk.
import { describe, expect, it } from 'vitest';
import { acsCapability, downstreamPort, endpoint, pciDevice, rcEndpoint, rootPort } from '../topology/builders.ts';
import type { PciFunction } from '../topology/types.ts';
import { REQ_ACS_FLAGS } from './acsFlags.ts';
import { acsQuirkAnswer } from './acsQuirks.ts';

const answer = (fn: PciFunction, { onRootBus = false, amdIvrs = false } = {}) => {
  const a = acsQuirkAnswer({ fn, onRootBus }, REQ_ACS_FLAGS, { amdIvrs });
  return a === null ? null : { callback: a.quirk.callback, isolated: a.isolated };
};

describe('ACS quirk table', () => {
  it('isolates Intel RCiEPs, but not Intel PCIe endpoints or conventional functions (pci_quirk_rciep_acs)', () => {
    expect(answer(rcEndpoint('00:06.1', { vendor: 0x8086, device: 0x10d3, multifunction: true }).fn)).toEqual({ callback: 'pci_quirk_rciep_acs', isolated: true });
    expect(answer(endpoint('01:00.1', { vendor: 0x8086, device: 0x10d3, multifunction: true }).fn)).toBeNull();
    expect(answer(pciDevice('00:1b.0', { vendor: 0x8086, device: 0x293e, multifunction: true }).fn)).toBeNull();
    expect(answer(rcEndpoint('00:07.1', { vendor: 0x1b36, device: 0x0010, multifunction: true }).fn)).toBeNull();
  });

  it('isolates the listed multifunction endpoints (pci_quirk_mf_endpoint_acs)', () => {
    for (const [vendor, device] of [[0x8086, 0x10c9], [0x8086, 0x1521], [0x8086, 0x15b8], [0x1924, 0x0a03], [0x19a2, 0x0710], [0x10df, 0x0720], [0x177d, 0xa026], [0x14e4, 0x16d7], [0x1d17, 0x3104]] as const) {
      expect(answer(endpoint('01:00.1', { vendor, device, multifunction: true }).fn)).toEqual({ callback: 'pci_quirk_mf_endpoint_acs', isolated: true });
    }
  });

  it('isolates Intel PCH root ports by id, assuming the enable quirk succeeded (pci_quirk_intel_pch_acs)', () => {
    for (const device of [0x3b42, 0x1c10, 0x1e1f, 0x8c10, 0x9c1b, 0x9c90, 0x1d10, 0x1d1e, 0x8d1e, 0x8c9e]) {
      expect(answer(rootPort('00:1c.0', { vendor: 0x8086, device, acs: false }).fn)).toEqual({ callback: 'pci_quirk_intel_pch_acs', isolated: true });
    }
    // Odd Patsburg and 9-series ids, QEMU's ioh3420 (A.9 item 5), and a PCH id on a non-root-port are not matched.
    for (const device of [0x1d11, 0x8c91, 0x3420]) expect(answer(rootPort('00:1c.0', { vendor: 0x8086, device, acs: false }).fn)).toBeNull();
    expect(answer(downstreamPort('02:00.0', { vendor: 0x8086, device: 0x1c10, acs: false }).fn)).toBeNull();
  });

  it('treats Intel Sunrise/Union Point root ports with an ACS capability as isolated whatever ACSCtl lspci prints (pci_quirk_intel_spt_pch_acs)', () => {
    for (const device of [0xa110, 0xa16a, 0xa290, 0xa2ee, 0x9d1b]) {
      expect(answer(rootPort('00:1c.0', { vendor: 0x8086, device, acs: acsCapability('sv rr cr uf', '') }).fn)).toEqual({ callback: 'pci_quirk_intel_spt_pch_acs', isolated: true });
    }
    expect(answer(rootPort('00:1c.0', { vendor: 0x8086, device: 0xa110, acs: false }).fn)).toBeNull();
  });

  it('isolates AMD southbridge functions only when multifunction, on a root bus and with an IVRS table (pci_quirk_amd_sb_acs)', () => {
    const sb = pciDevice('00:14.0', { vendor: 0x1002, device: 0x4385, multifunction: true }).fn;
    expect(answer(sb, { onRootBus: true, amdIvrs: true })).toEqual({ callback: 'pci_quirk_amd_sb_acs', isolated: true });
    expect(answer(sb, { onRootBus: true, amdIvrs: false })).toBeNull();
    expect(answer(sb, { onRootBus: false, amdIvrs: true })).toBeNull();
    expect(answer({ ...sb, multifunction: false }, { onRootBus: true, amdIvrs: true })).toBeNull();
    expect(answer(pciDevice('00:14.3', { vendor: 0x1022, device: 0x780f, multifunction: true }).fn, { onRootBus: true, amdIvrs: true })?.isolated).toBe(true);
    // Modern FCH functions are not in the list (A.9 item 7).
    expect(answer(pciDevice('00:14.0', { vendor: 0x1022, device: 0x790b, multifunction: true }).fn, { onRootBus: true, amdIvrs: true })).toBeNull();
  });

  it('answers 0 for unlisted Zhaoxin ports, even with a working ACS capability (pci_quirk_zhaoxin_pcie_ports_acs)', () => {
    expect(answer(rootPort('00:02.0', { vendor: 0x1d17, device: 0x0715, acs: false }).fn)).toEqual({ callback: 'pci_quirk_zhaoxin_pcie_ports_acs', isolated: true });
    expect(answer(downstreamPort('02:00.0', { vendor: 0x1d17, device: 0x0722, acs: true }).fn)).toEqual({ callback: 'pci_quirk_zhaoxin_pcie_ports_acs', isolated: false });
    expect(answer(endpoint('01:00.0', { vendor: 0x1d17, device: 0x0722 }).fn)).toBeNull();
  });

  it('answers 0 for unlisted Wangxun devices (pci_quirk_wangxun_nic_acs)', () => {
    expect(answer(endpoint('01:00.1', { vendor: 0x8088, device: 0x1001, multifunction: true }).fn)).toEqual({ callback: 'pci_quirk_wangxun_nic_acs', isolated: true });
    expect(answer(endpoint('01:00.1', { vendor: 0x8088, device: 0x5141, multifunction: true }).fn)).toEqual({ callback: 'pci_quirk_wangxun_nic_acs', isolated: false });
  });

  it('isolates the vendor root ports without an ACS capability (Cavium, QCOM, HXT, X-Gene, Ampere, Broadcom, Loongson, NXP, Annapurna)', () => {
    for (const [vendor, device, callback] of [
      [0x177d, 0xa123, 'pci_quirk_cavium_acs'], [0x177d, 0xaf84, 'pci_quirk_cavium_acs'], [0x17cb, 0x0401, 'pci_quirk_qcom_rp_acs'],
      [0x1dbf, 0x0401, 'pci_quirk_qcom_rp_acs'], [0x10e8, 0xe004, 'pci_quirk_xgene_acs'], [0x1def, 0xe00c, 'pci_quirk_xgene_acs'],
      [0x14e4, 0xd714, 'pci_quirk_brcm_acs'], [0x0014, 0x7a69, 'pci_quirk_loongson_acs'], [0x1957, 0x8d9b, 'pci_quirk_nxp_rp_acs'],
      [0x1c36, 0x0031, 'pci_quirk_al_acs'],
    ] as const) {
      expect(answer(rootPort('00:02.0', { vendor, device, acs: false }).fn)).toEqual({ callback, isolated: true });
    }
    expect(answer(endpoint('01:00.0', { vendor: 0x177d, device: 0xa123 }).fn)).toBeNull(); // Cavium: root ports only
    expect(answer(endpoint('01:00.0', { vendor: 0x1c36, device: 0x0031 }).fn)).toBeNull(); // Annapurna: root ports only
  });

  it('lets no quirk apply without vendor:device ids', () => {
    expect(answer(rcEndpoint('00:06.1', { vendor: null, device: null, multifunction: true }).fn)).toBeNull();
  });
});
