import { describe, expect, it } from 'vitest';
import { gpuAudioNvme } from '../scenarios/gpuAudioNvme.ts';
import { createExplorerStore } from './explorerStore.ts';
import { membershipOf, ungroupedWhy } from './membership.ts';

describe('membershipOf', () => {
  const { grouping } = createExplorerStore(gpuAudioNvme).getState();

  it("gives a joined member the model's reason and names the member it joined through", () => {
    const m = membershipOf(grouping, '0000:01:00.1', false)!;
    expect(m.via).toBe('0000:01:00.0');
    expect(m.why).toMatch(/^In group \d+ because it is .+\.$/);
    const reason = grouping.groups.find((g) => g.id === m.group)!.reasons.find((r) => r.device === '0000:01:00.1')!;
    expect(m.why).toContain(reason.text);
  });

  it('says why the first member holds the group', () => {
    const m = membershipOf(grouping, '0000:01:00.0', false)!;
    expect(m.first).toBe('0000:01:00.0');
    expect(m.via).toBeNull();
    expect(m.why).toContain('allocated group');
  });

  it('says a singleton allocated its own group, and a listed group came from the kernel', () => {
    expect(membershipOf(grouping, '0000:02:00.0', false)!.why).toMatch(/^Alone in group/);
    expect(membershipOf(grouping, '0000:02:00.0', true)!.why).toContain("kernel's own listing");
  });

  it('has nothing for an unknown device', () => {
    expect(membershipOf(grouping, '0000:09:00.0', false)).toBeNull();
    expect(ungroupedWhy(grouping, '0000:09:00.0')).toBeNull();
  });
});
