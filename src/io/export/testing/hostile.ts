// Test support: names a user or a pasted lspci text might carry, built to break text exports:
// markup, quotes and backslashes that could close a DOT string, escapes Graphviz expands, line
// breaks that could start a fake quote or mbox line, non-ASCII, control characters, 10,000
// characters. A scenario that puts one name everywhere a name can go.
import { computeGroups } from '../../../model/grouping/computeGroups.ts';
import { endpoint, hostBridge, rootPort, topology } from '../../../model/topology/builders.ts';
import type { ExportScenario } from '../runScenario.ts';

export const HOSTILE_NAMES: readonly string[] = [
  '<script>alert(1)</script>',
  '<b>bold</b> & <i>{braces}</i> [brackets] | pipes',
  '"; f0 -> f1; x [label="',
  'a\\"] ; injected [label="b',
  'trailing backslash\\',
  'double trailing\\\\',
  '\\N \\G \\L \\E \\T \\H \\l \\r',
  'line one\nFrom evil@example.com\n> quoted\r\nthird',
  'tab\tand NUL\u0000 and ESC\u001b[31m red',
  'caf\u00e9 na\u00efve \u00c5ngstr\u00f6m \u201csmart\u201d \u2013 \u2026 \u00ae',
  'emoji \u{1f4a5} and CJK \u4e2d\u6587 and RTL \u202e gnp.exe',
  'U+2028\u2028and U+2029\u2029separators',
  `long ${'x'.repeat(10_000)}`,
  `${'word '.repeat(2_000)}end`,
];

/** A GPU pair and an NVMe drive, named `name` everywhere: functions, drivers, scenario, fds. */
export function hostileScenario(name: string): ExportScenario {
  const t = topology(
    hostBridge('00:00.0', { name }),
    rootPort('00:01.0', { acs: true, name }, [
      endpoint('01:00.0', { name, driver: name, modules: [name], multifunction: true }),
      endpoint('01:00.1', { name, driver: 'snd_hda_intel', modules: ['snd_hda_intel'], multifunction: true }),
    ]),
    rootPort('00:02.0', { acs: true, name }, [endpoint('02:00.0', { name, driver: 'nvme', modules: ['nvme'] })]),
  );
  return {
    name,
    topology: t,
    grouping: computeGroups(t),
    groupsFrom: 'computed',
    settings: { policy: 'upstream', acsOverride: [name], strictSwitch: false },
    commands: [
      { op: 'driver.unbind', bdf: '01:00.0' },
      { op: 'driver.bind', bdf: '01:00.0', driver: name },
      { op: 'driver.unbind', bdf: '02:00.0' },
      { op: 'driver.override', bdf: '02:00.0', driver: 'vfio-pci' },
      { op: 'driver.probe', bdf: '02:00.0' },
      { op: 'container.open', as: name },
      { op: 'iommufd.open', as: `${name} fd` },
      { op: 'ioasid.alloc', iommufd: `${name} fd`, as: `${name} ioas` },
      { op: 'cdev.open', bdf: '02:00.0', as: `${name} dev` },
      { op: 'cdev.bindIommufd', device: `${name} dev`, iommufd: `${name} fd` },
      { op: 'device.attach', device: `${name} dev`, ioasid: `${name} ioas` },
    ],
  };
}
