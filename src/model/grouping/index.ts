// Public API of the IOMMU grouping model (spec model.md §2).
export { computeGroups } from './computeGroups.ts';
export { groupingFromKernelListing } from './fromKernelListing.ts';
export * from './types.ts';
export { pciAcsEnabled, pciDevSpecificAcsEnabled, standardAcsEnabled, acsFlagsMissing, type AcsVerdict, type AcsDecider, type AcsContext } from './acsEnabled.ts';
export { pciAcsPathEnabled, type PathVerdict } from './acsPath.ts';
export { ACS_QUIRKS, acsQuirkAnswer, matchingAcsQuirks, type AcsQuirk, type AcsSubject, type QuirkEnvironment } from './acsQuirks.ts';
export { parseAcsOverride, acsOverrideWord, type AcsOverride } from './acsOverride.ts';
export * from './acsFlags.ts';
export { buildPciTree, type PciTree, type PciNode, type PciBus } from './pciTree.ts';
export { DmaAliases, type DmaAliasHop, type DmaAliasWalk, type DmaAliasPartner } from './dmaAliasWalk.ts';
