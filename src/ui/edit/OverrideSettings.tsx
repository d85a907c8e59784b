// The grouping settings an edit can change: pcie_acs_override= (downstream, multifunction, ids) and
// the strict-switch proposal, each change one undoable edit; the warning sits right below.
import { useState } from 'react';
import { useExplorer } from '../app/explorerContext.ts';
import { OverrideWarning } from './OverrideWarning.tsx';
import { useRecordEdit } from './useRecordEdit.ts';

const isId = (w: string) => w.startsWith('id:');

export function OverrideSettings() {
  const words = useExplorer((s) => s.scenario.groupingSettings.acsOverride);
  const strict = useExplorer((s) => s.scenario.groupingSettings.strictSwitch);
  const record = useRecordEdit();
  const ids = words.filter(isId).map((w) => w.slice(3));
  const [idText, setIdText] = useState<string | null>(null);
  const setWord = (word: 'downstream' | 'multifunction', on: boolean) => {
    const rest = words.filter((w) => w !== word);
    record({ op: 'settings.acsOverride', value: on ? [word, ...rest] : rest });
  };
  const commitIds = () => {
    if (idText === null) return;
    const typed = idText.split(/[\s,]+/).filter(Boolean).map((id) => `id:${id.replace(/^id:/i, '')}`);
    const value = [...words.filter((w) => !isId(w)), ...typed];
    if (value.join(',') !== words.join(',')) record({ op: 'settings.acsOverride', value });
    setIdText(null);
  };
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[12px] text-slate-700">
        <span className="font-semibold">pcie_acs_override=</span>
        {(['downstream', 'multifunction'] as const).map((word) => (
          <label key={word} className="flex items-center gap-1">
            <input type="checkbox" data-testid={`override-${word}`} checked={words.includes(word)} onChange={(e) => setWord(word, e.target.checked)} />
            {word}
          </label>
        ))}
        <label className="flex items-center gap-1">
          id:
          <input
            data-testid="override-ids"
            value={idText ?? ids.join(' ')}
            placeholder="vvvv:dddd …"
            onChange={(e) => setIdText(e.target.value)}
            onBlur={commitIds}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitIds();
            }}
            className="w-36 rounded border border-slate-300 px-1.5 py-0.5 font-mono text-[12px]"
          />
        </label>
        <label className="flex items-center gap-1" title="The 2025 proposal: any downstream port without isolation spoils its whole switch (not mainline)">
          <input type="checkbox" data-testid="strict-switch" checked={strict} onChange={(e) => record({ op: 'settings.strictSwitch', value: e.target.checked })} />
          strict switch
        </label>
      </div>
      <OverrideWarning words={words} compact />
    </div>
  );
}
