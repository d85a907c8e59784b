// Where each group's DMA goes at the end of the log, as box diagrams with a numbered legend: one
// diagram per domain (a container's, an IOAS / IOASID, the blocking domains, the default domains),
// each group in it as a box, each device fd userspace holds for the group as a box pointing at it.
// Groups nobody touched are counted in one box and listed in the legend, so a 1,000-function
// machine still draws in a few lines.
import { describeNonViable, formatOwner, groupOwner, viability } from '../../model/kernel/facts.ts';
import { driverOf, groupState, membersOf } from '../../model/kernel/state.ts';
import type { DeviceFd, Domain, GroupId, MachineState } from '../../model/kernel/types.ts';
import { shortBdf } from '../../model/topology/bdf.ts';
import { boxDiagram, type BoxTree } from './boxDiagram.ts';
import type { FdNumbers } from './fileDescriptors.ts';
import { ascii, numberRanges, paragraph, quotedName } from './plainText.ts';

/** Groups drawn one by one per diagram; the rest are counted in one box. */
const MAX_GROUP_BOXES = 8;
/** Device fd boxes per group; the rest are counted in one box. */
const MAX_DEVICE_BOXES = 3;
/** Members named in a group's legend line. */
const MAX_MEMBERS = 8;

interface Legend {
  number: number;
  text: string;
}

interface Diagram {
  domain: Domain;
  groups: GroupId[];
}

const q = quotedName;

/** Groups by the domain they are in, user domains first (in creation order), default last. */
function diagrams(s: MachineState): Diagram[] {
  const byKey = new Map<string, Diagram>();
  const order = (d: Domain) => (d.kind === 'container' || d.kind === 'ioasid' ? 0 : d.kind === 'blocked' ? 1 : 2);
  const key = (d: Domain) => (d.kind === 'container' ? `c ${d.container}` : d.kind === 'ioasid' ? `a ${d.ioasid}` : d.kind);
  for (const g of s.static.grouping.groups) {
    const domain = groupState(s, g.id).domain;
    const k = key(domain);
    const found = byKey.get(k);
    if (found) found.groups.push(g.id);
    else byKey.set(k, { domain, groups: [g.id] });
  }
  const idNumber = (d: Domain) => (d.kind === 'container' ? d.container : d.kind === 'ioasid' ? d.ioasid : '');
  return [...byKey.values()].sort((a, b) => order(a.domain) - order(b.domain) || objectOrder(idNumber(a.domain), idNumber(b.domain)));
}

/** Model object ids are "kind#n", n counting up: creation order. */
function objectOrder(a: string, b: string): number {
  return Number(a.split('#')[1] ?? 0) - Number(b.split('#')[1] ?? 0);
}

/** A group nobody has touched: counted, not drawn. */
function idle(s: MachineState, g: GroupId, devices: readonly DeviceFd[]): boolean {
  const gs = groupState(s, g);
  return gs.domain.kind === 'default' && gs.owner === null && gs.container === null && !gs.fdOpen && devices.length === 0;
}

class Numbering {
  next = 1;
  readonly legend: Legend[] = [];

  add(text: string): number {
    const number = this.next++;
    this.legend.push({ number, text });
    return number;
  }
}

function domainBox(s: MachineState, d: Domain, groups: readonly GroupId[], fds: FdNumbers, n: Numbering): BoxTree['box'] {
  const list = `group${groups.length === 1 ? '' : 's'} ${numberRanges(groups)}`;
  switch (d.kind) {
    case 'default':
      return { number: n.add(`default domains: the kernel's DMA API translates ${list} (each group has its own).`), label: ['default', 'domain'] };
    case 'blocked':
      return { number: n.add(`blocking domains: no DMA gets through for ${list} (each group has its own).`), label: ['blocking', 'domain'] };
    case 'container': {
      const c = s.containers.get(d.container);
      const fd = fds.objects.get(d.container);
      const where = fd === undefined ? 'its fd closed, kept by its groups' : `fd ${fd}`;
      const name = c?.name ?? d.container;
      return { number: n.add(`container ${q(name)} (${where}), IOMMU ${c?.iommu ?? '?'}: its domain translates ${list}.`), label: ['container', q(name)] };
    }
    case 'ioasid': {
      const a = s.ioasids.get(d.ioasid);
      const name = a?.name ?? d.ioasid;
      const upstream = s.static.policy === 'upstream';
      const word = a?.parent ? (upstream ? 'HWPT_NESTED' : 'nested IOASID') : upstream ? 'IOAS' : 'IOASID';
      const fdOf = a ? s.iommufds.get(a.iommufd) : undefined;
      const fd = a ? fds.objects.get(a.iommufd) : undefined;
      const parent = a?.parent ? `, nested on ${q(s.ioasids.get(a.parent)?.name ?? a.parent)}` : '';
      const owner = fdOf ? ` of ${upstream ? 'iommufd' : 'ioasid fd'} ${q(fdOf.name)}${fd === undefined ? '' : ` (fd ${fd})`}` : '';
      return { number: n.add(`${word} ${q(name)}${owner}${parent}: translates ${list}.`), label: [word, q(name)] };
    }
  }
}

