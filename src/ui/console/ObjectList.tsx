// The objects the program holds (userspaceObjects.ts). Picking one makes it the forms' choice for
// its kind; a device fd or a group file also selects its device or group in the graph.
import type { MachineState, ObjectKind } from '../../model/kernel/types.ts';
import { useExplorerStore } from '../app/explorerContext.ts';
import { userspaceObjects, type ObjectEntry } from './userspaceObjects.ts';

const KIND_LABEL: Record<ObjectEntry['kind'], string> = { group: 'group fd', container: 'container', iommufd: 'iommu fd', ioasid: 'IOASID', device: 'device fd' };

interface Props {
  machine: MachineState;
  picked: Partial<Record<ObjectKind, string>>;
  onPick: (kind: ObjectKind, name: string) => void;
}

export function ObjectList({ machine, picked, onPick }: Props) {
  const select = useExplorerStore().getState().select;
  const objects = userspaceObjects(machine);
  const choose = (o: ObjectEntry) => {
    if (o.kind !== 'group') onPick(o.kind, o.name);
    if (o.kind === 'device' && o.bdf) select({ kind: 'device', bdf: o.bdf });
    if (o.kind === 'group' && o.group !== undefined) select({ kind: 'group', id: o.group });
  };
  return (
    <section data-testid="console-objects" aria-label="Userspace objects" className="px-3 py-2">
      <h3 className="mb-1 text-[12px] font-semibold text-slate-700">Userspace objects</h3>
      {objects.length === 0 ? (
        <p className="text-[12px] text-slate-500">None yet: open a container, a group, an iommu fd or a device.</p>
      ) : (
        <ul className="space-y-0.5">
          {objects.map((o) => {
            const isPicked = o.kind !== 'group' && picked[o.kind] === o.name;
            return (
              <li key={`${o.kind}:${o.name}`} style={{ paddingLeft: `${o.depth * 1.1}rem` }}>
                <button
                  type="button"
                  data-testid="console-object"
                  data-kind={o.kind}
                  data-name={o.name}
                  aria-pressed={o.kind === 'group' ? undefined : isPicked}
                  title={o.kind === 'group' ? 'Select this group in the graph' : `Use ${o.name} in the forms${o.bdf ? ' and select its device' : ''}`}
                  onClick={() => choose(o)}
                  className={`flex w-full items-baseline gap-2 rounded px-1.5 py-0.5 text-left text-[12px] hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 ${isPicked ? 'bg-indigo-50 ring-1 ring-indigo-300' : ''}`}
                >
                  <span className="w-16 shrink-0 text-[11px] text-slate-500">{KIND_LABEL[o.kind]}</span>
                  <span className="shrink-0 font-mono font-semibold text-slate-900">{o.name}</span>
                  <span className="min-w-0 text-slate-600">{o.detail}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
