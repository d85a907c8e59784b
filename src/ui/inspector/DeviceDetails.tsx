// The selected device: what it is, its ACS bits, its driver and the ones it could have, its group
// and the model's reason it is in that group.
import { useMemo } from 'react';
import { kindLabel, kindOf } from '../../model/topology/kind.ts';
import type { PciFunction } from '../../model/topology/types.ts';
import { membershipOf, ungroupedWhy } from '../../store/membership.ts';
import { deviceView, driverChoices, groupView } from '../../store/views.ts';
import { useExplorer, useExplorerStore } from '../app/explorerContext.ts';
import { ViabilityBadge } from '../graph/nodes/ViabilityBadge.tsx';
import { AcsEditor } from '../edit/AcsEditor.tsx';
import { CardEditor } from '../edit/CardEditor.tsx';
import { useEditMode } from '../edit/editStore.ts';
import { AcsGrid } from './AcsGrid.tsx';
import { DeviceLink, Fact, Facts, Section } from './Facts.tsx';

const hex4 = (n: number | null) => (n === null ? '????' : n.toString(16).padStart(4, '0'));

function ids(fn: PciFunction): string {
  if (fn.vendor === null && fn.device === null) return 'not in the input';
  return `${hex4(fn.vendor)}:${hex4(fn.device)}`;
}

export function DeviceDetails({ fn }: { fn: PciFunction }) {
  const select = useExplorerStore().getState().select;
  const machine = useExplorer((s) => s.machine);
  const grouping = useExplorer((s) => s.grouping);
  const given = useExplorer((s) => s.scenario.givenGrouping !== undefined);
  const view = deviceView(machine, fn.bdf);
  const choices = driverChoices(machine, fn.bdf);
  const membership = useMemo(() => membershipOf(grouping, fn.bdf, given), [grouping, fn.bdf, given]);
  const group = view.group === undefined ? null : groupView(machine, view.group);
  const goDevice = (bdf: string) => select({ kind: 'device', bdf });
  const editing = useEditMode();
  return (
    <div data-testid="inspector-device" data-bdf={fn.bdf}>
      <Section title="Device">
        <p className="mb-1 font-mono text-[14px] font-bold text-slate-900">{fn.bdf}</p>
        <p className="mb-1.5 text-[12px] leading-4 text-slate-700">{fn.name || 'no name in the input'}</p>
        <Facts>
          <Fact label="ids">
            <span className="font-mono">{ids(fn)}</span>
          </Fact>
          <Fact label="class">
            <span className="font-mono">{fn.classCode === null ? 'unknown' : hex4(fn.classCode)}</span>
          </Fact>
          <Fact label="kind">{kindLabel(kindOf(fn))}{fn.multifunction ? ', multifunction' : ''}</Fact>
          {fn.physfn !== undefined && (
            <Fact label="SR-IOV">
              virtual function of <DeviceLink bdf={fn.physfn} onSelect={goDevice} />
            </Fact>
          )}
          {fn.sriov && <Fact label="SR-IOV">{`${fn.sriov.numVfs} of ${fn.sriov.totalVfs} VFs enabled`}</Fact>}
          {fn.slot !== undefined && <Fact label="slot">{fn.slot}</Fact>}
        </Facts>
      </Section>
      <Section title="ACS">{editing ? <AcsEditor fn={fn} /> : <AcsGrid acs={fn.acs} />}</Section>
      {editing && (
        <Section title="Card">
          <CardEditor fn={fn} />
        </Section>
      )}
      <Section title="Driver">
        <Facts>
          <Fact label="bound">{view.driver ?? 'none'}</Fact>
          {view.override !== null && <Fact label="override">{view.override}</Fact>}
          <Fact label="candidates">{[...choices.host, ...choices.userspace].join(', ')}</Fact>
          <Fact label="user access">{view.userAccess ? 'yes, through a device fd' : 'no'}</Fact>
        </Facts>
      </Section>
      <Section title="IOMMU group">
        {group === null ? (
          <p className="text-[12px] text-slate-700">{ungroupedWhy(grouping, fn.bdf) ?? 'In no group.'}</p>
        ) : (
          <>
            <div className="mb-1 flex items-center gap-2">
              <button
                type="button"
                onClick={() => select({ kind: 'group', id: group.id })}
                className="rounded text-[13px] font-semibold text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:text-indigo-900"
              >
                group {group.id}
              </button>
              <ViabilityBadge viable={group.viable} />
            </div>
            {membership && (
              <p data-testid="inspector-why" className="rounded bg-slate-50 px-2 py-1 text-[12px] leading-4 text-slate-800">
                {membership.why}
              </p>
            )}
            {membership?.via && (
              <p className="mt-1 text-[11px] text-slate-600">
                joined through <DeviceLink bdf={membership.via} onSelect={goDevice} />
              </p>
            )}
          </>
        )}
      </Section>
    </div>
  );
}
