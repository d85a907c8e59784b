// What the page starts with. In order of precedence: a share link in the hash (`#v1=...`), a
// built-in scenario named in the address (`?scenario=<id>`, with `?policy=`), the autosaved
// session, the first built-in scenario. A link or a name that cannot be opened is said in a message
// and the next source is used, so a bad link never costs the saved work. `?animations=off` (tests)
// and prefers-reduced-motion turn animations off.
import { POLICY_NAMES, type PolicyName } from '../../model/kernel/types.ts';
import type { SavedSessionLoad } from '../../persist/savedSession.ts';
import { explorerScenario } from '../../persist/scenarioDocument.ts';
import type { SavedAction } from '../../persist/session.ts';
import { BUILT_IN_SCENARIOS, openBuiltInScenario } from '../../scenarios/index.ts';
import type { ExplorerOptions } from '../../store/explorerStore.ts';
import type { Scenario } from '../../store/scenario.ts';

export interface StartupInput {
  search: string;
  hash: string;
  prefersReducedMotion: boolean;
  /** The autosaved session as read from the browser's storage. */
  saved: SavedSessionLoad;
}

export interface StartupMessage {
  /** What it is about, for tests and styling. */
  topic: 'link' | 'address' | 'saved-session';
  text: string;
}

export interface Startup {
  scenario: Scenario;
  options: ExplorerOptions;
  /** Saved actions to perform again after the scenario is loaded. */
  actions: SavedAction[];
  from: 'link' | 'address' | 'saved-session' | 'built-in';
  messages: StartupMessage[];
  /**
   * The address to show once started, without the parts that opened something once (the link,
   * ?scenario=, ?policy=): a reload then brings back the autosaved work, not the link's start.
   */
  search: string;
}

const LINK = /^#?v\d+=/;

function policyOf(asked: string | null): PolicyName | undefined {
  return POLICY_NAMES.find((p): p is PolicyName => p === asked);
}

export async function startup(input: StartupInput): Promise<Startup> {
  const params = new URLSearchParams(input.search);
  const animations = params.get('animations') !== 'off' && !input.prefersReducedMotion;
  const askedPolicy = policyOf(params.get('policy'));
  const askedScenario = params.get('scenario');
  const messages: StartupMessage[] = [];
  const { saved } = input;
  if (saved.kind === 'set-aside') messages.push({ topic: 'saved-session', text: saved.message });

  const kept = new URLSearchParams(params);
  kept.delete('scenario');
  kept.delete('policy');
  const search = kept.size > 0 ? `?${kept.toString()}` : '';
  const settings = { animations };
  const start = (from: Startup['from'], scenario: Scenario, policy: PolicyName | undefined, actions: SavedAction[] = []): Startup => ({
    scenario,
    options: { ...(policy ? { policy } : {}), settings },
    actions,
    from,
    messages,
    search,
  });

  const fallback = saved.kind === 'restored' ? 'your saved work' : 'the first built-in scenario';
  if (LINK.test(input.hash)) {
    // Loaded only for a link: most starts have none, and the decoder with its schemas is a chunk.
    const { decodeShareLink } = await import('../../io/export/shareLink.ts');
    const link = await decodeShareLink(input.hash);
    if (link.ok) {
      const scenario = explorerScenario(link.scenario, { id: 'shared', description: 'Opened from a share link. Drag its devices onto drivers as with any scenario.' }, link.scenario.settings.policy);
      return start('link', scenario, undefined);
    }
    messages.push({ topic: 'link', text: `${link.error} The explorer opened ${fallback} instead.` });
  }

  if (askedScenario !== null) {
    // A real-kernel machine's text is a chunk of its own, which can fail to load.
    const named = await openBuiltInScenario(askedScenario).then(
      (scenario) => ({ scenario }),
      (e: unknown) => ({ failed: e instanceof Error ? e.message : String(e) }),
    );
    if ('failed' in named) {
      messages.push({ topic: 'address', text: `The scenario "${askedScenario}" the address asks for could not be loaded (${named.failed}). The explorer opened ${fallback} instead; reload the page to try again.` });
    } else if (named.scenario) {
      return start('address', named.scenario, askedPolicy);
    } else {
      messages.push({ topic: 'address', text: `The address asks for the scenario "${askedScenario}", which this app does not have. The explorer opened ${fallback} instead.` });
    }
  }

  if (saved.kind === 'restored') return start('saved-session', saved.session.scenario, askedPolicy ?? saved.session.policy, saved.session.actions);
  return start('built-in', BUILT_IN_SCENARIOS[0]!, askedPolicy);
}
