// With nothing selected: what to do, and what the user should know about this machine's groups
// (an import's findings, the grouping's notes).
import { useExplorer } from '../app/explorerContext.ts';
import { Section } from './Facts.tsx';

/** One empty list, so the selector answers the same value for every scenario without findings. */
const NONE: readonly string[] = [];

export function MachineNotes() {
  const findings = useExplorer((s) => s.scenario.findings ?? NONE);
  const notes = useExplorer((s) => s.grouping.notes);
  return (
    <div data-testid="inspector-machine">
      <Section title="Nothing selected">
        <p className="text-[12px] text-slate-700">Click a device, a group's label or a domain (or focus a device and press Enter) to see its facts here.</p>
      </Section>
      {findings.length > 0 && (
        <Section title="Groups and the kernel">
          <ul className="list-disc space-y-0.5 pl-4 text-[12px] text-slate-800">
            {findings.map((f, i) => <li key={i}>{f}</li>)}
          </ul>
        </Section>
      )}
      {notes.length > 0 && (
        <Section title="How the groups were formed">
          <ul className="list-disc space-y-0.5 pl-4 text-[12px] text-slate-700">
            {notes.map((n, i) => <li key={i}>{n}</li>)}
          </ul>
        </Section>
      )}
    </div>
  );
}
