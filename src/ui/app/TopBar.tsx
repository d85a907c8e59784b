// One row: title, the scenario and policy pickers, then the history, import/export, edit mode and
// the animation switch; below it what the scenario shows and, for an imported or edited machine,
// what the user must know about its groups.
import { POLICIES } from '../../model/kernel/apply.ts';
import { POLICY_NAMES, type PolicyName } from '../../model/kernel/types.ts';
import { BUILT_IN_SCENARIOS } from '../../scenarios/index.ts';
import { ExportButton } from '../export/ExportButton.tsx';
import { EditModeToggle } from '../edit/EditModeToggle.tsx';
import { ImportButton } from '../import/ImportButton.tsx';
import { useExplorer, useExplorerStore } from './explorerContext.ts';
import { useScenarioPick } from './useScenarioPick.ts';

const POLICY_LABELS: Record<PolicyName, string> = {
  legacy: 'legacy VFIO (v5.13)',
  'rfc-v2': 'RFC v2 /dev/ioasid (block_dma)',
  upstream: 'upstream iommufd + DMA ownership',
};

export function TopBar() {
  const scenario = useExplorer((s) => s.scenario);
  const policy = useExplorer((s) => s.policy);
  const animations = useExplorer((s) => s.settings.animations);
  const canUndo = useExplorer((s) => s.steps.length > 0);
  const canRedo = useExplorer((s) => s.future.length > 0);
  const panicked = useExplorer((s) => s.machine.panic !== null);
  const store = useExplorerStore();
  const { setPolicy, setAnimations, undo, redo } = store.getState();
  const { pick, opening, failure } = useScenarioPick(store);
  const known = BUILT_IN_SCENARIOS.some((s) => s.id === scenario.id);
  return (
    <header className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-300 bg-white px-4 py-1.5">
      <h1 data-testid="app-title" className="text-lg font-bold tracking-tight text-slate-900">
        ioasid-explorer
      </h1>
      <label className="flex items-center gap-2 text-sm text-slate-600">
        <span className="sr-only min-[1600px]:not-sr-only">Scenario</span>
        <select
          data-testid="scenario-select"
          value={scenario.id}
          onChange={(e) => pick(e.target.value)}
          title={scenario.name}
          className="max-w-[17rem] rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
        >
          {!known && <option value={scenario.id}>{scenario.name}</option>}
          {BUILT_IN_SCENARIOS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      {opening && (
        <p role="status" data-testid="scenario-pick-opening" className="text-sm text-slate-500">
          Opening {opening}…
        </p>
      )}
      {failure && (
        <p role="alert" data-testid="scenario-pick-failure" className="text-sm text-red-700">
          {failure}
        </p>
      )}
      <label className="flex items-center gap-2 text-sm text-slate-600" title={POLICIES[policy].summary}>
        <span className="sr-only min-[1600px]:not-sr-only">Policy</span>
        <select
          data-testid="policy-select"
          value={policy}
          onChange={(e) => setPolicy(e.target.value as PolicyName)}
          className="rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
        >
          {POLICY_NAMES.map((p) => (
            <option key={p} value={p}>
              {POLICY_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      <span className="ml-auto" />
      <button
        type="button"
        {...(panicked ? {} : { 'data-testid': 'undo-button' })}
        disabled={!canUndo}
        onClick={undo}
        title="Undo (Ctrl+Z)"
        className="rounded border border-slate-300 px-3 py-1 text-sm text-slate-800 enabled:hover:bg-slate-100 disabled:text-slate-400"
      >
        Undo
      </button>
      <button
        type="button"
        data-testid="redo-button"
        disabled={!canRedo}
        onClick={redo}
        title="Redo (Ctrl+Shift+Z, Ctrl+Y)"
        className="rounded border border-slate-300 px-3 py-1 text-sm text-slate-800 enabled:hover:bg-slate-100 disabled:text-slate-400"
      >
        Redo
      </button>
      <ImportButton />
      <ExportButton />
      <EditModeToggle />
      <label className="flex items-center gap-1.5 text-sm text-slate-600">
        <input type="checkbox" checked={animations} onChange={(e) => setAnimations(e.target.checked)} />
        animations
      </label>
      <p className="basis-full text-[12px] text-slate-600">{scenario.description}</p>
      {scenario.findings && (
        <p data-testid="scenario-findings" className={`basis-full text-[12px] ${scenario.findings.length > 1 ? 'font-medium text-amber-800' : 'text-slate-600'}`}>
          {scenario.findings.join(' ')}
        </p>
      )}
    </header>
  );
}
