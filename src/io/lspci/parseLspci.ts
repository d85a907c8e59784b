// lspci text (-v, -vv, -vvv, with or without -nn, -D, -k, -q; also plain and -nnk listings) into the
// PCI topology model (spec model.md §1). What the text cannot decide is assumed as the kernel would
// have it where the fact sheet says so, and every assumption is a warning (kernel-semantics A.10).
import { shortBdf, type BdfParts } from '../../model/topology/bdf.ts';
import type { Bdf, PciFunction, Topology } from '../../model/topology/types.ts';
import { vmdMessage } from '../address.ts';
import { importError, WarningLog, type ImportResult, type ImportWarning } from '../importResult.ts';
import { readInputLines } from '../inputText.ts';
import { acsCapabilityOf } from './acsCapability.ts';
import { readBlockFields, type BlockFields } from './blockFields.ts';
import { placeOnBusTree } from './busTree.ts';
import { splitDeviceBlocks, type DeviceBlock } from './deviceBlocks.ts';
import { readDeviceLine, type DeviceLine } from './deviceLine.ts';
import { headerTypeOf } from './headerType.ts';
import { applyOwnGroupLines, warnAccessDenied, warnMissingIds, warnUnknownClassNames, type ListedFunction } from './listingWarnings.ts';
import { setMultifunction } from './multifunction.ts';
import { noDeviceLineMessage } from './notLspci.ts';
import { rootBusOrderFromGroups } from './rootBusOrder.ts';
import { recogniseVfs } from './sriov.ts';
import { sriovEnableOrderFromGroups } from './sriovEnableOrder.ts';
import { checkLastBlock } from './truncation.ts';

/** Facts the input did not carry, so the caller can decide to compute groups or import the kernel's. */
export type InputGap =
  | 'bus-tree' // no Bus: lines (flat listing) or a bridge without one: parents unknown
  | 'capabilities' // no capability lines, or <access denied>: PCIe types, ACS, SR-IOV unknown
  | 'acs-control' // ACS capability named but its bits not printed (-v): A.3 default assumed
  | 'vendor-ids' // no [vendor:device] ids (no -nn): no device-specific quirk can apply
  | 'vf-numbers' // an SR-IOV capability without VF numbers (-v): VFs not recognised
  | 'multifunction-bit'; // a function 0 whose hidden multifunction bit could change the groups

export interface LspciImportOptions {
  /** A file name or label that messages start with. */
  source?: string;
}

export type LspciImport = ImportResult<{
  topology: Topology;
  warnings: ImportWarning[];
  /** The kernel's group of each function that showed an `IOMMU group` line. */
  kernelGroups: Map<Bdf, number>;
  gaps: InputGap[];
}>;

interface Node extends ListedFunction {
  parts: BdfParts;
  device: DeviceLine;
  lastLine: number;
}

