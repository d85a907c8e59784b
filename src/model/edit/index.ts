// Public API of what-if editing (issue 8): edits as data, their application, and what they changed.
export { describeEdit, TEMPLATE_LABELS, type ScenarioEdit, type DeviceTemplate, type TemplateOptions } from './edits.ts';
export { applyEdit, type EditResult, type EditSubject } from './applyEdit.ts';
export { diffGroupings, type GroupChange, type GroupChangeKind, type GroupRef } from './groupDiff.ts';
export { overrideWarnings } from './overrideWords.ts';
export { TEMPLATE_LIMITS } from './templates.ts';
