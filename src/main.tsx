// The page's start, in two parts that load side by side: this entry reads what to open, opens the
// machine and lays out its drawing (the model's work) while the browser still downloads and
// compiles the React part (ui/app/mount.tsx: React DOM, the app, React Flow), which then draws it.
import '@xyflow/react/dist/style.css';
import { startAutosave } from './persist/autosave.ts';
import { browserStorage } from './persist/browserStorage.ts';
import { performSavedActions } from './persist/restore.ts';
import { hasStoredSession, keepReplacedSession, restoreReplacedSession, type KeyValueStorage, type SavedSessionLoad } from './persist/savedSession.ts';
import { createExplorerStore } from './store/explorerStore.ts';
import { armFault } from './ui/app/faultDrill.ts';
import { afterFirstView } from './ui/app/firstView.ts';
import { createPageMessages } from './ui/app/pageMessages.ts';
import { showStartFailure } from './ui/app/startFailure.ts';
import { startup } from './ui/app/startup.ts';
import { prepareGraph } from './ui/graph/prepareGraph.ts';
import { installTestHook } from './ui/app/testHook.ts';
import './index.css';

// Asked for first, so that it loads while the machine is opened below (also preloaded: vite.config.ts).
const reactPart = import('./ui/app/mount.tsx');

/**
 * The session saved in this browser. Its reader, with the scenario file reader and their schemas
 * behind it, is evaluated only when there is one to read (it is preloaded, so it costs no wait).
 */
async function savedSession(storage: KeyValueStorage): Promise<SavedSessionLoad> {
  if (!hasStoredSession(storage)) return { kind: 'none' };
  const { loadSavedSession } = await import('./persist/loadSavedSession.ts');
  return loadSavedSession(storage, new Date());
}

async function main(element: HTMLElement) {
  const storage = browserStorage(window);
  const saved: SavedSessionLoad = storage.ok ? await savedSession(storage.storage) : { kind: 'none' };
  const start = await startup({
    search: window.location.search,
    hash: window.location.hash,
    prefersReducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    saved,
  });
  // The link and ?scenario= opened something once; from now on a reload restores the saved work.
  window.history.replaceState(null, '', `${window.location.pathname}${start.search}`);
  const store = createExplorerStore(start.scenario, start.options);
  performSavedActions(store, start.actions);
  installTestHook(store, window);
  if (import.meta.env.MODE === 'e2e') window.__explorerFault = armFault;

  const messages = createPageMessages([...start.messages, ...(storage.ok ? [] : [{ topic: 'autosave', text: storage.message }])]);
  // Autosave must never overwrite saved work that is still the only copy: a session that could not
  // be read nor moved aside, or the work a link replaced when it could not be kept aside.
  const linkOverWork = start.from === 'link' && saved.kind === 'restored';
  const kept = storage.ok && linkOverWork && keepReplacedSession(storage.storage);
  const onlyCopy = (saved.kind === 'set-aside' && saved.key === null) || (linkOverWork && !kept);
  if (storage.ok && onlyCopy) {
    messages.getState().add({ topic: 'autosave', text: 'Autosave is off for this visit, so that the work saved in this browser is not overwritten.' });
  }
  if (storage.ok && !onlyCopy) {
    const autosave = startAutosave(store, storage.storage, {
      onProblem: (text) => messages.getState().add({ topic: 'autosave', text }),
      firstSaveAfter: afterFirstView(),
    });
    window.addEventListener('pagehide', autosave.flush);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && autosave.flush());
    // A link replaced the saved work as the session; the work is kept and one click brings it back.
    if (kept && saved.kind === 'restored') {
      const { scenario, actions } = saved.session;
      messages.getState().add({
        topic: 'link-replaced',
        text: `The link opened in place of your saved work ("${scenario.name}", ${actions.length} action${actions.length === 1 ? '' : 's'}), which is kept.`,
        action: {
          label: 'Go back to it',
          run: () => {
            autosave.stop();
            restoreReplacedSession(storage.storage);
            window.location.reload();
          },
        },
      });
    }
  }
  // A link pasted into the address bar of an open page changes only the hash: start again from it
  // (the work so far is saved on the way out).
  window.addEventListener('hashchange', () => /^#v\d+=/.test(window.location.hash) && window.location.reload());

  // The React part is still compiling (its chunks are the biggest): the graph's drawing and nodes
  // are made meanwhile, and the graph's first render finds them made.
  const { scenario, grouping, expanded } = store.getState();
  prepareGraph(scenario, grouping, expanded);
  const { mountApp } = await reactPart;
  mountApp(element, store, messages);
}

// The entry's code has loaded: the scale e2e reports the time from here to the graph on screen.
performance.mark('explorer:boot');
const element = document.getElementById('root');
if (!element) throw new Error('index.html has no #root element');
main(element).catch((e: unknown) => {
  // Never a blank page: a start that fails says so and how to start clean.
  showStartFailure(element, e instanceof Error ? e.message : String(e));
});
