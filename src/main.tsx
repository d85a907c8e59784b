import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import { createExplorerStore } from './store/explorerStore.ts';
import { App } from './ui/app/App.tsx';
import { startupFrom } from './ui/app/startup.ts';
import { installTestHook } from './ui/app/testHook.ts';
import './index.css';

// The app's code has loaded: the scale e2e reports the time from here to the graph on screen.
performance.mark('explorer:boot');
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const { scenario, options } = startupFrom(window.location.search, window.matchMedia('(prefers-reduced-motion: reduce)').matches);
const store = createExplorerStore(scenario, options);
installTestHook(store, window);
createRoot(root).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
