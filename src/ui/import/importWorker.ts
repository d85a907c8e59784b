// The import's reader in a worker: a large paste (tens of MB) is parsed and grouped off the page's
// thread, so the page keeps answering while it runs and the user can stop it.
import { scenarioFromText } from '../../store/importScenario.ts';
import type { DraftRequest } from './readDraft.ts';

self.onmessage = (e: MessageEvent<DraftRequest>) => {
  postMessage(scenarioFromText(e.data.text, e.data.meta));
};
