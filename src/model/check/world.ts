// The bounded world the checker explores (issue 7 item 1): the devices of the chosen groups, each
// device's candidate drivers, and a fixed set of object names per kind, turned into the finite list
// of commands (the alphabet) a sequence is made of. Every command is validated once here, so the
// search applies them without parsing (kernel applyParsed).
import { parseCommand, type Command } from '../kernel/commands.ts';
import { PCI_STUB, sameDriver, VFIO_PCI } from '../kernel/drivers.ts';
import type { Policy } from '../kernel/policy.ts';
import type { GroupId, MachineState } from '../kernel/types.ts';
import { normalizeBdf } from '../topology/bdf.ts';
import type { Bdf } from '../topology/types.ts';
import type { CheckSettings, CommandFamily } from './settings.ts';

export interface WorldGroup {
  id: GroupId;
  /** The member that names the group in group commands: its first device that is no bridge, for readable sequences. */
  label: Bdf;
}

export interface World {
  /** Members of the chosen groups, in group order then probe order. */
  bdfs: readonly Bdf[];
  groups: readonly WorldGroup[];
  /** Every command a sequence may use, validated, in the order the search tries them. */
  alphabet: readonly Command[];
}

export class WorldError extends Error {}

/** The groups to explore: every group with two or more devices, plus the ones the settings name. */
function chosenGroups(s: MachineState, named: readonly string[]): GroupId[] {
  const ids = new Set<GroupId>();
  for (const [g, members] of s.static.members) if (members.length > 1) ids.add(g);
  for (const text of named) {
    let bdf: Bdf;
    try {
      bdf = normalizeBdf(text);
    } catch (e) {
      throw new WorldError(`check.groups: ${(e as Error).message}`);
    }
    const g = s.static.grouping.groupOf.get(bdf);
    if (g === undefined) throw new WorldError(`check.groups: ${bdf} is in no IOMMU group of this topology`);
    ids.add(g);
  }
  return [...ids].sort((a, b) => a - b);
}

const isBridge = (s: MachineState, bdf: Bdf) => s.static.functions.get(bdf)!.headerType !== 'normal';

/**
 * Drivers that bind only through driver_override (D.6 item 1) and that a device may be given:
 * vfio-pci and pci-stub. Not vfio-pci for a bridge: vfio_pci_probe refuses every bridge (B.2), so
 * writing it to a bridge's driver_override only keeps the bridge from binding anything, which
 * leaving the bridge unbound already shows; leaving it out spares a third of the states.
 */
function overrideDrivers(s: MachineState, bdf: Bdf, without: ReadonlySet<string>): string[] {
  const drivers = isBridge(s, bdf) ? [] : [VFIO_PCI];
  if (!without.has('pci-stub')) drivers.push(PCI_STUB);
  return drivers;
}

/**
 * Drivers a device may be given: those whose id table matches it (its host drivers; pcieport for a
 * bridge, D.6 items 1-3), and the override drivers; a host driver is reached by clearing the override.
 */
function candidateDrivers(s: MachineState, bdf: Bdf, without: ReadonlySet<string>): string[] {
  const drivers: string[] = [];
  for (const d of [...(s.static.drivers.idMatches.get(bdf) ?? []), ...overrideDrivers(s, bdf, without)]) {
    // A device found on vfio-pci at start (ids= at boot) lists it among its id-table drivers too.
    if (!drivers.some((x) => sameDriver(x, d))) drivers.push(d);
  }
  return drivers;
}

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

/** Which family a command belongs to, for `without`. */
function familyOf(c: Record<string, unknown>): CommandFamily | null {
  if (c['op'] === 'container.setIommu') return c['type'] === 'type1' ? 'type1' : 'external';
  if (c['op'] === 'group.getDeviceFdNew') return 'external';
  if (c['op'] === 'cdev.open' || c['op'] === 'cdev.bindIommufd') return 'cdev';
  if (c['op'] === 'ioasid.alloc' && c['parent'] !== undefined) return 'nesting';
  return null;
}

/**
 * The raw commands of the world. Both ways a user changes a driver are here, as single sysfs
 * writes: `driver.bind` (drivers/<drv>/bind) and `driver.override` + `driver.probe`, since the
 * policies answer them differently (upstream: EBUSY vs EINVAL, D.6 item 4). Device fds come only
 * from devices that are no bridge: vfio-pci refuses bridges (vfio_pci_probe, B.2), so no bridge
 * ever has a vfio device or cdev.
 */
