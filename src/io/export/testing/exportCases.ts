// Test support: every machine the exports are checked on (the built-in scenarios, the oracle
// fixtures, the published real machines whose groups are known) as export scenarios, and the
// rules every mail text must keep.
import { computeGroups } from '../../../model/grouping/computeGroups.ts';
import { normalizeBdf } from '../../../model/topology/bdf.ts';
import { BUILT_IN_SCENARIOS } from '../../../scenarios/index.ts';
import { oracleFixtures, realMachines } from '../../../testing/fixtures.ts';
import { MAIL_WIDTH } from '../plainText.ts';
import type { ExportScenario } from '../runScenario.ts';
import { lspciScenario } from './lspciScenario.ts';
import { loadRealKernelTexts } from '../../../scenarios/oracle/realKernel.ts';

// The real-kernel scenarios' lspci texts are a chunk the app loads when one is opened.
await loadRealKernelTexts();

export function builtInCases(): { name: string; scenario: ExportScenario }[] {
  return BUILT_IN_SCENARIOS.map((s) => ({
    name: `built-in ${s.id}`,
    scenario: {
      name: s.name,
      topology: s.topology,
      grouping: s.givenGrouping ?? computeGroups(s.topology, s.groupingSettings),
      groupsFrom: s.givenGrouping ? 'kernel-listing' : 'computed',
      settings: { policy: s.policy ?? 'upstream', acsOverride: s.groupingSettings.acsOverride, strictSwitch: s.groupingSettings.strictSwitch },
      commands: [...(s.commands ?? [])],
    },
  }));
}

export function fixtureCases(): { name: string; scenario: ExportScenario }[] {
  return oracleFixtures().map((f) => ({ name: `oracle ${f.name}`, scenario: lspciScenario(f.name, f.lspci) }));
}

/** Real machines whose groups are known: computed from the text, or the kernel's listing beside it. */
export function realCases(): { name: string; scenario: ExportScenario }[] {
  return realMachines()
    .map((m) => ({ name: `real ${m.name}`, scenario: lspciScenario(m.name, m.files['lspci.txt']!, m.files['groups.txt']) }))
    .filter((c) => c.scenario.grouping.groups.length > 0);
}

/** What a mail text must not do, one sentence per broken rule (empty: fine to post). */
export function mailProblems(text: string): string[] {
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    const at = `line ${i + 1}`;
    if (line.length > MAIL_WIDTH) problems.push(`${at} is ${line.length} columns`);
    if (/[^\x20-\x7e]/.test(line)) problems.push(`${at} has a character outside printable 7-bit ASCII`);
    if (line !== line.trimEnd()) problems.push(`${at} ends in spaces`);
    if (line.startsWith('>') || line.startsWith('From ')) problems.push(`${at} starts like a quote or an mbox separator`);
  });
  return problems;
}

const ADDRESS = '(?:[0-9a-f]{4}:)?[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]';

/** Addresses of `bdfs` the text names neither by themselves nor inside a collapsed range "a-b". */
export function addressesMissing(text: string, bdfs: readonly string[]): string[] {
  const ranges = [...text.matchAll(new RegExp(`(${ADDRESS})-(${ADDRESS})`, 'g'))].map((m) => [normalizeBdf(m[1]!), normalizeBdf(m[2]!)] as const);
  const named = new Set([...text.matchAll(new RegExp(ADDRESS, 'g'))].map((m) => normalizeBdf(m[0])));
  return bdfs.filter((b) => !named.has(b) && !ranges.some(([lo, hi]) => lo <= b && b <= hi));
}

/** Group ids the tree names neither as "gN" nor inside a range "gA-B". */
export function groupsMissing(text: string, ids: readonly number[]): number[] {
  const shown = new Set<number>();
  for (const m of text.matchAll(/\bg(\d+)(?:-(\d+))?\b/g)) {
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    for (let g = lo; g <= hi; g++) shown.add(g);
  }
  return ids.filter((g) => !shown.has(g));
}

/** What "the same state" means after a round trip through a file or a link: everything the model runs on. */
export function modelInputs(s: ExportScenario) {
  return {
    name: s.name,
    functions: s.topology.functions,
    rootBusOrder: s.topology.rootBusOrder,
    sriovEnableOrder: s.topology.sriovEnableOrder,
    groups: s.grouping.groups,
    groupOf: [...s.grouping.groupOf],
    ungrouped: s.grouping.ungrouped,
    groupsFrom: s.groupsFrom,
    settings: s.settings,
    commands: s.commands,
  };
}
