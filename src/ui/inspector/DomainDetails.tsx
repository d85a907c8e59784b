// The selected domain: what it is and which groups it translates now.
import { groupsByDomain, sharedDomains } from '../../store/views.ts';
import { useExplorer, useExplorerStore } from '../app/explorerContext.ts';
import { Fact, Facts, Section } from './Facts.tsx';

export function DomainDetails({ id }: { id: string }) {
  const select = useExplorerStore().getState().select;
  const machine = useExplorer((s) => s.machine);
  const view = sharedDomains(machine).find((d) => d.id === id);
  const groups = groupsByDomain(machine).get(id) ?? [];
  if (!view) return <Section title="Domain">This domain no longer exists.</Section>;
  return (
    <div data-testid="inspector-domain">
      <Section title={view.label}>
        <Facts>
          <Fact label="kind">{view.kind}</Fact>
          <Fact label="what">{view.detail}</Fact>
          <Fact label="translates">
            {groups.length === 0
              ? 'no group'
              : groups.map((g) => (
                  <button key={g} type="button" onClick={() => select({ kind: 'group', id: g })} className="mr-2 text-indigo-700 underline decoration-indigo-300 underline-offset-2">
                    group {g}
                  </button>
                ))}
          </Fact>
        </Facts>
      </Section>
    </div>
  );
}
