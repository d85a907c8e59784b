// What every importer returns: a value with warnings, or one error that says what and where.
// Importers never throw on bad input; people paste anything (a thrown error would be a crash).
import type { Bdf } from '../model/topology/types.ts';

/** Something the importer could not know or had to assume. `line` is 1-based, null when none applies. */
export interface ImportWarning {
  line: number | null;
  /** A self-contained sentence that names the line. */
  message: string;
  bdf?: Bdf;
  /** Set on warnings a caller acts on: which fact the text lacked for this function. */
  gap?: 'multifunction-bit';
}

/** Why the input could not be imported at all. */
export interface ImportError {
  /** 1-based line; null only when the input as a whole is refused (its size). */
  line: number | null;
  message: string;
}

export type ImportResult<T> = ({ ok: true } & T) | { ok: false; error: ImportError };

/** "lspci.txt, line 12" or "line 12": the place a message names. */
export function placeOf(source: string | undefined, line: number | null): string {
  if (line === null) return source ?? 'the input';
  return source ? `${source}, line ${line}` : `line ${line}`;
}

export function importError(source: string | undefined, line: number | null, what: string): { ok: false; error: ImportError } {
  return { ok: false, error: { line, message: `${placeOf(source, line)}: ${what}` } };
}

/**
 * Collects warnings, each prefixed with its place. A pathological input (a million garbled ACS
 * lines) must not produce a million warnings, so after `limit` line warnings the rest are only
 * counted; warnings about the whole input (line null) are few and always kept.
 */
export class WarningLog {
  private readonly items: ImportWarning[] = [];
  private dropped = 0;

  constructor(
    private readonly source: string | undefined,
    private readonly limit = 500,
  ) {}

  add(line: number | null, what: string, bdf?: Bdf, gap?: ImportWarning['gap']): void {
    if (line !== null && this.items.length >= this.limit) {
      this.dropped += 1;
      return;
    }
    const warning: ImportWarning = { line, message: `${placeOf(this.source, line)}: ${what}` };
    if (bdf !== undefined) warning.bdf = bdf;
    if (gap !== undefined) warning.gap = gap;
    this.items.push(warning);
  }

  /** In line order (warnings about the whole input first), then the count of those not kept. */
  list(): ImportWarning[] {
    const sorted = [...this.items].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (this.dropped === 0) return sorted;
    return [
      ...sorted,
      { line: null, message: `${placeOf(this.source, null)}: ${this.dropped} more warnings like these were not listed.` },
    ];
  }
}
