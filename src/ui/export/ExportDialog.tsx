// Export what is on screen: plain text for mailing lists (the ASCII picture, the numbered ioctl
// trace, Graphviz DOT) to copy or save, a share link, and files: a PNG picture that opens again
// here, an SVG picture and the scenario file. Everything is made from the current state.
import { ModalDialog } from '../app/ModalDialog.tsx';
import { useEffect, useMemo, useState } from 'react';
import { encodeShareLink } from '../../io/export/shareLink.ts';
import { exportScenario, type ExportResult } from '../../io/export/exportScenario.ts';
import { pngWithScenario } from '../../io/export/pngScenario.ts';
import type { ExportScenario } from '../../io/export/runScenario.ts';
import { useExplorer } from '../app/explorerContext.ts';
import { CopyButton } from './CopyButton.tsx';
import { exportedScenario } from './exportedScenario.ts';
import { exportFileName } from './fileName.ts';
import { graphPng, graphSvg } from './graphImage.ts';
import { saveFile } from './saveFile.ts';

type TextFormat = 'ascii' | 'trace' | 'dot';

const TEXT_TABS: { format: TextFormat; label: string; copy: string; extension: string; note: string }[] = [
  { format: 'ascii', label: 'ASCII picture', copy: 'picture', extension: 'txt', note: '7-bit ASCII, at most 72 columns: paste it into a plain-text mail.' },
  { format: 'trace', label: 'ioctl trace', copy: 'trace', extension: 'txt', note: 'Every command as the syscall userspace makes, numbered, with the answer.' },
  { format: 'dot', label: 'Graphviz DOT', copy: 'DOT', extension: 'dot', note: 'For dot -Tsvg: the tree, the groups as clusters, the domains.' },
];

/** html-to-image copies every style of every element: about a minute per thousand elements here. */
const DRAWING = 'drawing… (a graph of hundreds of devices takes a minute or more)';

/** Share links longer than this may be cut by some mail programs and chat tools. */
const LONG_LINK = 8000;

