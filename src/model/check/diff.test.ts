// The design diff: each kind of difference comes with a shortest sequence whose commands both
// policies answer alike except the last, which they answer as the kind says.
import { describe, expect, it } from 'vitest';
import { applyParsed } from '../kernel/apply.ts';
import { createMachine } from '../kernel/machine.ts';
import type { PolicyName } from '../kernel/types.ts';
import { diffSteps, outcomeOf, type DiffReport } from './diff.ts';
import { runToEnd } from './run.ts';
import { tinyWorld } from './testing/worlds.ts';

const input = tinyWorld();
const diff = (a: PolicyName, b: PolicyName): DiffReport => runToEnd(diffSteps({ ...input, policies: [a, b] }));

/** The outcome of every command of a sequence under one policy. */
function outcomes(policy: PolicyName, sequence: DiffReport['differences'][number]['sequence']): string[] {
  let s = createMachine(input.topology, input.grouping, { policy });
  return sequence.map((c) => {
    const r = applyParsed(s, c);
    const o = outcomeOf(s, r);
    s = r.state;
    return o;
  });
}

describe('the design diff on a tiny world', () => {
  const legacyUpstream = diff('legacy', 'upstream');

  it('finds the ownership rules: SET_CONTAINER on a group with snd_hda_intel bound', () => {
    expect(legacyUpstream.complete).toBe(true);
    const claim = legacyUpstream.differences.find((d) => d.kind === 'group.setContainer: legacy ok, upstream EPERM')!;
    expect(claim.sequence.map((c) => c.op)).toEqual(['container.open', 'group.open', 'group.setContainer']);
    expect(claim.messages[1]).toMatch(/^iommu_group_claim_dma_owner\(\) refuses: group \d+ is not viable: 0000:01:00.1 is bound to snd_hda_intel/);
    const bug = legacyUpstream.differences.find((d) => d.outcomes[0] === 'BUG')!;
    expect(bug.kind).toMatch(/^driver\.(bind|probe): legacy BUG, upstream E/);
  });

  it('every sequence is answered alike up to its last command, which the two answer as its kind says', () => {
    for (const d of legacyUpstream.differences) {
      const a = outcomes('legacy', d.sequence);
      const b = outcomes('upstream', d.sequence);
      expect(a.slice(0, -1)).toEqual(b.slice(0, -1));
      expect([a.at(-1), b.at(-1)]).toEqual(d.outcomes);
    }
  });

  it('lists kinds shortest first, and finds none between a policy and itself', () => {
    const lengths = legacyUpstream.differences.map((d) => d.sequence.length);
    expect(lengths).toEqual([...lengths].sort((x, y) => x - y));
    expect(diff('rfc-v2', 'rfc-v2').differences).toEqual([]);
  });
});
