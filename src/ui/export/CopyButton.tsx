// A copy button that says "Copied" (or that copying failed) beside itself for a moment.
import { useEffect, useState } from 'react';
import { copyText } from './copyText.ts';

const SHOW_MS = 2500;

export function CopyButton({ text, testId, what }: { text: string | null; testId: string; what: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), SHOW_MS);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        data-testid={testId}
        disabled={text === null}
        onClick={() => text !== null && void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'))}
        className="rounded border border-indigo-300 bg-indigo-50 px-3 py-1 text-sm font-medium text-indigo-800 enabled:hover:bg-indigo-100 disabled:border-slate-200 disabled:bg-white disabled:text-slate-400"
      >
        Copy {what}
      </button>
      <span role="status" data-testid={`${testId}-status`} className={`min-w-[3.25rem] text-[12px] ${state === 'failed' ? 'text-rose-700' : 'text-emerald-700'}`}>
        {state === 'copied' && 'Copied'}
        {state === 'failed' && 'The browser refused; select the text and press Ctrl+C'}
      </span>
    </span>
  );
}