function textOf(r: ExportResult): string {
  return r.ok ? r.text : `This export cannot be made: ${r.error}`;
}

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const scenario = useExplorer((s) => s.scenario);
  const grouping = useExplorer((s) => s.grouping);
  const policy = useExplorer((s) => s.policy);
  const replay = useExplorer((s) => s.replay);
  const exported = useMemo(() => exportedScenario({ scenario, grouping, policy, replay }), [scenario, grouping, policy, replay]);
  const [tab, setTab] = useState<TextFormat>('ascii');
  const text = useMemo(() => exportScenario(exported, tab), [exported, tab]);
  const json = useMemo(() => exportScenario(exported, 'json'), [exported]);
  // The link of the scenario it was made for; a newer scenario shows none until its own is ready.
  const [made, setMade] = useState<{ of: ExportScenario; link: string } | null>(null);
  const link = made?.of === exported ? made.link : null;
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    encodeShareLink(exported).then(
      (hash) => live && setMade({ of: exported, link: `${window.location.origin}${window.location.pathname}${hash}` }),
      (e: unknown) => live && setStatus({ ok: false, text: `The share link could not be made: ${e instanceof Error ? e.message : String(e)}` }),
    );
    return () => {
      live = false;
    };
  }, [exported]);


  const name = (extension: string) => exportFileName(scenario.id, extension, new Date());

  /** Runs one save; its outcome, good or bad, goes to the status line. */
  const save = async (what: string, make: () => Promise<string>, working = 'saving…') => {
    setBusy(`${what}: ${working}`);
    setStatus(null);
    try {
      setStatus({ ok: true, text: `Saved ${await make()}` });
    } catch (e) {
      setStatus({ ok: false, text: `${what} could not be saved: ${(e as Error).message}` });
    } finally {
      setBusy(null);
    }
  };

  const scenarioText = () => {
    if (!json.ok) throw new Error(json.error);
    return json.text;
  };
  const savePng = () =>
    save('The PNG picture', async () => {
      const png = await pngWithScenario(await graphPng(), scenarioText());
      const file = name('png');
      saveFile(file, [png as Uint8Array<ArrayBuffer>], 'image/png');
      return file;
    }, DRAWING);
  const saveSvg = () =>
    save('The SVG picture', async () => {
      const file = name('svg');
      saveFile(file, [await graphSvg()], 'image/svg+xml');
      return file;
    }, DRAWING);
  const saveJson = () =>
    save('The scenario file', async () => {
      const file = name('json');
      saveFile(file, [scenarioText()], 'application/json');
      return file;
    });
  const current = TEXT_TABS.find((t) => t.format === tab)!;
  const saveText = () =>
    save(current.label, async () => {
      if (!text.ok) throw new Error(text.error);
      const file = name(tab === 'dot' ? 'dot' : `${tab}.${current.extension}`);
      saveFile(file, [text.text], 'text/plain');
      return file;
    });

  const fileButton = 'rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 enabled:hover:bg-slate-100 disabled:text-slate-400';
  return (
    <ModalDialog labelledBy="export-title" testId="export-dialog" onClose={onClose} className="gap-4">
      <header className="flex items-baseline justify-between gap-4">
        <h2 id="export-title" className="text-lg font-bold text-slate-900">
          Export <span className="font-normal text-slate-600">{scenario.name}</span>
        </h2>
        <button type="button" aria-label="close" onClick={onClose} className="text-xl leading-none text-slate-400 hover:text-slate-700">
          ×
        </button>
      </header>

      <section className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <div role="tablist" aria-label="Text export" className="flex rounded border border-slate-300 p-0.5">
            {TEXT_TABS.map((t) => (
              <button
                key={t.format}
                type="button"
                role="tab"
                aria-selected={tab === t.format}
                data-testid={`export-tab-${t.format}`}
                onClick={() => setTab(t.format)}
                className={`rounded px-3 py-1 text-sm ${tab === t.format ? 'bg-slate-800 font-semibold text-white' : 'text-slate-700 hover:bg-slate-100'}`}
              >
                {t.label}
              </button>
            ))}
          </div>
          <span className="ml-auto" />
          <CopyButton text={text.ok ? text.text : null} testId={`export-copy-${tab}`} what={current.copy} />
          <button type="button" data-testid={`export-download-${tab}`} disabled={!text.ok || busy !== null} onClick={() => void saveText()} className={fileButton}>
            Save .{current.extension}
          </button>
        </div>
        <p className="text-[12px] text-slate-600">{current.note}</p>
        <pre data-testid="export-text" data-format={tab} className={`max-h-[22rem] overflow-auto rounded border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-[12px] leading-[1.35] ${text.ok ? 'text-slate-900' : 'text-rose-800'}`}>
          {textOf(text)}
        </pre>
      </section>

      <section className="flex flex-col gap-1">
        <div className="flex items-center gap-2">
          <label htmlFor="export-link" className="shrink-0 text-sm font-semibold text-slate-800">
            Share link
          </label>
          <input
            id="export-link"
            data-testid="export-link"
            readOnly
            value={link ?? 'making the link…'}
            onFocus={(e) => e.currentTarget.select()}
            className="min-w-0 flex-1 rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-[12px] text-slate-800"
          />
          <CopyButton text={link} testId="export-copy-link" what="link" />
        </div>
        <p data-testid="export-link-note" className="text-[12px] text-slate-600">
          {link === null
            ? 'The machine, its settings and the command log are compressed into the link.'
            : `${link.length.toLocaleString('en')} characters: the machine, its settings and the command log, compressed.${link.length > LONG_LINK ? ' Some mail programs cut links this long; the scenario file is safer.' : ''}`}
        </p>
      </section>

      <section className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-semibold text-slate-800">Files</span>
        <button type="button" data-testid="export-png" disabled={busy !== null} onClick={() => void savePng()} className={fileButton} title="The graph as a picture; it carries the scenario, so dropping it on this app opens it again">
          PNG picture (opens again here)
        </button>
        <button type="button" data-testid="export-svg" disabled={busy !== null} onClick={() => void saveSvg()} className={fileButton}>
          SVG picture
        </button>
        <button type="button" data-testid="export-json" disabled={busy !== null} onClick={() => void saveJson()} className={fileButton}>
          Scenario file (.json)
        </button>
        <p role="status" data-testid="export-status" className={`basis-full text-[12px] ${status && !status.ok ? 'text-rose-700' : 'text-slate-600'}`}>
          {busy ?? status?.text ?? 'Drop a saved PNG or scenario file anywhere on the app to open it again.'}
        </p>
      </section>
    </ModalDialog>
  );
}
