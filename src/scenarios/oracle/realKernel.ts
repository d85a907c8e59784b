// Machines the real kernel booted (the oracle fixtures: QEMU topologies with `lspci -vvvnn` taken
// inside the guest). Their lspci text is shipped as it was captured and imported like a user's paste,
// so the explorer shows what the importer does with real output and the kernel's groups beside it.
import { scenarioFromText } from '../../store/importScenario.ts';
import type { Scenario } from '../../store/scenario.ts';
import multifunction from './b-multifunction.lspci.txt?raw';
import pciBridges from './d-pci-bridges.lspci.txt?raw';
import switchUnderNoAcs from './g-switch-under-noacs-rootport.lspci.txt?raw';
import sriovBehindSwitch from './n-sriov-behind-switch.lspci.txt?raw';
import x3130Switch from './c-x3130-switch.lspci.txt?raw';

interface RealKernelText {
  /** The oracle fixture's folder name; its copy here is `<fixture>.lspci.txt`. */
  fixture: string;
  lspci: string;
  name: string;
  description: string;
}

export const REAL_KERNEL_TEXTS: readonly RealKernelText[] = [
  { fixture: 'b-multifunction', lspci: multifunction, name: 'two-function endpoint', description: 'A two-function endpoint without ACS below a root port with ACS: both functions share one group.' },
  { fixture: 'c-x3130-switch', lspci: x3130Switch, name: 'X3130 switch', description: 'A switch below a root port with ACS: the upstream port is alone, each downstream port without ACS shares a group with its endpoint.' },
  { fixture: 'd-pci-bridges', lspci: pciBridges, name: 'PCI bridges', description: 'Conventional functions alias to their bridge: each PCIe-to-PCI, PCI and DMI bridge forms one group with everything below it.' },
  { fixture: 'g-switch-under-noacs-rootport', lspci: switchUnderNoAcs, name: 'switch under a root port without ACS', description: 'A root port without ACS swallows the whole switch below it: its upstream port, three downstream ports and three endpoints.' },
  { fixture: 'n-sriov-behind-switch', lspci: sriovBehindSwitch, name: 'SR-IOV VFs behind a switch', description: 'VFs below a downstream port without ACS join the port and PF in one group; below a root port with ACS each VF is alone.' },
];

const metaOf = (t: RealKernelText) => ({ id: `real-${t.fixture}`, name: `Real kernel: ${t.name}`, description: t.description });

function realKernelScenario(t: RealKernelText): Scenario {
  const r = scenarioFromText({ lspci: t.lspci, source: `${t.fixture}.lspci.txt` }, metaOf(t));
  // Shipped text: a failure is a bug in the app, caught by the scenarios' unit test.
  if (!r.ok) throw new Error(r.error.message);
  return r.scenario;
}

/**
 * The scenario with its id, name and description at once (all the picker needs at start) and the
 * machine read from its text on first use: reading all five at import cost every page start a
 * noticeable pause, for machines most visits never open.
 */
function lazyRealKernelScenario(t: RealKernelText): Scenario {
  let read: Scenario | undefined;
  const full = () => (read ??= realKernelScenario(t));
  return {
    ...metaOf(t),
    get topology() {
      return full().topology;
    },
    get groupingSettings() {
      return full().groupingSettings;
    },
    get givenGrouping() {
      return full().givenGrouping;
    },
    get findings() {
      return full().findings;
    },
  };
}

export const REAL_KERNEL_SCENARIOS: readonly Scenario[] = REAL_KERNEL_TEXTS.map(lazyRealKernelScenario);
