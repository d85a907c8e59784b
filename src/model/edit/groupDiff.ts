// What an edit did to the IOMMU groups (issue 8 item 2): groups split and merged, devices that
// moved between groups, devices added and removed, each with the reasons of both groupings.
// Groups are compared as partitions of the devices present before and after (group numbers follow
// probe order and may all shift, as in compareWithKernel.ts), with old addresses renamed first.
import { shortBdf } from '../topology/bdf.ts';
import type { Bdf } from '../topology/types.ts';
import type { GroupReason, Grouping } from '../grouping/types.ts';

export interface GroupRef {
  id: number;
  /** Members, at their addresses after the edit (a removed device keeps its old address). */
  devices: Bdf[];
}

export type GroupChangeKind = 'split' | 'merged' | 'moved' | 'added' | 'removed';

export interface GroupChange {
  kind: GroupChangeKind;
  /** The groups involved before the edit (members renamed) and after it. */
  before: GroupRef[];
  after: GroupRef[];
  /** The devices the change is about (for a split or merge: every member involved). */
  devices: Bdf[];
  /** Why the devices were together before (reasons of the old grouping, renamed). */
  reasonsBefore: GroupReason[];
  /** Why they are where they are now (reasons of the new grouping). */
  reasonsAfter: GroupReason[];
  /** One sentence, e.g. "group 3 {00:02.0 01:00.0} split into {00:02.0} and {01:00.0}". */
  text: string;
}

const ADDRESS = /[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]/g;
const set = (devices: readonly Bdf[]) => `{${devices.map(shortBdf).join(' ')}}`;
const byAddress = (a: Bdf, b: Bdf) => (a < b ? -1 : a > b ? 1 : 0);

export function diffGroupings(before: Grouping, after: Grouping, renamed: ReadonlyMap<Bdf, Bdf>): GroupChange[] {
  const rename = (b: Bdf) => renamed.get(b) ?? b;
  // A device that kept its address while another device was renumbered onto it was removed (the
  // rule of store/history.ts carryCommand): it must not be taken for the newcomer.
  const taken = new Set(renamed.values());
  const removedHere = (b: Bdf) => !renamed.has(b) && taken.has(b);
  const beforeOf = new Map([...before.groupOf].filter(([b]) => !removedHere(b)).map(([b, id]) => [rename(b), id]));
  const beforeGroups = new Map(before.groups.map((g) => [g.id, { id: g.id, devices: g.devices.map(rename).sort(byAddress) }]));
  const afterGroups = new Map(after.groups.map((g) => [g.id, { id: g.id, devices: [...g.devices].sort(byAddress) }]));
  const oldReasons = reasonLookup(before, renamed);
  const newReasons = reasonLookup(after, new Map());
  const stillThere = new Set([...after.groupOf.keys(), ...after.ungrouped]);
  const changes: GroupChange[] = [];

  // Devices in a group both before and after link their old group to their new one.
  const links = new Map<number, Set<number>>();
  const backLinks = new Map<number, Set<number>>();
  for (const [bdf, oldId] of beforeOf) {
    const newId = after.groupOf.get(bdf);
    if (newId === undefined) continue;
    addTo(links, oldId, newId);
    addTo(backLinks, newId, oldId);
  }

  for (const component of components(links, backLinks)) {
    const olds = [...component.olds].sort((a, b) => a - b).map((id) => beforeGroups.get(id)!);
    const news = [...component.news].sort((a, b) => a - b).map((id) => afterGroups.get(id)!);
    if (olds.length === 1 && news.length > 1) {
      const devices = olds[0]!.devices.filter((d) => after.groupOf.has(d));
      changes.push({
        kind: 'split', before: olds, after: news, devices,
        reasonsBefore: oldReasons(devices), reasonsAfter: newReasons(devices),
        text: `group ${olds[0]!.id} ${set(olds[0]!.devices)} split into ${news.map((g) => set(g.devices)).join(' and ')}`,
      });
    } else if (olds.length > 1 && news.length === 1) {
      const devices = news[0]!.devices;
      changes.push({
        kind: 'merged', before: olds, after: news, devices,
        reasonsBefore: oldReasons(devices), reasonsAfter: newReasons(devices),
        text: `groups ${olds.map((g) => `${g.id} ${set(g.devices)}`).join(' and ')} merged into group ${news[0]!.id} ${set(devices)}`,
      });
    } else if (olds.length > 1) {
      changes.push(...moves(olds, news, beforeOf, after, oldReasons, newReasons));
    }
  }

  for (const g of after.groups) {
    const added = g.devices.filter((d) => !beforeOf.has(d));
    if (added.length === 0) continue;
    const ref = afterGroups.get(g.id)!;
    changes.push({
      kind: 'added', before: [], after: [ref], devices: added.sort(byAddress),
      reasonsBefore: [], reasonsAfter: newReasons(added),
      text: added.length === ref.devices.length ? `new group ${g.id} ${set(ref.devices)}` : `${set(added)} joined group ${g.id} ${set(ref.devices)}`,
    });
  }

  for (const g of before.groups) {
    const ref = beforeGroups.get(g.id)!;
    const gone = g.devices.filter((d) => removedHere(d) || !stillThere.has(rename(d))).map(rename).sort(byAddress);
    if (gone.length === 0) continue;
    changes.push({
      kind: 'removed', before: [ref], after: [], devices: gone,
      reasonsBefore: oldReasons(gone), reasonsAfter: [],
      text: gone.length === ref.devices.length ? `group ${g.id} ${set(ref.devices)} is gone` : `${set(gone)} left group ${g.id} ${set(ref.devices)}`,
    });
  }
  return changes;
}

