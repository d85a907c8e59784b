// The plain-text picture for a mailing-list post: what the scenario is, the PCI tree with groups,
// drivers and viability, and each group's domain at the end of the command log.
import { INVARIANT_NAMES } from '../../model/kernel/invariants.ts';
import { domainPictureLines } from './domainPicture.ts';
import { fdNumbers } from './fileDescriptors.ts';
import { mailSafe, paragraph, titleLines } from './plainText.ts';
import type { ExportScenario, ScenarioRun } from './runScenario.ts';
import { functionFacts, topologyTreeLines } from './topologyTree.ts';

type OkRun = Extract<ScenarioRun, { ok: true }>;

function settingsText(scenario: ExportScenario): string {
  const { acsOverride, strictSwitch } = scenario.settings;
  const parts = [`${scenario.settings.policy} design`];
  if (acsOverride.length > 0) parts.push(`pcie_acs_override=${acsOverride.join(',')}`);
  if (strictSwitch) parts.push('strict switch grouping');
  parts.push(scenario.groupsFrom === 'kernel-listing' ? "groups as the kernel listed them" : 'groups computed as Linux forms them');
  return parts.join(', ');
}

function outcomeText(run: OkRun): string {
  const steps = run.steps.length;
  const refused = run.steps.filter((s) => !s.result.ok).length;
  const broken = run.report.invariants.filter((i) => !i.holds);
  const log = steps === 0 ? 'no commands run' : `after ${steps} command${steps === 1 ? '' : 's'} (${refused} refused)`;
  const invariants = broken.length === 0
    ? 'invariants I1-I5 hold'
    : broken.map((i) => `${i.id} (${INVARIANT_NAMES[i.id]}) broken at step ${i.step}`).join(', ');
  const panic = run.report.panic ? '; the machine panicked (kernel BUG)' : '';
  return `${log}: ${invariants}${panic}.`;
}

export function asciiPicture(scenario: ExportScenario, run: OkRun): string {
  const functions = scenario.topology.functions;
  const groups = scenario.grouping.groups.length;
  const lines = [
    ...titleLines('', scenario.name),
    ...paragraph(`${functions.length} PCI functions in ${groups} IOMMU groups; ${settingsText(scenario)}; ${outcomeText(run)}`, '', ''),
    '',
    'PCI tree (lspci -t style): address, IOMMU group gN, bound driver',
    '(! = keeps its group from being viable), name',
    '',
    ...topologyTreeLines({ functions, facts: functionFacts(run.final) }),
    '',
    'IOMMU domains at the end ([n] = legend below each diagram)',
    '',
    ...domainPictureLines(run.final, fdNumbers(run.steps)),
  ];
  return mailSafe(lines);
}
