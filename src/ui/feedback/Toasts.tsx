// Refusals and probe answers as toasts: the errno, the command, and the model's sentence.
import { useEffect } from 'react';
import type { Notice } from '../../store/notices.ts';
import { useExplorer } from '../app/explorerContext.ts';

const SHOW_MS = 9000;

function Toast({ notice }: { notice: Notice }) {
  const dismiss = useExplorer((s) => s.dismissNotice);
  const restorePrevious = useExplorer((s) => s.restorePrevious);
  useEffect(() => {
    const timer = setTimeout(() => dismiss(notice.id), SHOW_MS);
    return () => clearTimeout(timer);
  }, [dismiss, notice.id]);
  const error = notice.tone === 'error';
  return (
    <div
      role={error ? 'alert' : 'status'}
      data-testid="toast"
      data-tone={notice.tone}
      className={`toast-enter pointer-events-auto w-[30rem] rounded-lg border-l-4 bg-white p-3 shadow-lg ${error ? 'border-rose-600' : 'border-sky-600'}`}
    >
      <div className="flex items-start justify-between gap-3">
        <span className={`font-mono text-[13px] font-bold ${error ? 'text-rose-700' : 'text-sky-800'}`}>{notice.title}</span>
        <button type="button" aria-label="dismiss" onClick={() => dismiss(notice.id)} className="text-slate-400 hover:text-slate-700">
          ×
        </button>
      </div>
      <p className="mt-1 text-[13px] leading-snug text-slate-700">{notice.message}</p>
      {notice.action === 'restore-previous' && (
        <button
          type="button"
          data-testid="restore-previous"
          onClick={restorePrevious}
          className="mt-2 rounded border border-sky-600 px-3 py-1 text-[13px] font-medium text-sky-800 hover:bg-sky-50"
        >
          Go back to it
        </button>
      )}
    </div>
  );
}

export function Toasts() {
  const notices = useExplorer((s) => s.notices);
  return (
    <div className="pointer-events-none fixed right-4 bottom-56 z-40 flex flex-col gap-2">
      {notices.map((n) => (
        <Toast key={n.id} notice={n} />
      ))}
    </div>
  );
}
