// The page's own messages (pageMessages.ts) in a bar over the top of the graph, each with its
// dismiss button. Drawn outside the app's tree, so it shows even when the app itself fails.
import type { StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { PageMessages } from './pageMessages.ts';

export function PageMessageBar({ store }: { store: StoreApi<PageMessages> }) {
  const messages = useStore(store, (s) => s.messages);
  const dismiss = useStore(store, (s) => s.dismiss);
  if (messages.length === 0) return null;
  return (
    <div className="pointer-events-none fixed inset-x-0 top-24 z-50 flex flex-col items-center gap-2 px-4">
      {messages.map((m) => (
        <div
          key={m.id}
          role="alert"
          data-testid="page-message"
          data-topic={m.topic}
          className="pointer-events-auto flex w-full max-w-3xl items-start gap-3 rounded-lg border border-amber-400 bg-amber-50 px-4 py-3 text-[13px] leading-snug text-amber-950 shadow-lg"
        >
          <p data-testid="page-message-text" className="flex-1">{m.text}</p>
          {m.action && (
            <button type="button" data-testid="page-message-action" onClick={m.action.run} className="shrink-0 rounded border border-amber-500 bg-white px-2 py-0.5 font-medium hover:bg-amber-100">
              {m.action.label}
            </button>
          )}
          <button type="button" aria-label="dismiss" data-testid="page-message-dismiss" onClick={() => dismiss(m.id)} className="px-1 text-lg leading-none text-amber-700 hover:text-amber-950">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
