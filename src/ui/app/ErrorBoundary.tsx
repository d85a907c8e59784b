// Keeps the page up when a part of it throws (a layout failure, a rendering bug): the part shows
// what went wrong in its place, a button to copy the current scenario (with the error) for a bug
// report, and "Try again"; the rest of the app keeps working.
import { Component, useState, type ReactNode } from 'react';
import { scenarioJson } from '../../io/export/scenarioJson.ts';
import { exportedScenario } from '../export/exportedScenario.ts';
import type { ExplorerStore } from '../../store/explorerStore.ts';
import { ExplorerContext } from './explorerContext.ts';
import { disarmFault, useFaultDrill } from './faultDrill.ts';

interface Props {
  what: string;
  children: ReactNode;
}

function Drill({ what, children }: Props) {
  useFaultDrill(what);
  return children;
}

// The fire drill exists only in the build the end-to-end tests run (`vite build --mode e2e`); a
// production build renders the children directly and the drill is left out of the bundle.
const withDrill = import.meta.env.MODE === 'e2e';

/** The scenario file of the current state with the error beside it (scenario files allow extra fields). */
function reportText(store: ExplorerStore | null, what: string, error: Error): string {
  const fault = { part: what, message: error.message };
  if (!store) return JSON.stringify({ fault }, null, 2);
  try {
    // The same file the export dialog writes: the commands as they ran, not as they were planned.
    const file = JSON.parse(scenarioJson(exportedScenario(store.getState()))) as Record<string, unknown>;
    return JSON.stringify({ ...file, fault }, null, 2);
  } catch (e) {
    return JSON.stringify({ fault, scenarioUnavailable: (e as Error).message }, null, 2);
  }
}

function CopyScenario({ text }: { text: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'show'>('idle');
  const copy = () => {
    // No clipboard (an insecure page, a refused permission): show the text to copy by hand.
    if (!navigator.clipboard) return setState('show');
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('show'),
    );
  };
  return (
    <>
      <button type="button" data-testid="fault-copy" onClick={copy} className="rounded border border-rose-400 bg-white px-3 py-1 hover:bg-rose-100">
        {state === 'copied' ? 'Copied' : 'Copy scenario'}
      </button>
      {state === 'show' && (
        <textarea
          readOnly
          aria-label="The scenario to copy"
          data-testid="fault-report"
          value={text}
          onFocus={(e) => e.currentTarget.select()}
          className="mt-2 h-32 w-full basis-full rounded border border-rose-300 bg-white p-1 font-mono text-[11px] text-slate-800"
        />
      )}
    </>
  );
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  static override contextType = ExplorerContext;
  declare context: ExplorerStore | null;
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    const { what, children } = this.props;
    if (!error) return withDrill ? <Drill what={what}>{children}</Drill> : children;
    return (
      <div role="alert" data-testid="fault" data-part={what} className="m-3 max-h-full overflow-auto rounded-lg border border-rose-300 bg-rose-50 p-4 text-sm text-rose-900">
        <p className="font-semibold">The {what} failed to draw.</p>
        <p className="mt-1 break-words font-mono text-xs">{error.message}</p>
        <p className="mt-2 text-[13px]">The rest of the page still works. To report it, copy the scenario (it includes this error) and attach it to a bug report.</p>
        <div className="mt-3 flex flex-wrap gap-2">
          <CopyScenario text={reportText(this.context, what, error)} />
          <button
            type="button"
            data-testid="fault-retry"
            className="rounded border border-rose-400 bg-white px-3 py-1 hover:bg-rose-100"
            onClick={() => {
              disarmFault(what);
              this.setState({ error: null });
            }}
          >
            Try again
          </button>
        </div>
      </div>
    );
  }
}
