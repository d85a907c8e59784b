// Property tests (model.md §6): random command logs on oracle topologies. Upstream keeps I1-I5;
// rfc-v2 without the legacy type1 path keeps I1-I4; legacy breaks I3 and I5. Which invariants
// legacy and rfc-v2-with-type1 break, and the shortest log found, is printed for the record.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInvariants, INVARIANT_IDS, type InvariantId } from './invariants.ts';
import { apply } from './apply.ts';
import { createMachine } from './machine.ts';
import { commandLog, shortestBreaking, type RawCommand, type World } from './test-support/commandArbitrary.ts';
import { oracleMachineInput } from './test-support/oracleMachine.ts';
import type { MachineState, PolicyName } from './types.ts';

/** Oracle topologies with a multi-device group: its members are the world the logs play in. */
const WORLDS: { name: string; bdfs: string[] }[] = [
  { name: 'b-multifunction', bdfs: ['01:00.0', '01:00.1'] },
  { name: 'g-switch-under-noacs-rootport', bdfs: ['02:01.0', '03:00.0', '04:00.0', '05:00.0'] },
  { name: 'v-vfio-binding-rules', bdfs: ['01:00.0', '02:01.0', '02:02.0', '02:03.0', '02:04.0'] },
];

function machine(name: string, policy: PolicyName): MachineState {
  const input = oracleMachineInput(name);
  return createMachine(input.topology, input.grouping, { policy, probeRefusals: input.probeRefusals });
}

function world(start: MachineState, bdfs: string[], type1: boolean): World {
  const drivers = new Set(['vfio-pci', 'pci-stub', 'pcieport']);
  for (const b of bdfs) for (const d of start.static.drivers.idMatches.get(`0000:${b}`) ?? []) drivers.add(d);
  return { bdfs, drivers: [...drivers], type1 };
}

/** The invariants that hold after every step of the log. */
function holdsThroughout(start: MachineState, log: readonly RawCommand[], ids: readonly InvariantId[]): boolean {
  let s = start;
  for (const c of log) {
    s = apply(s, c).state;
    const checks = checkInvariants(s);
    if (ids.some((id) => !checks.find((x) => x.id === id)!.holds)) return false;
  }
  return true;
}

const RUNS = 1500;

describe('invariants under random command logs', () => {
  for (const { name, bdfs } of WORLDS) {
    it(`upstream keeps I1-I5 on ${name}`, () => {
      const start = machine(name, 'upstream');
      fc.assert(fc.property(commandLog(world(start, bdfs, true), 16), (log) => holdsThroughout(start, log, INVARIANT_IDS)), { numRuns: RUNS });
    });
    it(`rfc-v2 without type1 keeps I1-I4 on ${name}`, () => {
      const start = machine(name, 'rfc-v2');
      fc.assert(fc.property(commandLog(world(start, bdfs, false), 16), (log) => holdsThroughout(start, log, ['I1', 'I2', 'I3', 'I4'])), { numRuns: RUNS });
    });
  }
});

/** Searches for a log breaking each invariant; returns the shortest found per invariant. */
function explore(policy: PolicyName, type1: boolean): Map<InvariantId, { topology: string; log: RawCommand[] }> {
  const found = new Map<InvariantId, { topology: string; log: RawCommand[] }>();
  for (const { name, bdfs } of WORLDS) {
    const start = machine(name, policy);
    for (const id of INVARIANT_IDS) {
      // A fixed seed keeps the printed counterexamples the same from run to run.
      const result = fc.check(fc.property(commandLog(world(start, bdfs, type1), 16), (log) => holdsThroughout(start, log, [id])), { numRuns: RUNS, seed: 2021 });
      if (!result.failed || !result.counterexample) continue;
      const log = shortestBreaking(start, result.counterexample[0], id);
      const best = found.get(id);
      if (!best || log.length < best.log.length) found.set(id, { topology: name, log });
    }
  }
  return found;
}

function report(label: string, found: Map<InvariantId, { topology: string; log: RawCommand[] }>): void {
  const lines = [`${label}: breaks ${[...found.keys()].join(', ') || 'nothing'}`];
  for (const [id, { topology, log }] of found) {
    lines.push(`  ${id} on ${topology}, ${log.length} commands:`);
    for (const c of log) lines.push(`    ${JSON.stringify(c)}`);
  }
  console.info(lines.join('\n'));
}

describe('what legacy and rfc-v2 with type1 break', () => {
  it('legacy breaks I3 (SET_CONTAINER + SET_IOMMU on a non-viable group) and I5 (the notifier BUG_ON)', () => {
    const found = explore('legacy', true);
    report('legacy', found);
    expect(found.has('I3')).toBe(true);
    expect(found.has('I5')).toBe(true);
  });
  it('rfc-v2 without type1 reaches only I5 (block_dma BUG_ON, or vfio\'s own before SET_IOMMU)', () => {
    const found = explore('rfc-v2', false);
    report('rfc-v2 without type1', found);
    expect([...found.keys()]).toEqual(['I5']);
  });
  it('rfc-v2 with the legacy type1 path inherits the I3 break and can reach I5', () => {
    const found = explore('rfc-v2', true);
    report('rfc-v2 with type1', found);
    expect(found.has('I3')).toBe(true);
    expect(found.has('I5')).toBe(true);
  });
});
