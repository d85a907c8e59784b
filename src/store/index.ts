// The explorer's store: scenario + user actions in, replayed machine and views out.
export * from './explorerStore.ts';
export * from './scenario.ts';
export * from './log.ts';
export * from './driverPlan.ts';
export * from './notices.ts';
export * from './views.ts';
export * from './importScenario.ts';
export * from './membership.ts';
