// Opens a file the app saved (a scenario .json, or a PNG picture carrying one) as the current
// scenario. Returns null when it opened, or the sentence saying why not; nothing changes then.
// The file reader (with the scenario file's schemas) loads on the first file dropped, not with the
// page: the drop target is on every screen, a dropped file on few visits.
import type { ExplorerStore } from '../../store/explorerStore.ts';
import { explorerScenario } from '../../persist/scenarioDocument.ts';
import { slug } from './fileName.ts';

/** Files worth trying as a scenario: pictures and JSON; other text goes to the lspci import. */
export function isScenarioFile(file: File): boolean {
  return file.type === 'image/png' || file.type === 'application/json' || /\.(png|json)$/i.test(file.name);
}

export async function openScenarioFile(store: ExplorerStore, file: File): Promise<string | null> {
  const { readScenarioFile } = await import('../../io/export/scenarioFile.ts');
  const read = await readScenarioFile(file.name, new Uint8Array(await file.arrayBuffer()));
  if (!read.ok) return read.error.message;
  const { scenario } = read;
  store.getState().loadScenario(
    explorerScenario(
      scenario,
      { id: slug(scenario.name) || 'opened-scenario', description: `Opened from ${file.name}: the machine, its settings and its command log as they were saved.` },
      scenario.settings.policy,
    ),
  );
  return null;
}
