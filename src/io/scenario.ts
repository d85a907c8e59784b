// Scenario files (spec scenario-format.md): a topology, settings and a command log, read into the
// model's inputs. The topology is an lspci file (a path relative to the scenario), lspci text, or
// the app's structured form. Groups are computed with the scenario's settings, except where the text
// cannot decide them and carries the kernel's own listing (kernel-semantics A.10); a structured
// topology marked `"groupsFrom": "kernel-listing"` keeps such groups in its functions' kernelGroup
// (the form the app's own export writes for them). The commands
// are passed on as plain data: the kernel model checks each one and names the step at fault.
// A file of an older layout version is migrated first (versioned.ts); a newer one is refused.
import { z } from 'zod';
import { checkSettingsSchema, type CheckSettings } from '../model/check/settings.ts';
import { computeGroups } from '../model/grouping/computeGroups.ts';
import { groupingFromKernelListing } from '../model/grouping/fromKernelListing.ts';
import type { Grouping } from '../model/grouping/types.ts';
import { POLICY_NAMES, type PolicyName } from '../model/kernel/types.ts';
import { normalizeBdf } from '../model/topology/bdf.ts';
import type { Topology } from '../model/topology/types.ts';
import { importError, type ImportResult, type ImportWarning } from './importResult.ts';
import { importMachine } from './importMachine.ts';
import { SCENARIO_VERSION } from './export/scenarioJson.ts';
import { upgrade, type Migration, type VersionedKind } from './versioned.ts';

export interface ScenarioSettings {
  policy: PolicyName;
  acsOverride: string[];
  strictSwitch: boolean;
}

export interface Scenario {
  name: string;
  topology: Topology;
  grouping: Grouping;
  /** Whether the groups were computed or taken from the kernel's listing in the input. */
  groupsFrom: 'computed' | 'kernel-listing';
  settings: ScenarioSettings;
  commands: unknown[];
  /** Bounds of the model checker's world ("check" object; defaults where absent). */
  check: CheckSettings;
  warnings: ImportWarning[];
}

export type ScenarioImport = ImportResult<{ scenario: Scenario }>;

export interface ScenarioReadOptions {
  /** The scenario's file name: messages start with it and `lspci` paths are relative to it. */
  source?: string;
  /** Reads a file named by the scenario; without it only inline topologies can be read. */
  readFile?: (path: string) => string;
}

const bits = z.object({ sv: z.boolean(), tb: z.boolean(), rr: z.boolean(), cr: z.boolean(), uf: z.boolean(), ec: z.boolean(), dt: z.boolean() });
const bdf = z.string().transform((text, ctx) => {
  try {
    return normalizeBdf(text);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message });
    return z.NEVER;
  }
});

/** The app's structured topology (model/topology/types.ts PciFunction, Topology). */
const functionSchema = z.object({
  bdf,
  vendor: z.number().int().nullable().default(null),
  device: z.number().int().nullable().default(null),
  subsystem: z.object({ vendor: z.number().int(), device: z.number().int() }).optional(),
  classCode: z.number().int().nullable().default(null),
  name: z.string().default(''),
  pcieType: z.enum(['endpoint', 'legacy-endpoint', 'rc-endpoint', 'rc-event-collector', 'root-port', 'switch-upstream', 'switch-downstream', 'pcie-to-pci-bridge', 'pci-to-pcie-bridge']).nullable(),
  headerType: z.enum(['normal', 'bridge', 'cardbus']),
  multifunction: z.boolean(),
  acs: z.object({ cap: bits, ctrl: bits, ctrlAssumed: z.boolean().optional() }).nullable().default(null),
  translated: z.boolean().default(true),
  quirks: z.object({
    acs: z.enum(['isolated', 'not-isolated']).optional(),
    dmaAliasDevfns: z.array(z.number().int()).optional(),
    pcieBridgeAlias: z.boolean().optional(),
    bridgeXlateRoot: z.boolean().optional(),
  }).optional(),
  sriov: z.object({ totalVfs: z.number().int(), numVfs: z.number().int(), vfOffset: z.number().int(), vfStride: z.number().int() }).optional(),
  physfn: bdf.optional(),
  parent: bdf.nullable(),
  secondaryBus: z.number().int().optional(),
  subordinateBus: z.number().int().optional(),
  driver: z.string().nullable().default(null),
  modules: z.array(z.string()).default([]),
  slot: z.string().optional(),
  kernelGroup: z.number().int().optional(),
});

/**
 * Steps from older scenario layouts, keyed by the version they read (none yet: version 1, the format
 * of spec scenario-format.md, is the first). A version 2 is its schema below plus `1: (doc) => ...`.
 */
export const SCENARIO_MIGRATIONS: Readonly<Record<number, Migration>> = {};

const SCENARIO_KIND: VersionedKind = { what: 'scenario', current: SCENARIO_VERSION, migrations: SCENARIO_MIGRATIONS };

const scenarioSchema = z.object({
  version: z.literal(SCENARIO_VERSION),
  name: z.string().default(''),
  topology: z.union([
    z.object({ lspci: z.string() }),
    z.object({ lspciText: z.string() }),
    z.object({
      functions: z.array(functionSchema),
      rootBusOrder: z.array(z.string()).optional(),
      sriovEnableOrder: z.array(bdf).optional(),
      // Groups the kernel listed, not computed: each function's kernelGroup (none: in no group).
      groupsFrom: z.enum(['computed', 'kernel-listing']).optional(),
    }),
  ]),
  settings: z.object({
    policy: z.enum(POLICY_NAMES as [PolicyName, ...PolicyName[]]).default('upstream'),
    acsOverride: z.array(z.string()).default([]),
    strictSwitch: z.boolean().default(false),
  }).default({ policy: 'upstream', acsOverride: [], strictSwitch: false }),
  commands: z.array(z.unknown()).default([]),
  check: checkSettingsSchema.default(checkSettingsSchema.parse({})),
});