export function parseLspci(text: string, options: LspciImportOptions = {}): LspciImport {
  const { source } = options;
  const input = readInputLines(text, 'the text lspci -vvv prints', source);
  if (!input.ok) return input;
  const { lines } = input;
  const split = splitDeviceBlocks(lines);
  if (split.blocks.length === 0) return importError(source, 1, noDeviceLineMessage(lines));

  const log = new WarningLog(source);
  if (split.preamble.length > 0) {
    const first = split.preamble[0]! + 1;
    const last = split.preamble[split.preamble.length - 1]! + 1;
    const which = first === last ? `this line comes` : `lines ${first}-${last} come`;
    log.add(first, `${which} before the first device line and ${first === last ? 'was' : 'were'} ignored.`);
  }

  const read = readNodes(lines, split.blocks, log);
  if ('error' in read) return importError(source, read.line, read.error);
  const { nodes, lineOfBdf } = read;

  const gaps = new Set<InputGap>();
  const byBdf = new Map(nodes.map((n) => [n.fn.bdf, n]));
  if (recogniseVfs(nodes, byBdf, log)) gaps.add('vf-numbers');

  const verbose = nodes.some((n) => n.fields.bus || n.fields.hasStatus || n.fields.hasFlags || n.fields.hasCapabilities);
  if (verbose) {
    placeOnBusTree(nodes, log);
    if (nodes.some((n) => n.fn.headerType !== 'normal' && !n.fields.bus)) gaps.add('bus-tree');
  } else {
    gaps.add('bus-tree').add('capabilities');
    log.add(null, `this listing has no Bus:, Flags: or Capabilities: lines (lspci without -v, such as lspci -nnk): the bus tree, PCIe port types and ACS are unknown, so every function is placed on a root bus and groups cannot be computed from it; import the kernel's group listing instead (kernel-semantics A.10).`);
  }
  for (const n of nodes) {
    // A VF names its PF's parent: virtual buses are skipped by the kernel's walks (types.ts).
    if (n.fn.physfn !== undefined) n.fn.parent = byBdf.get(n.fn.physfn)!.fn.parent;
  }
  const functions = nodes.map((n) => n.fn);
  if (setMultifunction(functions, lineOfBdf, log)) gaps.add('multifunction-bit');
  if (functions.some((f) => f.acs?.ctrlAssumed)) gaps.add('acs-control');
  if (warnAccessDenied(nodes, log)) gaps.add('capabilities');
  if (warnMissingIds(nodes, log)) gaps.add('vendor-ids');
  warnUnknownClassNames(nodes, log);
  const kernelGroups = applyOwnGroupLines(nodes, log);
  checkLastBlock(
    nodes.map((n) => ({ bdf: n.fn.bdf, headerLine: n.headerLine, lastLine: n.lastLine, hasIds: n.device.vendor !== null, isBridge: n.fn.headerType !== 'normal', fields: n.fields })),
    log,
  );

  functions.sort((a, b) => (a.bdf < b.bdf ? -1 : a.bdf > b.bdf ? 1 : 0));
  const topology: Topology = { functions };
  // Probe orders recovered from the kernel's numbering, so computed group numbers can match it.
  const rootBusOrder = verbose && kernelGroups.size > 0 ? rootBusOrderFromGroups(functions) : undefined;
  if (rootBusOrder) topology.rootBusOrder = rootBusOrder;
  const sriovEnableOrder = sriovEnableOrderFromGroups(functions);
  if (sriovEnableOrder) topology.sriovEnableOrder = sriovEnableOrder;
  return { ok: true, topology, warnings: log.list(), kernelGroups, gaps: [...gaps] };
}

/** One node per device block; an error for a repeated address or when no block is usable. */
function readNodes(lines: readonly string[], blocks: readonly DeviceBlock[], log: WarningLog): { nodes: Node[]; lineOfBdf: Map<Bdf, number> } | { line: number; error: string } {
  const nodes: Node[] = [];
  const lineOfBdf = new Map<Bdf, number>();
  for (const block of blocks) {
    const headerLine = block.start + 1;
    const device = readDeviceLine(lines[block.start]!.trim());
    const address = device.address;
    if (address.kind === 'vmd') {
      log.add(headerLine, vmdMessage(address.text));
      continue;
    }
    if (address.kind === 'bad') {
      log.add(headerLine, `${address.text} is not a PCI address (${address.why}); its block was skipped.`);
      continue;
    }
    const earlier = lineOfBdf.get(address.bdf);
    if (earlier !== undefined) {
      return { line: headerLine, error: `${address.bdf} appears twice, at line ${earlier} and at line ${headerLine}; were two listings pasted together?` };
    }
    lineOfBdf.set(address.bdf, headerLine);
    const what = shortBdf(address.bdf);
    const fields = readBlockFields(lines, block.start + 1, block.end, what, log);
    nodes.push({ fn: functionOf(address.bdf, device, fields, what, log), parts: address.parts, fields, device, headerLine, lastLine: lastNonBlank(lines, block.start, block.end) + 1 });
  }
  if (nodes.length === 0) {
    return { line: blocks[0]!.start + 1, error: 'no device line names an address the model covers (every one is in a VMD domain above ffff or has a device number above 1f).' };
  }
  return { nodes, lineOfBdf };
}

function functionOf(bdf: Bdf, device: DeviceLine, fields: BlockFields, what: string, log: WarningLog): PciFunction {
  const pcieType = fields.pcieType?.value ?? null;
  const fn: PciFunction = {
    bdf,
    vendor: device.vendor,
    device: device.device,
    classCode: device.classCode,
    name: device.name,
    pcieType,
    headerType: headerTypeOf(fields.bus !== undefined, device.classCode, pcieType),
    multifunction: false, // set once all functions of the slot are known
    acs: acsCapabilityOf(fields, what, log),
    translated: true,
    parent: null, // set from the bus tree
    driver: fields.driver ?? null,
    modules: fields.modules,
  };
  if (fields.subsystem !== undefined) fn.subsystem = fields.subsystem;
  if (fields.slot !== undefined) fn.slot = fields.slot;
  if (fields.iommuGroup !== undefined) fn.kernelGroup = fields.iommuGroup.value;
  return fn;
}

function lastNonBlank(lines: readonly string[], start: number, end: number): number {
  for (let i = end - 1; i > start; i--) if (lines[i]!.trim() !== '') return i;
  return start;
}
