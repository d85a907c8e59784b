// A fluent driver for tests and examples (in the manner of tldraw's TestEditor), e.g.
//   sim(topo, 'rfc-v2').vfio('01:00.0').openGroup('01:00.0') ... .expectGroup('01:00.0').toBe('blocked')
// Every value is immutable: each step returns a new driver. Actions record the kernel's answer
// without judging it; `expect*` methods judge and throw an Error that shows the recent steps.
// Short addresses (`01:00.0`) are accepted everywhere.
import { computeGroups } from '../grouping/computeGroups.ts';
import { groupingFromKernelListing } from '../grouping/fromKernelListing.ts';
import type { Grouping } from '../grouping/types.ts';
import { normalizeBdf } from '../topology/bdf.ts';
import type { Topology } from '../topology/types.ts';
import { apply, type ApplyResult } from './apply.ts';
import type { MachineEvent } from './events.ts';
import { formatDomain, formatOwner, groupOwner, viability } from './facts.ts';
import { checkInvariants, type InvariantId } from './invariants.ts';
import { createMachine } from './machine.ts';
import type { StatusFlags } from './outcome.ts';
import { driverOf, groupIdOf, groupState } from './state.ts';
import type { Errno, MachineOptions, MachineState, PolicyName } from './types.ts';

export interface SimStep {
  command: Record<string, unknown>;
  result: ApplyResult;
}

export interface GroupExpectation {
  /** The group's domain: 'default', 'blocked', 'container:NAME' or 'ioasid:NAME'. */
  toBe(domain: string): Sim;
  /** The group's owner: 'none', 'kernel', 'container:NAME' or 'iommufd:NAME'. */
  toBeOwnedBy(owner: string): Sim;
  toBeViable(viable: boolean): Sim;
}

export interface Sim {
  readonly state: MachineState;
  readonly last: ApplyResult | null;
  readonly log: readonly SimStep[];
  run(command: Record<string, unknown>): Sim;
  bind(bdf: string, driver: string): Sim;
  unbind(bdf: string): Sim;
  override(bdf: string, driver: string | null): Sim;
  probe(bdf: string): Sim;
  /** The usual way to hand a device to vfio-pci: unbind if bound, driver_override, drivers_probe. */
  vfio(bdf: string): Sim;
  openGroup(bdf: string): Sim;
  closeGroup(bdf: string): Sim;
  getStatus(bdf: string): Sim;
  openContainer(as: string): Sim;
  closeContainer(container: string): Sim;
  setContainer(bdf: string, container: string): Sim;
  unsetContainer(bdf: string): Sim;
  setIommu(container: string, type: 'type1' | 'external'): Sim;
  getDeviceFd(bdf: string, as: string): Sim;
  getDeviceFdNew(bdf: string, iommufd: string, cookie: number, as?: string): Sim;
  openIommufd(as: string): Sim;
  allocIoasid(iommufd: string, as: string, parent?: string): Sim;
  freeIoasid(ioasid: string): Sim;
  attach(device: string, ioasid: string): Sim;
  detach(device: string): Sim;
  closeDevice(device: string): Sim;
  openCdev(bdf: string, as?: string): Sim;
  bindIommufd(device: string, iommufd: string): Sim;
  expectOk(): Sim;
  expectError(errno: Errno): Sim;
  expectPanic(): Sim;
  expectStatus(flags: StatusFlags): Sim;
  expectEvent(type: MachineEvent['type'], where?: (e: MachineEvent) => boolean): Sim;
  expectDriver(bdf: string, driver: string | null): Sim;
  expectAccess(device: string, granted: boolean): Sim;
  expectInvariant(id: InvariantId, holds: boolean): Sim;
  expectGroup(bdf: string): GroupExpectation;
}

export interface SimOptions extends Omit<MachineOptions, 'policy'> {
  /**
   * The groups: a Grouping, or lists of addresses that share a group (every other function then
   * sits alone), or omitted to compute them as the kernel would (model.md §2).
   */
  groups?: Grouping | readonly (readonly string[])[];
}

function groupsByHand(topology: Topology, lists: readonly (readonly string[])[]): Grouping {
  const listing = new Map<string, number>();
  lists.forEach((list, i) => list.forEach((bdf) => listing.set(normalizeBdf(bdf), i + 1)));
  let next = lists.length + 1;
  for (const f of topology.functions) if (f.translated && !listing.has(f.bdf)) listing.set(f.bdf, next++);
  return groupingFromKernelListing(topology, listing);
}

function describe(step: SimStep): string {
  const r = step.result;
  const outcome = r.ok ? `ok${r.result ? ` ${JSON.stringify(r.result.flags)}` : ''}` : `${r.error.errno ?? r.error.reason}: ${r.error.message}`;
  return `${JSON.stringify(step.command)} -> ${outcome}`;
}

