// The import dialog's starting texts, in a module of its own so the top bar can hold a draft
// without loading the dialog (which loads on first use).
import type { ImportDraft } from './readDraft.ts';

export const EMPTY_DRAFT: ImportDraft = { lspci: '', groupListing: '', fileName: null };
