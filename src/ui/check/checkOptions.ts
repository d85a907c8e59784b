// What the user set for the next check: policies, command families left out, bounds, the design
// diff. Kept in a store of its own so the form keeps its values while the panel is hidden.
import { createStore } from 'zustand/vanilla';
import { DEFAULT_CHECK_SETTINGS, type CheckSettingsInput, type CommandFamily } from '../../model/check/index.ts';
import { POLICY_NAMES, type PolicyName } from '../../model/kernel/types.ts';

export interface CheckOptions {
  policies: readonly PolicyName[];
  without: readonly CommandFamily[];
  containers: number;
  iommufds: number;
  ioasids: number;
  devices: number;
  /** Commands per sequence at most; null: no limit. */
  maxDepth: number | null;
  maxStates: number;
  /** Addresses of single-device groups to explore too, comma separated as typed. */
  groups: string;
  diff: boolean;
}

/** A browser tab holds less than the command line: a million states is some hundreds of MB. */
const BROWSER_MAX_STATES = 1_000_000;

export const DEFAULT_CHECK_OPTIONS: CheckOptions = {
  policies: POLICY_NAMES,
  without: [],
  containers: DEFAULT_CHECK_SETTINGS.containers,
  iommufds: DEFAULT_CHECK_SETTINGS.iommufds,
  ioasids: DEFAULT_CHECK_SETTINGS.ioasids,
  devices: DEFAULT_CHECK_SETTINGS.devices,
  maxDepth: DEFAULT_CHECK_SETTINGS.maxDepth,
  maxStates: BROWSER_MAX_STATES,
  groups: '',
  diff: true,
};

export const checkOptionsStore = createStore<CheckOptions>(() => DEFAULT_CHECK_OPTIONS);

/** The options as the checker's settings (checked by its schema in the worker). */
export function settingsOf(o: CheckOptions): CheckSettingsInput {
  return {
    groups: o.groups
      .split(/[\s,]+/)
      .map((g) => g.trim())
      .filter((g) => g !== ''),
    containers: o.containers,
    iommufds: o.iommufds,
    ioasids: o.ioasids,
    devices: o.devices,
    without: [...o.without],
    maxDepth: o.maxDepth,
    maxStates: o.maxStates,
  };
}
