// A real-kernel scenario named in the address whose lspci text cannot be loaded (its chunk failed
// to download): the start says so and opens what it would open without the name.
import { describe, expect, it, vi } from 'vitest';
import { sriovNic } from '../../scenarios/index.ts';
import { startup } from './startup.ts';

vi.mock('../../scenarios/oracle/realKernelTexts.ts', () => {
  throw new Error('Failed to fetch dynamically imported module: realKernelTexts.js');
});

describe('a real-kernel scenario whose text cannot be loaded', () => {
  it('says so and opens the saved work', async () => {
    const saved = { kind: 'restored' as const, session: { scenario: sriovNic, policy: 'legacy' as const, actions: [], savedAt: '2026-01-01T00:00:00.000Z' } };
    const s = await startup({ search: '?scenario=real-c-x3130-switch', hash: '', prefersReducedMotion: false, saved });
    expect([s.from, s.scenario.id]).toEqual(['saved-session', 'sriov-nic']);
    expect(s.messages).toEqual([
      {
        topic: 'address',
        text: expect.stringMatching(/^The scenario "real-c-x3130-switch" the address asks for could not be loaded \(.+\)\. The explorer opened your saved work instead; reload the page to try again\.$/),
      },
    ]);
  });
});
