// The model checker (issue 7): every command sequence of a scenario's bounded world, explored
// breadth-first, with the shortest sequence breaking each invariant, and the design diff between
// two policies. Both searches are generators a caller runs in chunks (a Web Worker: one chunk per
// task, `next(true)` to cancel), or to the end with runToEnd.
export { checkSteps, type CheckReport, type InvariantFinding, type SearchProgress, type StopReason } from './check.ts';
export { diffSteps, outcomeOf, type DiffInput, type DiffReport, type DifferenceKind } from './diff.ts';
export { DEFAULT_CHUNK, type CheckInput, type WorldInput } from './input.ts';
export { runToEnd, type RunControl } from './run.ts';
export { COMMAND_FAMILIES, DEFAULT_CHECK_SETTINGS, checkSettings, checkSettingsSchema, type CheckSettings, type CheckSettingsInput, type CommandFamily } from './settings.ts';
export { WorldError, type World, type WorldGroup } from './world.ts';
