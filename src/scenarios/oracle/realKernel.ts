// Machines the real kernel booted (the oracle fixtures: QEMU topologies with `lspci -vvvnn` taken
// inside the guest). Their lspci text is shipped as it was captured and imported like a user's paste,
// so the explorer shows what the importer does with real output and the kernel's groups beside it.
import type { scenarioFromText } from '../../store/importScenario.ts';
import type { Scenario } from '../../store/scenario.ts';

interface RealKernelFixture {
  /** The oracle fixture's folder name; its copy here is `<fixture>.lspci.txt`. */
  fixture: string;
  name: string;
  description: string;
}

export const REAL_KERNEL_FIXTURES: readonly RealKernelFixture[] = [
  { fixture: 'b-multifunction', name: 'two-function endpoint', description: 'A two-function endpoint without ACS below a root port with ACS: both functions share one group.' },
  { fixture: 'c-x3130-switch', name: 'X3130 switch', description: 'A switch below a root port with ACS: the upstream port is alone, each downstream port without ACS shares a group with its endpoint.' },
  { fixture: 'd-pci-bridges', name: 'PCI bridges', description: 'Conventional functions alias to their bridge: each PCIe-to-PCI, PCI and DMI bridge forms one group with everything below it.' },
  { fixture: 'g-switch-under-noacs-rootport', name: 'switch under a root port without ACS', description: 'A root port without ACS swallows the whole switch below it: its upstream port, three downstream ports and three endpoints.' },
  { fixture: 'n-sriov-behind-switch', name: 'SR-IOV VFs behind a switch', description: 'VFs below a downstream port without ACS join the port and PF in one group; below a root port with ACS each VF is alone.' },
];

/** The texts and the lspci reader once loaded: chunks the page's start does not need. */
let loaded: { texts: ReadonlyMap<string, string>; read: typeof scenarioFromText } | null = null;

/** Loads the lspci texts and their reader; a real-kernel scenario's machine can be read only after this. */
export async function loadRealKernelTexts(): Promise<void> {
  if (loaded) return;
  const [{ REAL_KERNEL_LSPCI }, { scenarioFromText }] = await Promise.all([import('./realKernelTexts.ts'), import('../../store/importScenario.ts')]);
  loaded = { texts: REAL_KERNEL_LSPCI, read: scenarioFromText };
}

export const isRealKernelScenario = (id: string) => REAL_KERNEL_FIXTURES.some((f) => `real-${f.fixture}` === id);

const metaOf = (t: RealKernelFixture) => ({ id: `real-${t.fixture}`, name: `Real kernel: ${t.name}`, description: t.description });

function realKernelScenario(t: RealKernelFixture): Scenario {
  const text = loaded?.texts.get(t.fixture);
  // The app opens these scenarios through openBuiltInScenario, which loads the texts first.
  if (!loaded || text === undefined) throw new Error(`The lspci text of ${t.fixture} is not loaded: await loadRealKernelTexts() before reading its machine.`);
  const r = loaded.read({ lspci: text, source: `${t.fixture}.lspci.txt` }, metaOf(t));
  // Shipped text: a failure is a bug in the app, caught by the scenarios' unit test.
  if (!r.ok) throw new Error(r.error.message);
  return r.scenario;
}

/**
 * The scenario with its id, name and description at once (all the picker needs at start) and the
 * machine read from its text on first use: reading all five at import cost every page start a
 * noticeable pause, for machines most visits never open.
 */
function lazyRealKernelScenario(t: RealKernelFixture): Scenario {
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

export const REAL_KERNEL_SCENARIOS: readonly Scenario[] = REAL_KERNEL_FIXTURES.map(lazyRealKernelScenario);
