// The machine state shared by the three policies (spec model.md §3). Plain data, immutable by
// convention. What never changes after start-up (topology, groups, driver facts) sits in `static`,
// built once; the rest holds only what differs from the start, so one command copies little.
import type { Grouping } from '../grouping/types.ts';
import type { Bdf, PciFunction, Topology } from '../topology/types.ts';

export type PolicyName = 'legacy' | 'rfc-v2' | 'upstream';
export const POLICY_NAMES: readonly PolicyName[] = ['legacy', 'rfc-v2', 'upstream'];

/** The errnos the modelled interfaces return (userspace sees them with the sign flipped). */
export type Errno = 'EPERM' | 'ENOENT' | 'EBADF' | 'EBUSY' | 'ENODEV' | 'EINVAL' | 'ENOTTY';

export type GroupId = number;
/** Internal identity of a userspace object; its `as` name can be reused once the fd is closed. */
export type ObjectId = string;

/** What translates a group's DMA. User domains belong to a container or an IOASID (IOAS/HWPT). */
export type Domain =
  | { kind: 'default' }
  | { kind: 'blocked' }
  | { kind: 'container'; container: ObjectId }
  | { kind: 'ioasid'; ioasid: ObjectId };

/** A userspace DMA owner. Kernel drivers' ownership is derived from the bound drivers (facts.ts). */
export type UserOwner = { kind: 'container'; container: ObjectId } | { kind: 'iommufd'; iommufd: ObjectId };

/** Per-group state; a group absent from `MachineState.groups` is idle (`IDLE_GROUP`). */
export interface GroupState {
  /** /dev/vfio/N is open (the group file; single-open). */
  readonly fdOpen: boolean;
  readonly container: ObjectId | null;
  /** rfc-v2: iommu_group_set_block_dma() has run (kernel-semantics C.2). */
  readonly blockDma: boolean;
  /** rfc-v2: the binding device's driver that viability is judged against while block_dma is set. */
  readonly blockDmaDriver: string | null;
  readonly domain: Domain;
  readonly owner: UserOwner | null;
  /** owner_cnt of the user owner: 1 for a container, the number of bound devices for an iommu fd. */
  readonly ownerCount: number;
}

export const IDLE_GROUP: GroupState = {
  fdOpen: false,
  container: null,
  blockDma: false,
  blockDmaDriver: null,
  domain: { kind: 'default' },
  owner: null,
  ownerCount: 0,
};

export type IommuType = 'none' | 'type1' | 'external';

export interface Container {
  readonly id: ObjectId;
  readonly name: string;
  /** The container fd; the object outlives it while groups are attached (D.6 item 8). */
  readonly fdOpen: boolean;
  readonly iommu: IommuType;
}

export interface Iommufd {
  readonly id: ObjectId;
  readonly name: string;
}

export interface Ioasid {
  readonly id: ObjectId;
  readonly name: string;
  readonly iommufd: ObjectId;
  /** A nested IOASID's parent (kernel-semantics C.1 RFC v1 nesting; upstream NEST_PARENT HWPT). */
  readonly parent: ObjectId | null;
}

/** How a device fd was obtained: the group path, rfc-v2's GET_DEVICE_FD_NEW, or the upstream cdev. */
export type DevicePath = 'group' | 'new' | 'cdev';

export interface DeviceFd {
  readonly id: ObjectId;
  readonly name: string;
  readonly bdf: Bdf;
  readonly group: GroupId;
  readonly path: DevicePath;
  readonly cookie: number | null;
  /** The iommu fd this device is bound to (paths `new` and `cdev`). */
  readonly iommufd: ObjectId | null;
  readonly accessGranted: boolean;
  readonly attachedTo: ObjectId | null;
}

export type ObjectKind = 'container' | 'iommufd' | 'ioasid' | 'device';

/** What an `as` name holds: an object, or nothing when the command that was to create it failed (fd -1). */
export interface NameRef {
  readonly kind: ObjectKind;
  readonly id: ObjectId | null;
}

export interface Panic {
  readonly message: string;
  readonly culprit: Bdf;
  readonly rule: string;
}

export interface MachineOptions {
  policy: PolicyName;
  /** rfc-v2, C.3 item 1: "same driver" means exactly the binding device's driver (default: or any vfio driver). */
  strictSameDriver?: boolean;
  /**
   * Drivers known to refuse a device in their own probe although lspci lists them (D.6 item 10:
   * lspci cannot tell, e.g. 8139too on QEMU's 8139C+). Keys may be short addresses.
   */
  probeRefusals?: Readonly<Record<string, readonly string[]>>;
}

/** Driver facts computed once from the topology (drivers.ts). */
export interface DriverCatalog {
  /** Every loaded driver, by its name with `-` and `_` equal, mapped to its spelling. */
  readonly known: ReadonlyMap<string, string>;
  /** Drivers whose id table matches each function, in the order drivers_probe tries them. */
  readonly idMatches: ReadonlyMap<Bdf, readonly string[]>;
  readonly refusals: ReadonlyMap<Bdf, ReadonlySet<string>>;
}

export interface MachineStatic {
  readonly policy: PolicyName;
  readonly strictSameDriver: boolean;
  readonly topology: Topology;
  readonly grouping: Grouping;
  readonly functions: ReadonlyMap<Bdf, PciFunction>;
  readonly members: ReadonlyMap<GroupId, readonly Bdf[]>;
  readonly drivers: DriverCatalog;
}

export interface MachineState {
  readonly static: MachineStatic;
  /** Bound driver of every function whose binding changed since start (null = unbound). */
  readonly drivers: ReadonlyMap<Bdf, string | null>;
  /** driver_override of functions where it is set. */
  readonly overrides: ReadonlyMap<Bdf, string>;
  /** Groups that are not idle. */
  readonly groups: ReadonlyMap<GroupId, GroupState>;
  readonly containers: ReadonlyMap<ObjectId, Container>;
  readonly iommufds: ReadonlyMap<ObjectId, Iommufd>;
  readonly ioasids: ReadonlyMap<ObjectId, Ioasid>;
  readonly devices: ReadonlyMap<ObjectId, DeviceFd>;
  /** Every `as` name a command gave, with the object it names now (gone or never made: EBADF/ENOENT). */
  readonly names: ReadonlyMap<string, NameRef>;
  readonly nextId: number;
  readonly panic: Panic | null;
}
