// Test support: the checker's scenario files, read as the command line reads them, and a tiny
// world small enough to enumerate every command sequence by brute force.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readScenario, type Scenario } from '../../../io/scenario.ts';
import { computeGroups } from '../../grouping/computeGroups.ts';
import { endpoint, rootPort, topology } from '../../topology/builders.ts';
import type { WorldInput } from '../input.ts';

export const scenariosDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');

export const SEED = 'seed-gpu-audio-bridge.scenario.json';
export const SHPC_BRIDGE = 'shpc-bridge-nic.scenario.json';

export function loadScenario(file: string): Scenario {
  const path = join(scenariosDir, file);
  const read = readScenario(readFileSync(path, 'utf8'), { source: path, readFile: (p) => readFileSync(p, 'utf8') });
  if (!read.ok) throw new Error(read.error.message);
  return read.scenario;
}

export function scenarioWorld(file: string): WorldInput {
  const s = loadScenario(file);
  return { topology: s.topology, grouping: s.grouping, settings: s.check };
}

/**
 * A GPU already on vfio-pci and its HDMI audio on snd_hda_intel, one group below an ACS root port;
 * one container and one device fd, and only the commands the legacy group path uses.
 */
export function tinyWorld(): WorldInput {
  const t = topology(
    rootPort('00:01.0', { acs: true }, [
      endpoint('01:00.0', { name: 'GPU', classCode: 0x0300, driver: 'vfio-pci', modules: ['nouveau'], multifunction: true }),
      endpoint('01:00.1', { name: 'HDMI audio', classCode: 0x0403, driver: 'snd_hda_intel', modules: ['snd_hda_intel'], multifunction: true }),
    ]),
  );
  return { topology: t, grouping: computeGroups(t), settings: { without: ['pci-stub', 'external', 'cdev', 'iommufd.open', 'ioasid.alloc'] } };
}
