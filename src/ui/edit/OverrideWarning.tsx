// What the ACS override pretends, in plain words, whenever one is set.
import { overrideWarnings } from '../../model/edit/overrideWords.ts';

export function OverrideWarning({ words, compact = false }: { words: readonly string[]; compact?: boolean }) {
  const warnings = overrideWarnings(words);
  if (warnings.length === 0) return null;
  return (
    <div role="note" data-testid="override-warning" className={`rounded border border-amber-400 bg-amber-50 px-2.5 py-1.5 text-amber-900 ${compact ? 'text-[11px] leading-4' : 'text-[12px] leading-5'}`}>
      <span className="font-semibold">ACS override: isolation is pretended, not real. </span>
      {warnings.join(' ')}
    </div>
  );
}
