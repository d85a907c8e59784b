// Test support: the shared ground truth beside the repository (the real kernel's answers under
// ../shared/oracle and published dumps of real machines under ../shared/real).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const sharedDir = resolve(repoRoot, '../shared');
export const oracleDir = join(sharedDir, 'oracle');
export const realDir = join(sharedDir, 'real');

export interface OracleFixture {
  name: string;
  dir: string;
  lspci: string;
  groupsListing: string;
  /** The harness result (`kernel.json`, described in the oracle README). */
  kernel: OracleKernelJson;
  /** Present for the topologies that ran the VFIO test. */
  vfioTrace?: unknown;
}

export interface OracleDevice {
  bdf: string;
  vendor_device: string;
  class: string;
  name: string;
  header_type: number;
  header_multifunction: boolean;
  multifunction: boolean;
  pcie_type: string | null;
  role: string;
  is_bridge: boolean;
  parent: string | null;
  root_bus: string | null;
  bus: { primary: number; secondary: number; subordinate: number } | null;
  acs: { cap: Record<string, boolean>; ctl: Record<string, boolean> } | null;
  sriov: { initial_vfs: number; total_vfs: number; num_vfs: number } | null;
  physfn: string | null;
  driver: string | null;
  iommu_group: number | null;
}

export interface OracleKernelJson {
  topology: string;
  devices: OracleDevice[];
  groups: Record<string, string[]>;
  group_sets: string[][];
}

/** Every oracle fixture folder (all but the harness). */
export function oracleFixtures(): OracleFixture[] {
  if (!existsSync(oracleDir)) throw new Error(`the shared oracle fixtures are missing: expected ${oracleDir}`);
  return readdirSync(oracleDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'harness')
    .map((d) => d.name)
    .sort()
    .map(loadOracleFixture);
}

export function loadOracleFixture(name: string): OracleFixture {
  const dir = join(oracleDir, name);
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const fixture: OracleFixture = {
    name,
    dir,
    lspci: read('lspci-vvvnn.txt'),
    groupsListing: read('iommu-groups.txt'),
    kernel: JSON.parse(read('kernel.json')) as OracleKernelJson,
  };
  if (existsSync(join(dir, 'vfio-trace.json'))) fixture.vfioTrace = JSON.parse(read('vfio-trace.json'));
  return fixture;
}

/** Published real machines: folder name and its files' texts. */
export function realMachines(): { name: string; files: Record<string, string> }[] {
  return readdirSync(realDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({
      name: d.name,
      files: Object.fromEntries(
        readdirSync(join(realDir, d.name)).map((f) => [f, readFileSync(join(realDir, d.name, f), 'utf8')]),
      ),
    }));
}
