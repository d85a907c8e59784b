// Grouping.notes: assumptions the model makes and every decision a quirk or override took.
import { describe, expect, it } from 'vitest';
import { acsCapability, endpoint, hostBridge, multifunction, pciDevice, rcEndpoint, rootPort, sriovFunctions, topology } from '../topology/builders.ts';
import type { Topology } from '../topology/types.ts';
import { computeGroups } from './computeGroups.ts';
import { DEFAULT_GROUPING_SETTINGS, type GroupingSettings } from './types.ts';

const notesOf = (t: Topology, settings: Partial<GroupingSettings> = {}) => computeGroups(t, { ...DEFAULT_GROUPING_SETTINGS, ...settings }).notes;

describe('notes', () => {
  it('say when the Intel PCH ACS enable quirk is assumed to have worked', () => {
    const t = topology(rootPort('00:1c.0', { vendor: 0x8086, device: 0x1c10 }, [endpoint('01:00.0')]));
    expect(notesOf(t)).toContainEqual(expect.stringContaining('assumed the Intel PCH ACS enable quirk succeeded for 0000:00:1c.0'));
  });

  it('say when the printed ACSCtl of an Intel SPT root port is ignored', () => {
    const t = topology(rootPort('00:1c.0', { vendor: 0x8086, device: 0xa110, acs: acsCapability('sv rr cr uf', '') }, [endpoint('01:00.0')]));
    expect(notesOf(t)).toContainEqual(expect.stringContaining('0000:00:1c.0: Intel Sunrise/Union Point root port'));
  });

  it('say why an ACPI IVRS table is assumed for the AMD southbridge quirk, and when it is not', () => {
    const sb = multifunction('00:14', 2, { vendor: 0x1002, device: 0x4385 }, pciDevice);
    expect(notesOf(topology(hostBridge('00:00.0', { vendor: 0x1022, device: 0x1450 }), ...sb))).toContainEqual(expect.stringContaining('assumed because host bridge 0000:00:00.0 is AMD'));
    expect(notesOf(topology(hostBridge('00:00.0'), ...sb))).toContainEqual('0000:00:14.0: pci_quirk_amd_sb_acs does not apply, since no ACPI IVRS table (AMD IOMMU) is assumed');
  });

  it('name a quirk that changed a verdict, but not one that agrees with the ACS capability', () => {
    const notes = notesOf(topology(...multifunction('00:06', 2, {}, rcEndpoint), rcEndpoint('00:03.0')));
    expect(notes).toContain('0000:00:06.0: isolated, decided by the Intel RCiEP quirk, pci_quirk_rciep_acs, unlike what its ACS capability alone says');
    expect(notes.some((n) => n.includes('00:03.0'))).toBe(false);
  });

  it('warn that pcie_acs_override pretends isolation, naming each function it decided', () => {
    const notes = notesOf(topology(rootPort('00:01.0', {}, [endpoint('01:00.0')])), { acsOverride: ['downstream', 'nonsense'] });
    expect(notes).toContainEqual(expect.stringContaining('pcie_acs_override=downstream,nonsense is active: this out-of-tree patch pretends isolation the hardware does not have'));
    expect(notes).toContain('0000:00:01.0: pcie_acs_override=downstream pretends it is isolated; the hardware does not isolate it');
    expect(notes).toContainEqual(expect.stringContaining('"nonsense" is ignored'));
  });

  it('report a verdict given in the topology', () => {
    expect(notesOf(topology(rootPort('00:01.0', { quirks: { acs: 'isolated' } }, [endpoint('01:00.0')])))).toContain('0000:00:01.0: a device quirk given in the topology decides it is isolated');
  });

  it('report assumed ACS controls, untranslated functions, missing ids and guessed numbering', () => {
    const notes = notesOf({
      ...topology(
        hostBridge('00:00.0', { translated: false }),
        hostBridge('20:00.0', { vendor: null, device: null }),
        rootPort('00:02.0', { acs: { ...acsCapability(), ctrlAssumed: true } }, [endpoint('01:00.0')]),
        rootPort('00:03.0', { acs: true }, sriovFunctions('02:00.0', 1)),
        rootPort('00:04.0', { acs: true }, sriovFunctions('03:00.0', 1)),
      ),
    });
    expect(notes).toEqual(expect.arrayContaining([
      expect.stringContaining('0000:00:02.0: ACS control bits assumed'),
      expect.stringContaining('in no group (they still count as bridges, slot siblings and alias targets): 0000:00:00.0'),
      expect.stringContaining('1 function(s) without vendor:device ids (20:00.0)'),
      'group numbers assume the root buses 0000:00, 0000:20 are scanned in ascending order; the kernel follows the ACPI order',
      'group numbers of VFs assume their PFs were enabled in probe order',
    ]));
  });
});