function groupLegend(s: MachineState, g: GroupId, fds: FdNumbers): string {
  const members = membersOf(s, g);
  const named = members.slice(0, MAX_MEMBERS).map((b) => `${shortBdf(b)} ${ascii(driverOf(s, b) ?? 'no driver')}`);
  const more = members.length > MAX_MEMBERS ? `, and ${members.length - MAX_MEMBERS} more` : '';
  const v = viability(s, g);
  const fd = fds.groups.get(g);
  const file = fd === undefined ? '' : `; /dev/vfio/${g} open as fd ${fd}`;
  const verdict = v.viable ? 'viable' : describeNonViable(g, v).replace(`group ${g} is `, '');
  return `group ${g}: ${named.join(', ')}${more}; owner ${ascii(formatOwner(groupOwner(s, g)))}${file}; ${verdict}.`;
}

function deviceLegend(s: MachineState, d: DeviceFd, fd: number | undefined): string {
  const via = d.path === 'group' ? `through /dev/vfio/${d.group}` : d.path === 'new' ? `through GET_DEVICE_FD_NEW, cookie ${d.cookie}` : 'through its cdev';
  const bound = d.iommufd === null ? (d.path === 'cdev' ? ', not bound to an iommufd' : '') : `, bound to ${q(s.iommufds.get(d.iommufd)?.name ?? d.iommufd)}`;
  const attached = d.attachedTo === null ? '' : `, attached to ${q(s.ioasids.get(d.attachedTo)?.name ?? d.attachedTo)}`;
  return `device fd ${fd ?? '?'} ${q(d.name)}: ${shortBdf(d.bdf)} ${via}${bound}${attached}; ${d.accessGranted ? 'user access' : 'no access yet'}.`;
}

function groupTree(s: MachineState, g: GroupId, devices: readonly DeviceFd[], fds: FdNumbers, n: Numbering): BoxTree {
  const box = { number: n.add(groupLegend(s, g, fds)), label: [`group ${g}`, viability(s, g, true).viable ? 'viable' : 'not viable'] as [string, string] };
  const shown = devices.slice(0, devices.length > MAX_DEVICE_BOXES ? MAX_DEVICE_BOXES - 1 : MAX_DEVICE_BOXES);
  const children: BoxTree[] = shown.map((d) => {
    const fd = fds.objects.get(d.id);
    return { box: { number: n.add(deviceLegend(s, d, fd)), label: [`DEVICE fd ${fd ?? '?'}`, `${shortBdf(d.bdf)} ${q(d.name)}`] }, children: [] };
  });
  const rest = devices.slice(shown.length);
  if (rest.length > 0) {
    const text = rest.map((d) => deviceLegend(s, d, fds.objects.get(d.id))).join(' ');
    children.push({ box: { number: n.add(text), label: [`${rest.length} more`, 'device fds'] }, children: [] });
  }
  return { box, children };
}

/** The domain block: diagrams one under the other, each followed by its legend. */
export function domainPictureLines(s: MachineState, fds: FdNumbers): string[] {
  const devicesOf = new Map<GroupId, DeviceFd[]>();
  for (const d of s.devices.values()) devicesOf.set(d.group, [...(devicesOf.get(d.group) ?? []), d]);
  const n = new Numbering();
  const lines: string[] = [];
  for (const diagram of diagrams(s)) {
    const from = n.legend.length;
    const busy = diagram.groups.filter((g) => !idle(s, g, devicesOf.get(g) ?? []));
    const quiet = diagram.groups.filter((g) => idle(s, g, devicesOf.get(g) ?? []));
    const drawn = busy.length > MAX_GROUP_BOXES ? busy.slice(0, MAX_GROUP_BOXES - 1) : busy;
    const counted = [...busy.slice(drawn.length), ...quiet].sort((a, b) => a - b);
    const box = domainBox(s, diagram.domain, diagram.groups, fds, n);
    const children = drawn.map((g) => groupTree(s, g, devicesOf.get(g) ?? [], fds, n));
    if (counted.length > 0) {
      const what = counted.length === quiet.length ? 'untouched' : 'more';
      const text = `group${counted.length === 1 ? '' : 's'} ${numberRanges(counted)}: ${what === 'untouched' ? 'no owner, no open file, no device fd' : 'not drawn, to keep the picture short'}.`;
      children.push({ box: { number: n.add(text), label: [`${counted.length} group${counted.length === 1 ? '' : 's'}`, what] }, children: [] });
    }
    if (lines.length > 0) lines.push('');
    lines.push(...boxDiagram({ box, children }), '');
    for (const entry of n.legend.slice(from)) lines.push(...paragraph(entry.text, `[${entry.number}] `, ' '.repeat(`[${entry.number}] `.length)));
  }
  return lines;
}
