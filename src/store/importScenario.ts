// An imported machine as a scenario the store can load: lspci text (and optionally the kernel's
// group listing) through the model's importer, with what the user must be told about its groups.
// Shared by the import dialog and the built-in "Real kernel" scenarios.
import type { ImportError, ImportWarning } from '../io/importResult.ts';
import { importMachine } from '../io/importMachine.ts';
import { DEFAULT_GROUPING_SETTINGS, type Grouping } from '../model/grouping/types.ts';
import type { Scenario } from './scenario.ts';

export interface MachineText {
  lspci: string;
  /** The kernel's group listing (find /sys/kernel/iommu_groups/ -type l), when given. */
  groupListing?: string;
  /** Where the lspci text came from (a file name), for messages. */
  source?: string;
}

export interface ImportedScenario {
  ok: true;
  scenario: Scenario;
  /** The groups the store will show (computed, or the kernel's when the text cannot decide them). */
  grouping: Grouping;
  warnings: ImportWarning[];
}

export type ScenarioImportResult = ImportedScenario | { ok: false; error: ImportError };

/** The plain sentences about where the groups came from and where they differ from the kernel's. */
function groupFindings(groupsFrom: 'computed' | 'kernel-listing', differences: readonly { text: string }[], kernelGroupCount: number): string[] {
  if (groupsFrom === 'kernel-listing') return ["The text cannot decide the groups, so the kernel's own groups are shown."];
  if (differences.length > 0) return ["The computed groups differ from the kernel's listing:", ...differences.map((d) => d.text)];
  return kernelGroupCount > 0 ? ["The computed groups match the kernel's listing."] : [];
}

export function scenarioFromText(text: MachineText, meta: { id: string; name: string; description: string }): ScenarioImportResult {
  const imported = importMachine(text.lspci, {
    settings: DEFAULT_GROUPING_SETTINGS,
    ...(text.source === undefined ? {} : { source: text.source }),
    ...(text.groupListing?.trim() ? { groupListing: { text: text.groupListing, source: 'group listing' } } : {}),
  });
  if (!imported.ok) return imported;
  const findings = groupFindings(imported.groupsFrom, imported.differences, imported.kernelGroups.size);
  const scenario: Scenario = {
    ...meta,
    topology: imported.topology,
    groupingSettings: DEFAULT_GROUPING_SETTINGS,
    // Groups the text could not decide are the kernel's; computed ones are recomputed by the store.
    ...(imported.groupsFrom === 'kernel-listing' ? { givenGrouping: imported.grouping } : {}),
    ...(findings.length > 0 ? { findings } : {}),
  };
  return { ok: true, scenario, grouping: imported.grouping, warnings: imported.warnings };
}
