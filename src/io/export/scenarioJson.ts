// The normalised scenario file (spec scenario-format.md) with the app's structured topology: what
// `export --format json` prints and the app's scenario download saves. `readScenario` reads it back
// to the same topology, groups, settings and commands. Keys come in one fixed order and each
// function and command sits on one line, so two exports of a machine diff line by line.
import type { PciFunction, Topology } from '../../model/topology/types.ts';
import type { ExportScenario } from './runScenario.ts';

export const SCENARIO_VERSION = 1;

/** A function with its keys in the order of the model's type; absent optional facts stay absent. */
export function normalFunction(f: PciFunction, kernelGroup: number | undefined): PciFunction {
  const out: PciFunction = {
    bdf: f.bdf,
    vendor: f.vendor,
    device: f.device,
    ...(f.subsystem ? { subsystem: { vendor: f.subsystem.vendor, device: f.subsystem.device } } : {}),
    classCode: f.classCode,
    name: f.name,
    pcieType: f.pcieType,
    headerType: f.headerType,
    multifunction: f.multifunction,
    acs: f.acs === null ? null : { cap: { ...f.acs.cap }, ctrl: { ...f.acs.ctrl }, ...(f.acs.ctrlAssumed === undefined ? {} : { ctrlAssumed: f.acs.ctrlAssumed }) },
    translated: f.translated,
    ...(f.quirks ? { quirks: { ...f.quirks } } : {}),
    ...(f.sriov ? { sriov: { ...f.sriov } } : {}),
    ...(f.physfn === undefined ? {} : { physfn: f.physfn }),
    parent: f.parent,
    ...(f.secondaryBus === undefined ? {} : { secondaryBus: f.secondaryBus }),
    ...(f.subordinateBus === undefined ? {} : { subordinateBus: f.subordinateBus }),
    driver: f.driver,
    modules: [...f.modules],
    ...(f.slot === undefined ? {} : { slot: f.slot }),
    ...(kernelGroup === undefined ? {} : { kernelGroup }),
  };
  return out;
}

/**
 * The topology's functions as the file holds them. Groups the kernel listed (not computed) travel
 * as each function's `kernelGroup`, taken from the groups themselves, with `groupsFrom` saying so.
 */
export function normalTopology(scenario: ExportScenario): Topology & { groupsFrom?: 'kernel-listing' } {
  const listed = scenario.groupsFrom === 'kernel-listing';
  const { topology, grouping } = scenario;
  return {
    functions: topology.functions.map((f) => normalFunction(f, listed ? grouping.groupOf.get(f.bdf) : f.kernelGroup)),
    ...(topology.rootBusOrder ? { rootBusOrder: [...topology.rootBusOrder] } : {}),
    ...(topology.sriovEnableOrder ? { sriovEnableOrder: [...topology.sriovEnableOrder] } : {}),
    ...(listed ? { groupsFrom: 'kernel-listing' as const } : {}),
  };
}

const line = (value: unknown) => JSON.stringify(value);

function list(items: readonly unknown[], indent: string): string {
  if (items.length === 0) return '[]';
  return `[\n${items.map((x) => `${indent}  ${line(x)}`).join(',\n')}\n${indent}]`;
}

/** The scenario file's text. */
export function scenarioJson(scenario: ExportScenario): string {
  const { functions, ...rest } = normalTopology(scenario);
  const topologyExtra = Object.entries(rest).map(([k, v]) => `,\n    ${line(k)}: ${line(v)}`).join('');
  return [
    '{',
    `  "version": ${SCENARIO_VERSION},`,
    `  "name": ${line(scenario.name)},`,
    `  "topology": {\n    "functions": ${list(functions, '    ')}${topologyExtra}\n  },`,
    `  "settings": ${line({ policy: scenario.settings.policy, acsOverride: scenario.settings.acsOverride, strictSwitch: scenario.settings.strictSwitch })},`,
    `  "commands": ${list(scenario.commands, '  ')}`,
    '}',
    '',
  ].join('\n');
}