function rawAlphabet(s: MachineState, bdfs: readonly Bdf[], groups: readonly WorldGroup[], settings: CheckSettings, without: ReadonlySet<string>) {
  const containers = names('c', settings.containers);
  const iommufds = names('i', settings.iommufds);
  const ioasids = names('a', settings.ioasids);
  const devices = names('d', settings.devices);
  const out: Record<string, unknown>[] = [];
  for (const bdf of bdfs) {
    out.push({ op: 'driver.unbind', bdf });
    for (const driver of [...overrideDrivers(s, bdf, without), null]) out.push({ op: 'driver.override', bdf, driver });
    out.push({ op: 'driver.probe', bdf });
    for (const driver of candidateDrivers(s, bdf, without)) out.push({ op: 'driver.bind', bdf, driver });
  }
  for (const c of containers) out.push({ op: 'container.open', as: c }, { op: 'container.close', container: c });
  for (const f of iommufds) out.push({ op: 'iommufd.open', as: f });
  for (const { label: bdf } of groups) {
    out.push({ op: 'group.open', bdf }, { op: 'group.close', bdf }, { op: 'group.getStatus', bdf });
    for (const container of containers) out.push({ op: 'group.setContainer', bdf, container });
    out.push({ op: 'group.unsetContainer', bdf });
  }
  for (const container of containers) for (const type of ['type1', 'external']) out.push({ op: 'container.setIommu', container, type });
  const vfioCapable = bdfs.filter((b) => !isBridge(s, b));
  devices.forEach((as, i) => {
    for (const bdf of vfioCapable) {
      out.push({ op: 'group.getDeviceFd', bdf, as });
      // The cookie is userspace's own label for the device; no rule reads it (C.2 row 3).
      for (const iommufd of iommufds) out.push({ op: 'group.getDeviceFdNew', bdf, iommufd, cookie: i + 1, as });
      out.push({ op: 'cdev.open', bdf, as });
    }
  });
  for (const iommufd of iommufds) {
    for (const as of ioasids) {
      out.push({ op: 'ioasid.alloc', iommufd, as });
      for (const parent of ioasids) if (parent !== as) out.push({ op: 'ioasid.alloc', iommufd, as, parent });
    }
  }
  for (const ioasid of ioasids) out.push({ op: 'ioasid.free', ioasid });
  for (const device of devices) {
    for (const iommufd of iommufds) out.push({ op: 'cdev.bindIommufd', device, iommufd });
    for (const ioasid of ioasids) out.push({ op: 'device.attach', device, ioasid });
    out.push({ op: 'device.detach', device }, { op: 'device.close', device });
  }
  return out.filter((c) => !without.has(c['op'] as string) && !without.has(familyOf(c) ?? ''));
}

/** Builds the world of a machine at its start; throws WorldError for settings that name no group. */
export function buildWorld(s: MachineState, settings: CheckSettings): World {
  const groupIds = chosenGroups(s, settings.groups);
  const groups = groupIds.map((id): WorldGroup => {
    const members = s.static.members.get(id)!;
    return { id, label: members.find((b) => !isBridge(s, b)) ?? members[0]! };
  });
  const bdfs = groupIds.flatMap((g) => s.static.members.get(g)!);
  const alphabet = rawAlphabet(s, bdfs, groups, settings, new Set(settings.without)).map((raw) => {
    const parsed = parseCommand(s.static, raw);
    if (!parsed.ok) throw new Error(`internal: the world made a malformed command: ${parsed.message}`);
    return parsed.command;
  });
  return { bdfs, groups, alphabet };
}

/** GET_STATUS answers with flags and changes no state under any policy, so it can break no invariant. */
const QUERIES: ReadonlySet<string> = new Set(['group.getStatus']);

/**
 * The commands of the world that can lead somewhere under a policy: those it defines (a command a
 * policy leaves out is refused with ENOTTY, model.md §5, and changes nothing but its `as` name),
 * without queries. The design diff keeps all of them: there, ENOTTY and flags are answers too.
 */
export function searchAlphabet(world: World, policy: Policy): Command[] {
  return world.alphabet.filter((c) => policy.handlers[c.op] !== undefined && !QUERIES.has(c.op));
}
