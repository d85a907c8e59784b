// Where the page starts: a share link, then a scenario named in the address, then the saved
// session, then the first built-in scenario; a bad link or name says so and falls through to the
// saved work, and the address loses the one-time parts so a reload restores the saved session.
import { describe, expect, it } from 'vitest';
import { encodeShareLink } from '../../io/export/shareLink.ts';
import { gpuUpstream } from '../../io/export/testing/goldenScenarios.ts';
import type { SavedSessionLoad } from '../../persist/savedSession.ts';
import { sriovNic } from '../../scenarios/index.ts';
import { startup, type StartupInput } from './startup.ts';

const restored: SavedSessionLoad = {
  kind: 'restored',
  session: { scenario: sriovNic, policy: 'legacy', actions: [{ label: 'console', commands: [{ op: 'container.open', as: 'c1' }] }], savedAt: '2026-01-01T00:00:00.000Z' },
};

const input = (over: Partial<StartupInput>): StartupInput => ({ search: '', hash: '', prefersReducedMotion: false, saved: { kind: 'none' }, ...over });

describe('what the page starts with', () => {
  it('reads the scenario, the policy and the animation switch from the address, and drops the first two from it', async () => {
    const s = await startup(input({ search: '?scenario=sriov-nic&policy=rfc-v2&animations=off', saved: restored }));
    expect([s.from, s.scenario.id, s.options.policy, s.options.settings?.animations, s.actions, s.search]).toEqual(['address', 'sriov-nic', 'rfc-v2', false, [], '?animations=off']);
    expect(s.messages).toEqual([]);
  });

  it('without an address or a saved session: the first scenario; reduced motion turns animations off', async () => {
    const s = await startup(input({ prefersReducedMotion: true }));
    expect([s.from, s.scenario.id, s.options.policy, s.options.settings?.animations]).toEqual(['built-in', 'gpu-audio-nvme', undefined, false]);
    expect((await startup(input({}))).options.settings?.animations).toBe(true);
  });

  it('restores the saved session with its policy and actions', async () => {
    const s = await startup(input({ saved: restored }));
    expect([s.from, s.scenario.id, s.options.policy, s.actions]).toEqual(['saved-session', 'sriov-nic', 'legacy', restored.kind === 'restored' ? restored.session.actions : []]);
  });

  it('a share link comes first, with its own policy and commands', async () => {
    const hash = await encodeShareLink(gpuUpstream);
    const s = await startup(input({ hash, search: '?scenario=sriov-nic', saved: restored }));
    expect([s.from, s.scenario.id, s.scenario.name, s.scenario.policy, s.scenario.commands]).toEqual(['link', 'shared', gpuUpstream.name, 'upstream', gpuUpstream.commands]);
    expect(s.search).toBe('');
  });

  it('a cut link says what is wrong and opens the saved work instead', async () => {
    const hash = await encodeShareLink(gpuUpstream);
    const s = await startup(input({ hash: hash.slice(0, -12), saved: restored }));
    expect(s.from).toBe('saved-session');
    expect(s.messages).toEqual([{ topic: 'link', text: 'This share link cannot be opened: its text was changed or cut (the compressed scenario is damaged). The explorer opened your saved work instead.' }]);
  });

  it('an unknown scenario name says so; without saved work the first scenario opens', async () => {
    const s = await startup(input({ search: '?scenario=nope&policy=mainline' }));
    expect([s.from, s.scenario.id, s.options.policy]).toEqual(['built-in', 'gpu-audio-nvme', undefined]);
    expect(s.messages).toEqual([{ topic: 'address', text: 'The address asks for the scenario "nope", which this app does not have. The explorer opened the first built-in scenario instead.' }]);
  });

  it('a real-kernel scenario in the address opens with its lspci text loaded', async () => {
    const s = await startup(input({ search: '?scenario=real-c-x3130-switch', saved: restored }));
    expect([s.from, s.scenario.id, s.scenario.topology.functions.length > 0]).toEqual(['address', 'real-c-x3130-switch', true]);
  });

  it('passes on the message about a saved session that was set aside', async () => {
    const s = await startup(input({ saved: { kind: 'set-aside', key: 'k', message: 'The saved session could not be read (x).' } }));
    expect(s.from).toBe('built-in');
    expect(s.messages).toEqual([{ topic: 'saved-session', text: 'The saved session could not be read (x).' }]);
  });
});