function make(state: MachineState, log: readonly SimStep[]): Sim {
  const last = log.length > 0 ? log[log.length - 1]!.result : null;
  const fail = (what: string): never => {
    const recent = log.slice(-6).map((s) => `  ${describe(s)}`).join('\n');
    throw new Error(`${what}\nlast steps:\n${recent || '  (none)'}`);
  };
  const run = (command: Record<string, unknown>): Sim => {
    const result = apply(state, command);
    if (!result.ok && result.error.reason === 'invalid-command') fail(`invalid command: ${result.error.message}`);
    return make(result.state, [...log, { command, result }]);
  };
  const lastOrFail = (): ApplyResult => last ?? fail('no command has run yet');
  const groupOf = (bdf: string) => {
    const g = groupIdOf(state, normalizeBdf(bdf));
    return g ?? fail(`${bdf} is in no group`);
  };
  const self: Sim = {
    state,
    last,
    log,
    run,
    bind: (bdf, driver) => run({ op: 'driver.bind', bdf, driver }),
    unbind: (bdf) => run({ op: 'driver.unbind', bdf }),
    override: (bdf, driver) => run({ op: 'driver.override', bdf, driver }),
    probe: (bdf) => run({ op: 'driver.probe', bdf }),
    vfio: (bdf) => {
      const first = driverOf(state, normalizeBdf(bdf)) === null ? self : self.unbind(bdf).expectOk();
      return first.override(bdf, 'vfio-pci').expectOk().probe(bdf).expectOk().expectDriver(bdf, 'vfio-pci');
    },
    openGroup: (bdf) => run({ op: 'group.open', bdf }),
    closeGroup: (bdf) => run({ op: 'group.close', bdf }),
    getStatus: (bdf) => run({ op: 'group.getStatus', bdf }),
    openContainer: (as) => run({ op: 'container.open', as }),
    closeContainer: (container) => run({ op: 'container.close', container }),
    setContainer: (bdf, container) => run({ op: 'group.setContainer', bdf, container }),
    unsetContainer: (bdf) => run({ op: 'group.unsetContainer', bdf }),
    setIommu: (container, type) => run({ op: 'container.setIommu', container, type }),
    getDeviceFd: (bdf, as) => run({ op: 'group.getDeviceFd', bdf, as }),
    getDeviceFdNew: (bdf, iommufd, cookie, as = bdf) => run({ op: 'group.getDeviceFdNew', bdf, iommufd, cookie, as }),
    openIommufd: (as) => run({ op: 'iommufd.open', as }),
    allocIoasid: (iommufd, as, parent) => run(parent === undefined ? { op: 'ioasid.alloc', iommufd, as } : { op: 'ioasid.alloc', iommufd, as, parent }),
    freeIoasid: (ioasid) => run({ op: 'ioasid.free', ioasid }),
    attach: (device, ioasid) => run({ op: 'device.attach', device, ioasid }),
    detach: (device) => run({ op: 'device.detach', device }),
    closeDevice: (device) => run({ op: 'device.close', device }),
    openCdev: (bdf, as = bdf) => run({ op: 'cdev.open', bdf, as }),
    bindIommufd: (device, iommufd) => run({ op: 'cdev.bindIommufd', device, iommufd }),
    expectOk: () => (lastOrFail().ok ? self : fail('expected the last command to succeed')),
    expectError: (errno) => {
      const r = lastOrFail();
      return !r.ok && r.error.errno === errno ? self : fail(`expected the last command to fail with ${errno}`);
    },
    expectPanic: () => (state.panic ? self : fail('expected the machine to have panicked')),
    expectStatus: (flags) => {
      const r = lastOrFail();
      return r.ok && r.result && r.result.flags.viable === flags.viable && r.result.flags.containerSet === flags.containerSet
        ? self
        : fail(`expected GET_STATUS flags ${JSON.stringify(flags)}`);
    },
    expectEvent: (type, where) => {
      const r = lastOrFail();
      return r.ok && r.events.some((e) => e.type === type && (where === undefined || where(e))) ? self : fail(`expected an event ${type}`);
    },
    expectDriver: (bdf, driver) => {
      const got = driverOf(state, normalizeBdf(bdf));
      return got === driver ? self : fail(`expected ${bdf} on ${driver ?? 'no driver'}, it is on ${got ?? 'no driver'}`);
    },
    expectAccess: (device, granted) => {
      const ref = state.names.get(device);
      const got = ref?.id ? (state.devices.get(ref.id)?.accessGranted ?? false) : false;
      return got === granted ? self : fail(`expected device fd "${device}" ${granted ? 'to have' : 'not to have'} access`);
    },
    expectInvariant: (id, holds) => {
      const check = checkInvariants(state).find((c) => c.id === id)!;
      return check.holds === holds ? self : fail(`expected ${id} to ${holds ? 'hold' : 'break'}: ${check.message}`);
    },
    expectGroup: (bdf) => {
      const g = groupOf(bdf);
      return {
        toBe: (domain) => {
          const got = formatDomain(state, groupState(state, g).domain);
          return got === domain ? self : fail(`expected group ${g} on ${domain}, it is on ${got}`);
        },
        toBeOwnedBy: (owner) => {
          const got = formatOwner(groupOwner(state, g));
          return got === owner ? self : fail(`expected group ${g} owned by ${owner}, it is owned by ${got}`);
        },
        toBeViable: (viable) => (viability(state, g).viable === viable ? self : fail(`expected group ${g} ${viable ? '' : 'not '}viable`)),
      };
    },
  };
  return self;
}

export function sim(topology: Topology, policy: PolicyName, options: SimOptions = {}): Sim {
  const { groups, ...machineOptions } = options;
  const grouping = groups === undefined ? computeGroups(topology) : Array.isArray(groups) ? groupsByHand(topology, groups) : (groups as Grouping);
  return make(createMachine(topology, grouping, { ...machineOptions, policy }), []);
}
