// Test support: an lspci text (and optionally the kernel's group listing) as a scenario with no
// commands, the way the command line's `export` takes one.
import { importMachine } from '../../importMachine.ts';
import type { ExportScenario } from '../runScenario.ts';

const SETTINGS = { policy: 'upstream' as const, acsOverride: [], strictSwitch: false };

export function lspciScenario(name: string, lspci: string, listing?: string): ExportScenario {
  const m = importMachine(lspci, { settings: SETTINGS, ...(listing === undefined ? {} : { groupListing: { text: listing } }) });
  if (!m.ok) throw new Error(`${name}: ${m.error.message}`);
  return { name, topology: m.topology, grouping: m.grouping, groupsFrom: m.groupsFrom, settings: SETTINGS, commands: [] };
}
