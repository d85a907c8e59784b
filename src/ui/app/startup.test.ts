import { describe, expect, it } from 'vitest';
import { startupFrom } from './startup.ts';

describe('what the page starts with', () => {
  it('reads the scenario, the policy and the animation switch from the address', () => {
    const { scenario, options } = startupFrom('?scenario=sriov-nic&policy=rfc-v2&animations=off', false);
    expect([scenario.id, options.policy, options.settings?.animations]).toEqual(['sriov-nic', 'rfc-v2', false]);
  });

  it('falls back to the first scenario and no policy for unknown values; reduced motion turns animations off', () => {
    const { scenario, options } = startupFrom('?scenario=nope&policy=mainline', true);
    expect([scenario.id, options.policy, options.settings?.animations]).toEqual(['gpu-audio-nvme', undefined, false]);
    expect(startupFrom('', false).options.settings?.animations).toBe(true);
  });
});
