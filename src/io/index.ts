// Importers of what users paste: lspci text into the topology model, the kernel's IOMMU group
// listings into `address -> group`. None throws on bad input: each returns { ok: false, error }.
export type { ImportError, ImportResult, ImportWarning } from './importResult.ts';
export { MAX_INPUT_CHARS } from './inputText.ts';
export { parseLspci, type InputGap, type LspciImport, type LspciImportOptions } from './lspci/parseLspci.ts';
export { parseGroupListing, type GroupListingImport, type GroupListingOptions } from './groups/parseGroupListing.ts';
export { applyGroupListing, type AppliedGroupListing } from './groups/applyGroupListing.ts';
