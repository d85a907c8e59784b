// The oracle fixtures' lspci texts, as the kernel's guest printed them: 140 KB the page's start
// never needs, so they are a chunk of their own, loaded when a real-kernel machine is opened.
import multifunction from './b-multifunction.lspci.txt?raw';
import pciBridges from './d-pci-bridges.lspci.txt?raw';
import switchUnderNoAcs from './g-switch-under-noacs-rootport.lspci.txt?raw';
import sriovBehindSwitch from './n-sriov-behind-switch.lspci.txt?raw';
import x3130Switch from './c-x3130-switch.lspci.txt?raw';

/** Each text by its oracle fixture's folder name. */
export const REAL_KERNEL_LSPCI: ReadonlyMap<string, string> = new Map([
  ['b-multifunction', multifunction],
  ['c-x3130-switch', x3130Switch],
  ['d-pci-bridges', pciBridges],
  ['g-switch-under-noacs-rootport', switchUnderNoAcs],
  ['n-sriov-behind-switch', sriovBehindSwitch],
]);
