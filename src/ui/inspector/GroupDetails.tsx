// The selected group: its members, whether it is viable and who spoils it, the domain translating it,
// who owns its DMA, and which of its devices userspace can reach.
import { formatDomain, groupDomain } from '../../model/kernel/facts.ts';
import { membersOf } from '../../model/kernel/state.ts';
import { deviceView, groupView } from '../../store/views.ts';
import { useExplorer, useExplorerStore } from '../app/explorerContext.ts';
import { ViabilityBadge } from '../graph/nodes/ViabilityBadge.tsx';
import { DeviceLink, Fact, Facts, Section } from './Facts.tsx';

export function GroupDetails({ id }: { id: number }) {
  const select = useExplorerStore().getState().select;
  const machine = useExplorer((s) => s.machine);
  const view = groupView(machine, id);
  const members = membersOf(machine, id);
  const accessible = members.filter((bdf) => deviceView(machine, bdf).userAccess);
  const goDevice = (bdf: string) => select({ kind: 'device', bdf });
  return (
    <div data-testid="inspector-group" data-group={id}>
      <Section title={`IOMMU group ${id}`}>
        <div className="mb-1.5 flex items-center gap-2">
          <ViabilityBadge viable={view.viable} />
          <span className="text-[12px] text-slate-600">{members.length} member{members.length === 1 ? '' : 's'}</span>
        </div>
        {view.viable ? (
          <p className="text-[12px] text-slate-700">Viable: no member holds it back under this policy.</p>
        ) : (
          <ul data-testid="inspector-culprits" className="space-y-1 text-[12px] text-rose-800">
            {view.culprits.map((c) => (
              <li key={c.bdf}>
                <DeviceLink bdf={c.bdf} onSelect={goDevice} /> is {c.why}.
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Members">
        <ul className="space-y-0.5 text-[12px]">
          {members.map((bdf) => (
            <li key={bdf} className="flex items-baseline gap-2">
              <DeviceLink bdf={bdf} onSelect={goDevice} />
              <span className="truncate text-slate-600">{deviceView(machine, bdf).driver ?? 'no driver'}</span>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="DMA">
        <Facts>
          <Fact label="domain">{formatDomain(machine, groupDomain(machine, id))}</Fact>
          <Fact label="owner">{view.owner}</Fact>
          <Fact label="user access">{accessible.length === 0 ? 'none' : accessible.join(', ')}</Fact>
        </Facts>
      </Section>
    </div>
  );
}
