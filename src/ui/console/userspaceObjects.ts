// The userspace objects a program holds now, as the console lists them: open group files, containers,
// iommu fds with their IOASIDs nested under their parents, and device fds with their cookies. All
// read from the machine state (model/kernel/types.ts); nothing is kept on the side.
import { groupState } from '../../model/kernel/state.ts';
import type { GroupId, Ioasid, MachineState, ObjectKind } from '../../model/kernel/types.ts';
import { shortBdf } from '../../model/topology/bdf.ts';
import type { Bdf } from '../../model/topology/types.ts';

export interface ObjectEntry {
  /** A group file, or the kind of object a command names (what picking it fills in). */
  kind: 'group' | ObjectKind;
  /** The `as` name; for a group file its path. */
  name: string;
  detail: string;
  /** Indentation: IOASIDs sit under their iommu fd, nested ones under their parent. */
  depth: number;
  /** The device (a device fd) or a member (a group file) to select in the graph. */
  bdf?: Bdf;
  group?: GroupId;
}

const order = (id: string) => Number(id.slice(id.indexOf('#') + 1));
const byCreation = <T extends { id: string }>(xs: Iterable<T>) => [...xs].sort((a, b) => order(a.id) - order(b.id));

function nameOf(s: MachineState, id: string | null): string {
  if (id === null) return '';
  return s.containers.get(id)?.name ?? s.iommufds.get(id)?.name ?? s.ioasids.get(id)?.name ?? s.devices.get(id)?.name ?? id;
}

export function userspaceObjects(s: MachineState): ObjectEntry[] {
  const out: ObjectEntry[] = [];
  const word = s.static.policy === 'upstream' ? 'IOAS' : 'IOASID';
  for (const [g, gs] of [...s.groups].sort((a, b) => a[0] - b[0])) {
    if (!gs.fdOpen) continue;
    const container = gs.container === null ? 'no container' : `in container ${nameOf(s, gs.container)}`;
    out.push({ kind: 'group', name: `/dev/vfio/${g}`, detail: container, depth: 0, group: g, bdf: s.static.members.get(g)?.[0] });
  }
  for (const c of byCreation(s.containers.values())) {
    const groups = [...s.groups].filter(([, gs]) => gs.container === c.id).map(([g]) => g);
    const fd = c.fdOpen ? '' : ', fd closed';
    out.push({ kind: 'container', name: c.name, detail: `IOMMU ${c.iommu}${groups.length ? `, groups ${groups.join(', ')}` : ', no group'}${fd}`, depth: 0 });
  }
  const ioasids = byCreation(s.ioasids.values());
  const addIoasid = (a: Ioasid, depth: number) => {
    const attached = [...s.devices.values()].filter((d) => d.attachedTo === a.id).map((d) => d.name);
    const domainOf = [...s.groups].filter(([g]) => groupState(s, g).domain.kind === 'ioasid' && (groupState(s, g).domain as { ioasid: string }).ioasid === a.id).map(([g]) => g);
    const parts = [attached.length ? `attached: ${attached.join(', ')}` : 'nothing attached', ...(domainOf.length ? [`translates group ${domainOf.join(', ')}`] : [])];
    out.push({ kind: 'ioasid', name: a.name, detail: `${word}${a.parent === null ? '' : ` nested in ${nameOf(s, a.parent)}`}; ${parts.join('; ')}`, depth });
    for (const child of ioasids.filter((x) => x.parent === a.id)) addIoasid(child, depth + 1);
  };
  for (const f of byCreation(s.iommufds.values())) {
    const bound = [...s.devices.values()].filter((d) => d.iommufd === f.id).map((d) => d.name);
    out.push({ kind: 'iommufd', name: f.name, detail: bound.length ? `bound: ${bound.join(', ')}` : 'no device bound', depth: 0 });
    for (const a of ioasids.filter((x) => x.iommufd === f.id && x.parent === null)) addIoasid(a, 1);
  }
  for (const d of byCreation(s.devices.values())) {
    const parts = [
      shortBdf(d.bdf),
      d.path === 'group' ? 'from the group' : d.path === 'new' ? 'GET_DEVICE_FD_NEW' : 'cdev',
      ...(d.cookie === null ? [] : [`cookie ${d.cookie}`]),
      ...(d.iommufd === null ? [] : [`bound to ${nameOf(s, d.iommufd)}`]),
      ...(d.attachedTo === null ? [] : [`attached to ${nameOf(s, d.attachedTo)}`]),
      ...(d.accessGranted ? [] : ['no access yet']),
    ];
    out.push({ kind: 'device', name: d.name, detail: parts.join(' · '), depth: 0, bdf: d.bdf, group: d.group });
  }
  return out;
}