/** Old and new groups linked, directly or through others, by the devices they share. */
function components(links: Map<number, Set<number>>, backLinks: Map<number, Set<number>>): { olds: Set<number>; news: Set<number> }[] {
  const seenOld = new Set<number>();
  const out: { olds: Set<number>; news: Set<number> }[] = [];
  for (const start of [...links.keys()].sort((a, b) => a - b)) {
    if (seenOld.has(start)) continue;
    const olds = new Set<number>([start]);
    const news = new Set<number>();
    const queue = [start];
    seenOld.add(start);
    while (queue.length > 0) {
      for (const n of links.get(queue.pop()!) ?? []) {
        if (news.has(n)) continue;
        news.add(n);
        for (const o of backLinks.get(n) ?? []) {
          if (seenOld.has(o)) continue;
          seenOld.add(o);
          olds.add(o);
          queue.push(o);
        }
      }
    }
    out.push({ olds, news });
  }
  return out;
}

/**
 * Several old groups trading members: each old group continues as the new group that keeps most
 * of its devices; a device anywhere else moved.
 */
function moves(
  olds: GroupRef[],
  news: GroupRef[],
  beforeOf: ReadonlyMap<Bdf, number>,
  after: Grouping,
  oldReasons: (d: readonly Bdf[]) => GroupReason[],
  newReasons: (d: readonly Bdf[]) => GroupReason[],
): GroupChange[] {
  const newById = new Map(news.map((g) => [g.id, g]));
  const out: GroupChange[] = [];
  for (const old of olds) {
    const counts = new Map<number, number>();
    for (const d of old.devices) {
      const id = after.groupOf.get(d);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const main = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
    for (const d of old.devices) {
      const id = after.groupOf.get(d);
      if (id === undefined || id === main || beforeOf.get(d) !== old.id) continue;
      const to = newById.get(id)!;
      out.push({
        kind: 'moved', before: [old], after: [to], devices: [d],
        reasonsBefore: oldReasons([d]), reasonsAfter: newReasons([d]),
        text: `${shortBdf(d)} moved from group ${old.id} ${set(old.devices)} to group ${to.id} ${set(to.devices)}`,
      });
    }
  }
  return out;
}

/** The reasons a grouping gives for given devices, addresses (text included) renamed; indexed once. */
function reasonLookup(grouping: Grouping, renamed: ReadonlyMap<Bdf, Bdf>): (devices: readonly Bdf[]) => GroupReason[] {
  const rename = (b: Bdf) => renamed.get(b) ?? b;
  let byDevice: Map<Bdf, GroupReason[]> | null = null;
  return (devices) => {
    if (byDevice === null) {
      byDevice = new Map();
      for (const r of grouping.groups.flatMap((g) => g.reasons)) {
        const reason = renamed.size === 0 ? r : { ...r, device: rename(r.device), via: rename(r.via), text: r.text.replace(ADDRESS, rename) };
        byDevice.set(reason.device, [...(byDevice.get(reason.device) ?? []), reason]);
      }
    }
    const index = byDevice;
    return devices.flatMap((d) => index.get(d) ?? []);
  };
}

function addTo(map: Map<number, Set<number>>, key: number, value: number): void {
  const s = map.get(key);
  if (s) s.add(value);
  else map.set(key, new Set([value]));
}
