// pci_acs_enabled(): does a function keep its peers' traffic apart? (kernel-semantics A.2, A.6,
// A.7, A.9 items 5-9). Every verdict says who decided and why, for the reasons and notes.
import type { PciFunction } from '../topology/types.ts';
import { acsBitNames, acsMask, PCI_ACS_EC } from './acsFlags.ts';
import { acsOverrideWord, type AcsOverride } from './acsOverride.ts';
import { acsQuirkAnswer, type AcsSubject, type QuirkEnvironment } from './acsQuirks.ts';

export type AcsDecider = 'standard' | 'function-quirk' | 'kernel-quirk' | 'acs-override';

export interface AcsVerdict {
  isolated: boolean;
  decidedBy: AcsDecider;
  /** The quirks.c callback or the pcie_acs_override word that decided, if one did. */
  quirk?: string;
  /** Why, as a phrase that fits in parentheses: "no ACS capability", "RR, CR, UF not enabled". */
  why: string;
}

export interface AcsContext {
  env: QuirkEnvironment;
  override: AcsOverride;
}

/** drivers/pci/pci.c pci_acs_enabled(): device-specific answers first, then the PCIe rules. */
export function pciAcsEnabled(subject: AcsSubject, flags: number, ctx: AcsContext): AcsVerdict {
  return pciDevSpecificAcsEnabled(subject, flags, ctx) ?? standardAcsEnabled(subject.fn, flags);
}

/**
 * quirks.c pci_dev_specific_acs_enabled(), in this order: the per-function verdict of the model
 * (types.ts FunctionQuirks.acs, which overrides the built-in tables), the 6.1 table, and the
 * pcie_acs_override hook as its last entry (A.7). null = -ENOTTY, no device-specific answer.
 */
export function pciDevSpecificAcsEnabled(subject: AcsSubject, flags: number, ctx: AcsContext): AcsVerdict | null {
  const forced = subject.fn.quirks?.acs;
  if (forced !== undefined) {
    const isolated = forced === 'isolated';
    return { isolated, decidedBy: 'function-quirk', why: `a device quirk given for it says it ${isolated ? 'isolates' : 'does not isolate'}` };
  }
  const answer = acsQuirkAnswer(subject, flags, ctx.env);
  if (answer) {
    const { quirk, isolated } = answer;
    return { isolated, decidedBy: 'kernel-quirk', quirk: quirk.callback, why: `decided by the ${quirk.label}, ${quirk.callback}` };
  }
  const word = acsOverrideWord(subject.fn, ctx.override);
  if (word !== null) {
    return { isolated: true, decidedBy: 'acs-override', quirk: word, why: `pcie_acs_override=${word} pretends it isolates` };
  }
  return null;
}

const NO_ACS_TYPES: Partial<Record<NonNullable<PciFunction['pcieType']>, string>> = {
  'pci-to-pcie-bridge': 'a PCI-to-PCIe bridge',
  'pcie-to-pci-bridge': 'a PCIe-to-PCI bridge',
  'rc-event-collector': 'a root complex event collector',
};

/** pci_acs_enabled() after the quirks: the rules of PCIe 3.0 section 6.12 as drivers/pci/pci.c reads them. */
export function standardAcsEnabled(fn: PciFunction, flags: number): AcsVerdict {
  const verdict = (isolated: boolean, why: string): AcsVerdict => ({ isolated, decidedBy: 'standard', why });
  // Conventional PCI and PCI-X: the shared bus lets any device see any DMA.
  if (fn.pcieType === null) return verdict(false, 'conventional PCI never isolates');
  switch (fn.pcieType) {
    case 'pci-to-pcie-bridge':
    case 'pcie-to-pci-bridge':
    case 'rc-event-collector':
      // PCIe 3.0 6.12.1 excludes ACS on these.
      return verdict(false, `ACS does not apply to ${NO_ACS_TYPES[fn.pcieType]}`);
    case 'switch-downstream':
    case 'root-port': {
      // 6.12.1.1: downstream and root ports should implement ACS, single- or multifunction.
      const missing = acsFlagsMissing(fn, flags);
      if (missing === null) return verdict(false, 'no ACS capability');
      return missing === 0 ? verdict(true, `ACS enables ${acsBitNames(flags)}`) : verdict(false, `${acsBitNames(missing)} not enabled`);
    }
    case 'endpoint':
    case 'switch-upstream':
    case 'legacy-endpoint':
    case 'rc-endpoint': {
      // 6.12.1.2: these need ACS only as part of a multifunction device.
      if (!fn.multifunction) return verdict(true, 'single-function, so it needs no ACS');
      const missing = acsFlagsMissing(fn, flags);
      if (missing === null) return verdict(false, 'multifunction without an ACS capability');
      return missing === 0 ? verdict(true, 'multifunction with ACS enabled') : verdict(false, `multifunction with ${acsBitNames(missing)} not enabled`);
    }
  }
}

/**
 * pci.c pci_acs_flags_enabled(): the requested controls that are not enabled, or null without an
 * ACS capability. Controls the capability lacks count as hard-wired on, except Egress Control.
 */
export function acsFlagsMissing(fn: PciFunction, flags: number): number | null {
  if (fn.acs === null) return null;
  const wanted = flags & (acsMask(fn.acs.cap) | PCI_ACS_EC);
  return wanted & ~acsMask(fn.acs.ctrl);
}
