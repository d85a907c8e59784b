// Driver facts shared by all policies: which drivers exist, which claim a device, which manage
// their own DMA, and what a driver's own probe says (kernel-semantics D.1, D.6 items 1-3, 5, 10).
import type { Bdf, PciFunction, Topology } from '../topology/types.ts';
import type { DriverCatalog, Errno } from './types.ts';

export const VFIO_PCI = 'vfio-pci';
export const PCI_STUB = 'pci-stub';
export const PCIEPORT = 'pcieport';

const normalized = new Map<string, string>();

/** Module and driver names compare with `-` and `_` equal (D.6 item 2). */
export function normalizeDriverName(name: string): string {
  if (!name.includes('-')) return name;
  let n = normalized.get(name);
  if (n === undefined) {
    // Remembered: the rules ask for the same few names millions of times in a model check.
    if (normalized.size >= 1024) normalized.clear();
    normalized.set(name, (n = name.replace(/-/g, '_')));
  }
  return n;
}

/** Modules whose driver has another name (D.6 item 2: i2c_i801 registers i801_smbus). */
const MODULE_DRIVER_NAMES: Readonly<Record<string, string>> = { i2c_i801: 'i801_smbus' };

/** vfio-pci and its variant drivers (mlx5_vfio_pci, hisi_acc_vfio_pci, ...): vfio bus drivers. */
export function isVfioDriver(driver: string): boolean {
  const n = normalizeDriverName(driver);
  return n === 'vfio_pci' || n.endsWith('_vfio_pci');
}

/** Drivers that set driver_managed_dma (D.1): vfio drivers, pci-stub, pcieport. */
export function isDriverManagedDma(driver: string): boolean {
  const n = normalizeDriverName(driver);
  return n === 'vfio_pci' || n.endsWith('_vfio_pci') || n === 'pci_stub' || n === 'pcieport';
}

/** A kernel driver that does DMA through the DMA API: any bound driver without driver_managed_dma. */
export function usesDmaApi(driver: string | null): driver is string {
  return driver !== null && !isDriverManagedDma(driver);
}

/** Drivers that match only through driver_override: vfio drivers and pci-stub (D.6 item 1). */
export function bindsOnlyThroughOverride(driver: string): boolean {
  return isVfioDriver(driver) || normalizeDriverName(driver) === 'pci_stub';
}

/** pcieport claims root, upstream and downstream ports and RCECs only (D.6 item 3). */
function isPciePort(fn: PciFunction): boolean {
  return fn.pcieType === 'root-port' || fn.pcieType === 'switch-upstream' || fn.pcieType === 'switch-downstream' || fn.pcieType === 'rc-event-collector';
}

function moduleDriver(module: string): string {
  return MODULE_DRIVER_NAMES[normalizeDriverName(module)] ?? module;
}

/**
 * Drivers whose id table matches `fn`, in the order drivers_probe tries them: the driver in use at
 * start (it did bind, by its id table or by ids= given at boot), the listed modules, and pcieport
 * for any PCI-to-PCI bridge (its table matches the bridge class; its probe then refuses non-ports).
 */
function idTableMatches(fn: PciFunction): string[] {
  const out: string[] = [];
  const add = (d: string) => {
    if (!out.some((x) => normalizeDriverName(x) === normalizeDriverName(d))) out.push(d);
  };
  if (fn.driver !== null) add(fn.driver);
  for (const m of fn.modules) {
    const d = moduleDriver(m);
    if (!bindsOnlyThroughOverride(d)) add(d);
  }
  if (fn.headerType === 'bridge') add(PCIEPORT);
  return out;
}

/** Builds the driver facts of a topology once; `refusals` keys are canonical addresses. */
export function buildDriverCatalog(topology: Topology, refusals: ReadonlyMap<Bdf, ReadonlySet<string>>): DriverCatalog {
  const known = new Map<string, string>();
  const remember = (d: string, preferred: boolean) => {
    const key = normalizeDriverName(d);
    if (preferred || !known.has(key)) known.set(key, d);
  };
  for (const fn of topology.functions) for (const m of fn.modules) remember(moduleDriver(m), false);
  for (const d of [VFIO_PCI, PCI_STUB, PCIEPORT]) remember(d, true);
  // The spelling the kernel showed as "driver in use" wins (e.g. virtio-pci over the module virtio_pci).
  for (const fn of topology.functions) if (fn.driver !== null) remember(fn.driver, true);
  const idMatches = new Map<Bdf, readonly string[]>();
  for (const fn of topology.functions) idMatches.set(fn.bdf, idTableMatches(fn).map((d) => known.get(normalizeDriverName(d)) ?? d));
  return { known, idMatches, refusals };
}

/** The loaded driver called `name` (any `-`/`_` spelling), or null when no such driver exists. */
export function knownDriver(catalog: DriverCatalog, name: string): string | null {
  return catalog.known.get(normalizeDriverName(name)) ?? null;
}

export function sameDriver(a: string, b: string): boolean {
  return normalizeDriverName(a) === normalizeDriverName(b);
}

/**
 * Whether `driver` matches the device (pci_match_device): a set driver_override admits exactly that
 * driver, whatever its id table; otherwise the id table decides (vfio-pci and pci-stub have none).
 */
export function driverMatches(catalog: DriverCatalog, fn: PciFunction, override: string | null, driver: string): boolean {
  if (override !== null) return sameDriver(override, driver);
  return (catalog.idMatches.get(fn.bdf) ?? []).some((d) => sameDriver(d, driver));
}

export interface ProbeRefusal {
  errno: Errno;
  why: string;
}

/** What the driver's own probe answers once it runs (D.6 items 3, 5, 10; vfio_pci_probe, pcie_portdrv_probe). */
export function driverProbe(catalog: DriverCatalog, fn: PciFunction, grouped: boolean, driver: string): ProbeRefusal | null {
  if (isVfioDriver(driver)) {
    // vfio_pci_probe: no bridges (-EINVAL), no PF with VFs enabled (-EBUSY), needs an IOMMU group.
    if (fn.headerType !== 'normal') return { errno: 'EINVAL', why: `${driver} does not take bridges` };
    if ((fn.sriov?.numVfs ?? 0) > 0) return { errno: 'EBUSY', why: `${driver} refuses a PF with VFs enabled` };
    if (!grouped) return { errno: 'EINVAL', why: `${driver} needs an IOMMU group and ${fn.bdf} has none` };
    return null;
  }
  const n = normalizeDriverName(driver);
  if (n === 'pci_stub') return null;
  if (n === 'pcieport') return isPciePort(fn) ? null : { errno: 'ENODEV', why: 'pcieport takes PCIe root, upstream and downstream ports only' };
  if ([...(catalog.refusals.get(fn.bdf) ?? [])].some((d) => sameDriver(d, driver))) {
    return { errno: 'ENODEV', why: `${driver} is known to refuse this device in its probe although lspci lists it` };
  }
  if (!(catalog.idMatches.get(fn.bdf) ?? []).some((d) => sameDriver(d, driver))) {
    return { errno: 'ENODEV', why: `${driver} does not recognise this device` };
  }
  return null;
}
