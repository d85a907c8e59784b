// pci_acs_enabled() (kernel-semantics A.2) and the order of its device-specific answers (A.6, A.7).
import { describe, expect, it } from 'vitest';
import { acsCapability, downstreamPort, endpoint, pciBridge, pciDevice, pcieToPciBridge, rcEndpoint, rootPort, upstreamPort } from '../topology/builders.ts';
import type { PciFunction } from '../topology/types.ts';
import { pciAcsEnabled } from './acsEnabled.ts';
import { PCI_ACS_EC, REQ_ACS_FLAGS } from './acsFlags.ts';
import { parseAcsOverride } from './acsOverride.ts';

const ctx = (override: string[] = []) => ({ env: { amdIvrs: false }, override: parseAcsOverride(override) });
const judge = (fn: PciFunction, flags = REQ_ACS_FLAGS, override: string[] = []) => pciAcsEnabled({ fn, onRootBus: false }, flags, ctx(override));

describe('pci_acs_enabled: the PCIe rules (A.2)', () => {
  it('never isolates conventional PCI', () => {
    expect(judge(pciDevice('03:04.0').fn)).toMatchObject({ isolated: false, why: 'conventional PCI never isolates' });
    expect(judge(pciBridge('00:1e.0').fn).isolated).toBe(false);
  });

  it('never isolates a PCIe-to-PCI bridge, even with an ACS capability', () => {
    expect(judge(pcieToPciBridge('01:00.0', { acs: true }).fn)).toMatchObject({ isolated: false, why: 'ACS does not apply to a PCIe-to-PCI bridge' });
  });

  it('asks root and downstream ports for the ACS bits, single-function or not', () => {
    for (const make of [rootPort, downstreamPort]) {
      expect(judge(make('00:1c.0', { acs: false }).fn)).toMatchObject({ isolated: false, why: 'no ACS capability' });
      expect(judge(make('00:1c.0', { acs: true }).fn).isolated).toBe(true);
      expect(judge(make('00:1c.0', { acs: acsCapability('sv tb rr cr uf dt', 'sv uf') }).fn)).toMatchObject({ isolated: false, why: 'RR, CR not enabled' });
    }
  });

  it('counts controls the capability lacks as hard-wired on (pci_acs_flags_enabled)', () => {
    expect(judge(rootPort('00:1c.0', { acs: acsCapability('sv uf', 'sv uf') }).fn).isolated).toBe(true);
  });

  it('does not excuse a missing Egress Control capability', () => {
    const port = rootPort('00:1c.0', { acs: acsCapability('sv rr cr uf', 'sv rr cr uf') }).fn;
    expect(judge(port).isolated).toBe(true);
    expect(judge(port, REQ_ACS_FLAGS | PCI_ACS_EC)).toMatchObject({ isolated: false, why: 'EC not enabled' });
  });

  it('needs no ACS on single-function endpoints, upstream ports and RCiEPs', () => {
    expect(judge(endpoint('01:00.0').fn).isolated).toBe(true);
    expect(judge(upstreamPort('01:00.0').fn).isolated).toBe(true);
    expect(judge(rcEndpoint('00:03.0', { vendor: 0x1b36 }).fn).isolated).toBe(true);
  });

  it('needs ACS on multifunction endpoints and upstream ports', () => {
    expect(judge(endpoint('01:00.0', { multifunction: true }).fn)).toMatchObject({ isolated: false, why: 'multifunction without an ACS capability' });
    expect(judge(upstreamPort('01:00.0', { multifunction: true }).fn).isolated).toBe(false);
    expect(judge(endpoint('01:00.0', { multifunction: true, acs: true }).fn).isolated).toBe(true);
  });
});

describe('pci_dev_specific_acs_enabled: who answers first', () => {
  const zhaoxinPort = (quirks?: PciFunction['quirks']) => rootPort('00:02.0', { vendor: 0x1d17, device: 0x0999, acs: false, quirks }).fn;

  it('puts a per-function verdict given in the topology before the kernel table', () => {
    expect(judge(zhaoxinPort({ acs: 'isolated' }))).toMatchObject({ isolated: true, decidedBy: 'function-quirk' });
    expect(judge(rcEndpoint('00:06.0', { multifunction: true, quirks: { acs: 'not-isolated' } }).fn)).toMatchObject({ isolated: false, decidedBy: 'function-quirk' });
  });

  it('lets a table answer of 0 end the scan, so the override patch cannot help', () => {
    expect(judge(zhaoxinPort(), REQ_ACS_FLAGS, ['downstream'])).toMatchObject({ isolated: false, decidedBy: 'kernel-quirk', quirk: 'pci_quirk_zhaoxin_pcie_ports_acs' });
  });

  it('asks the override patch last, only when no quirk answered', () => {
    expect(judge(rootPort('00:02.0', { acs: false }).fn, REQ_ACS_FLAGS, ['downstream'])).toMatchObject({ isolated: true, decidedBy: 'acs-override', quirk: 'downstream' });
    expect(judge(rcEndpoint('00:06.0', { multifunction: true }).fn, REQ_ACS_FLAGS, ['multifunction'])).toMatchObject({ decidedBy: 'kernel-quirk', quirk: 'pci_quirk_rciep_acs' });
  });
});
