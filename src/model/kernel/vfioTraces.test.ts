// The real Linux 6.1 kernel's VFIO traces (oracle b, d, g, i, l, v, w) replayed under `upstream`:
// every step must end as the kernel's did (same errno or success, same GET_STATUS flags, same driver).
import { describe, expect, it } from 'vitest';
import { loadOracleFixture } from '../../testing/fixtures.ts';
import { apply } from './apply.ts';
import { createMachine } from './machine.ts';
import { driverOf } from './state.ts';
import { oracleMachineInput } from './test-support/oracleMachine.ts';
import { traceActions, type VfioTraceJson } from './test-support/vfioTrace.ts';
import type { MachineState } from './types.ts';

const TRACED = ['b-multifunction', 'd-pci-bridges', 'g-switch-under-noacs-rootport', 'i-nested-pci-bridges', 'l-eight-function-endpoints', 'v-vfio-binding-rules', 'w-vfio-lifetimes'];

/** Replays a trace and lists every step whose outcome differs from the kernel's. */
function replayTrace(name: string): { mismatches: string[]; steps: number } {
  const input = oracleMachineInput(name);
  let s: MachineState = createMachine(input.topology, input.grouping, { policy: 'upstream', probeRefusals: input.probeRefusals });
  const trace = loadOracleFixture(name).vfioTrace as VfioTraceJson;
  const mismatches: string[] = [];
  let steps = 0;
  for (const action of traceActions(trace)) {
    if (action.kind === 'noModelEffect') continue;
    steps += 1;
    if (action.kind === 'driver') {
      const got = driverOf(s, action.bdf);
      if (got !== action.driver) mismatches.push(`${action.where}: ${action.bdf} is on ${got ?? 'no driver'}, the kernel had ${action.driver ?? 'no driver'}`);
      continue;
    }
    const r = apply(s, action.command);
    const want = action.expect;
    s = r.state;
    if (!r.ok && r.error.reason !== 'kernel') {
      mismatches.push(`${action.where}: not run: ${r.error.message}`);
    } else if (want.kind === 'errno' && (r.ok || r.error.errno !== want.errno)) {
      mismatches.push(`${action.where}: kernel ${want.errno}, model ${r.ok ? 'success' : `${r.error.errno} (${r.error.message})`}`);
    } else if (want.kind === 'ok' && !r.ok) {
      mismatches.push(`${action.where}: kernel success, model ${r.error.errno} (${r.error.message})`);
    } else if (want.kind === 'ok' && want.flags && r.ok && JSON.stringify(r.result?.flags) !== JSON.stringify(want.flags)) {
      mismatches.push(`${action.where}: kernel flags ${JSON.stringify(want.flags)}, model ${JSON.stringify(r.result?.flags)}`);
    }
  }
  return { mismatches, steps };
}

describe('the real kernel VFIO traces replay under upstream', () => {
  for (const name of TRACED) {
    it(`${name}: every step ends as in Linux 6.1`, () => {
      const { mismatches, steps } = replayTrace(name);
      expect(steps).toBeGreaterThan(40);
      expect(mismatches).toEqual([]);
    });
  }
});
