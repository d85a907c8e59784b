// The model checker's way through the kernel: applyParsed with `verdict` detail answers every
// command as apply() does (ok, errno, reason, next state), only without describing invalid commands
// and without the empty name a refused creating command leaves; and a command that changes
// nothing returns the very state it was given.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeGroups } from '../grouping/computeGroups.ts';
import { applyParsed } from './apply.ts';
import { parseCommand } from './commands.ts';
import { createMachine } from './machine.ts';
import { commandLog } from './test-support/commandArbitrary.ts';
import { gpuPair } from './test-support/topologies.ts';
import { POLICY_NAMES, type MachineState } from './types.ts';

const grouping = computeGroups(gpuPair);

describe('applyParsed with verdict detail', () => {
  it('gives the same verdicts and states as full detail on random command logs', () => {
    fc.assert(
      fc.property(fc.constantFrom(...POLICY_NAMES), commandLog({ bdfs: ['0000:01:00.0', '0000:01:00.1'], drivers: ['vfio-pci', 'pci-stub', 'nouveau', 'snd_hda_intel'], type1: true }, 25), (policy, raws) => {
        let s: MachineState = createMachine(gpuPair, grouping, { policy });
        for (const raw of raws) {
          const parsed = parseCommand(s.static, raw);
          if (!parsed.ok) continue;
          const full = applyParsed(s, parsed.command);
          const verdict = applyParsed(s, parsed.command, undefined, 'verdict');
          expect(verdict.ok).toBe(full.ok);
          if (!full.ok && !verdict.ok) {
            expect([verdict.error.errno, verdict.error.reason]).toEqual([full.error.errno, full.error.reason]);
            expect(verdict.state).toBe(s);
          } else if (full.ok && verdict.ok) {
            expect(verdict.state).toEqual(full.state);
          }
          s = full.state;
        }
      }),
      { numRuns: 150 },
    );
  });

  it('says an invalid command is invalid without describing it; full detail names the argument', () => {
    const s = createMachine(gpuPair, grouping, { policy: 'upstream' });
    const close = { op: 'device.close', device: 'd9' } as const;
    const full = applyParsed(s, close);
    expect(!full.ok && full.error.message).toBe('device.close: argument "device": no object was ever named "d9"');
    const verdict = applyParsed(s, close, undefined, 'verdict');
    expect(!verdict.ok && verdict.error.reason).toBe('invalid-command');
  });

  it('a command that changes nothing returns the state it was given', () => {
    const s = createMachine(gpuPair, grouping, { policy: 'upstream' });
    const r = applyParsed(s, { op: 'driver.override', bdf: '0000:01:00.0', driver: null });
    expect(r.ok && r.state).toBe(s);
  });
});