/**
 * The issue to report. A topology is one of three forms, so zod reports "Invalid input" for the
 * whole union; the form that matched furthest (its issue has the longest path) says what is wrong.
 */
function deepestIssue(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string } {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const branches = issue.errors.map((branch) => deepestIssue(branch[0]!));
  const best = branches.reduce((a, b) => (b.path.length > a.path.length ? b : a));
  return { path: [...issue.path, ...best.path], message: best.message };
}

/** The 1-based line of a character offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/** The line where a JSON key first appears, to point a schema complaint at the text. */
function lineOfKey(text: string, key: string | number | undefined): number | null {
  if (typeof key !== 'string') return null;
  const at = text.indexOf(`"${key}"`);
  return at < 0 ? null : lineOf(text, at);
}

function relativeTo(source: string | undefined, path: string): string {
  if (path.startsWith('/') || source === undefined) return path;
  const slash = source.lastIndexOf('/');
  return slash < 0 ? path : `${source.slice(0, slash + 1)}${path}`;
}

type TopologyInput = z.infer<typeof scenarioSchema>['topology'];

function readTopology(input: TopologyInput, settings: ScenarioSettings, text: string, options: ScenarioReadOptions): ImportResult<{ topology: Topology; grouping: Grouping; groupsFrom: Scenario['groupsFrom']; warnings: ImportWarning[] }> {
  const { source } = options;
  const groupingSettings = { acsOverride: settings.acsOverride, strictSwitch: settings.strictSwitch };
  if ('functions' in input) {
    const topology: Topology = { functions: input.functions, ...(input.rootBusOrder ? { rootBusOrder: input.rootBusOrder } : {}), ...(input.sriovEnableOrder ? { sriovEnableOrder: input.sriovEnableOrder } : {}) };
    // The model refuses a topology that cannot be a PCI tree (a function twice, a parent that is
    // not there, a loop) by throwing; from a file that is bad input, said with the field at fault.
    try {
      if (input.groupsFrom === 'kernel-listing') {
        const listing = new Map(input.functions.flatMap((f) => (f.kernelGroup === undefined ? [] : [[f.bdf, f.kernelGroup] as const])));
        return { ok: true, topology, grouping: groupingFromKernelListing(topology, listing), groupsFrom: 'kernel-listing', warnings: [] };
      }
      return { ok: true, topology, grouping: computeGroups(topology, groupingSettings), groupsFrom: 'computed', warnings: [] };
    } catch (e) {
      return importError(source, lineOfKey(text, 'functions'), `topology.functions: ${(e as Error).message}`);
    }
  }
  let lspciText: string;
  let lspciSource: string | undefined;
  if ('lspci' in input) {
    lspciSource = relativeTo(source, input.lspci);
    if (!options.readFile) return importError(source, lineOfKey(text, 'lspci'), `the topology names the file ${input.lspci}, which cannot be read here; give the text as "lspciText"`);
    try {
      lspciText = options.readFile(lspciSource);
    } catch (e) {
      return importError(source, lineOfKey(text, 'lspci'), `cannot read the lspci file ${lspciSource}: ${(e as Error).message}`);
    }
  } else {
    lspciText = input.lspciText;
    lspciSource = source === undefined ? undefined : `${source} (lspciText)`;
  }
  const machine = importMachine(lspciText, { settings: groupingSettings, ...(lspciSource === undefined ? {} : { source: lspciSource }) });
  if (!machine.ok) return machine;
  return { ok: true, topology: machine.topology, grouping: machine.grouping, groupsFrom: machine.groupsFrom, warnings: machine.warnings };
}

export function readScenario(text: string, options: ScenarioReadOptions = {}): ScenarioImport {
  const { source } = options;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    return importError(source, at ? lineOf(text, Number(at[1])) : null, `not valid JSON: ${message}`);
  }
  return checkScenario(json, text, options);
}

/**
 * A scenario already parsed from JSON (a share link's payload): checked exactly as a file is;
 * messages name no line, since there is no text.
 */
export function readScenarioValue(json: unknown, options: ScenarioReadOptions = {}): ScenarioImport {
  return checkScenario(json, '', options);
}

function checkScenario(json: unknown, text: string, options: ScenarioReadOptions): ScenarioImport {
  const { source } = options;
  const upgraded = upgrade(json, SCENARIO_KIND);
  if (!upgraded.ok) return importError(source, lineOfKey(text, 'version') ?? (text === '' ? null : 1), upgraded.message);
  const checked = scenarioSchema.safeParse(upgraded.doc);
  if (!checked.success) {
    const issue = deepestIssue(checked.error.issues[0]!);
    const where = issue.path.join('.') || 'the scenario';
    const key = [...issue.path].reverse().find((p) => typeof p === 'string');
    return importError(source, lineOfKey(text, key as string | undefined), `${where}: ${issue.message}`);
  }
  const { name, settings, commands, check } = checked.data;
  const topology = readTopology(checked.data.topology, settings, text, options);
  if (!topology.ok) return topology;
  return {
    ok: true,
    scenario: { name, topology: topology.topology, grouping: topology.grouping, groupsFrom: topology.groupsFrom, settings, commands, check, warnings: topology.warnings },
  };
}
