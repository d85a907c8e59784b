// The kernel simulator (spec model.md §3-6): a machine built from a topology and its groups,
// commands applied under one of three policies, derived facts, invariants, replay, a test driver.
export { createMachine } from './machine.ts';
export { apply, applyParsed, POLICIES, type ApplyError, type ApplyResult, type ParsedResult, type RefusalReason } from './apply.ts';
export { OPS, parseCommand, type Command, type CommandOf, type Op } from './commands.ts';
export type { MachineEvent } from './events.ts';
export type { CommandResult, KernelError, StatusFlags } from './outcome.ts';
export type { Policy } from './policy.ts';
export {
  accessibleDevices,
  accessibleFunctions,
  blockDmaViability,
  describeNonViable,
  formatDomain,
  formatOwner,
  groupDomain,
  groupOwner,
  kernelDmaUsers,
  legacyViability,
  ownershipViability,
  viability,
  type Culprit,
  type OwnerFact,
  type Viability,
} from './facts.ts';
export { checkInvariants, INVARIANT_IDS, INVARIANT_NAMES, type InvariantCheck, type InvariantId } from './invariants.ts';
export { replay, type ReplayGroup, type ReplayInvariant, type ReplayOutcome, type ReplayReport, type ReplayStep } from './replay.ts';
export { sim, type GroupExpectation, type Sim, type SimOptions, type SimStep } from './sim.ts';
export { driverOf, groupIdOf, groupState, membersOf, overrideOf } from './state.ts';
export { isDriverManagedDma, isVfioDriver, usesDmaApi } from './drivers.ts';
export * from './types.ts';
