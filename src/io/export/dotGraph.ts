// Graphviz DOT of the machine at the end of the log: functions as boxes along the PCI tree, each
// IOMMU group a cluster named with its domain, owner and viability, user domains (containers,
// IOASes) as their own nodes that the groups they translate point at, and the device fds userspace
// holds pointing at their functions. `dot -Tsvg` draws it.
import { formatOwner, groupOwner, viability } from '../../model/kernel/facts.ts';
import { driverOf, groupState } from '../../model/kernel/state.ts';
import type { Domain, MachineState } from '../../model/kernel/types.ts';
import { shortBdf } from '../../model/topology/bdf.ts';
import { dotLabel } from './dotText.ts';
import type { FdNumbers } from './fileDescriptors.ts';
import { clip } from './plainText.ts';
import type { ExportScenario } from './runScenario.ts';

/** Long names make boxes wider than the page; the address identifies a function anyway. */
const NAME_WIDTH = 40;

function domainLabel(s: MachineState, d: Domain): string[] {
  switch (d.kind) {
    case 'default':
    case 'blocked':
      return [d.kind];
    case 'container': {
      const c = s.containers.get(d.container);
      return [`container "${c?.name ?? d.container}"`, `IOMMU ${c?.iommu ?? '?'}`];
    }
    case 'ioasid': {
      const a = s.ioasids.get(d.ioasid);
      const word = s.static.policy === 'upstream' ? 'IOAS' : 'IOASID';
      return [`${word} "${a?.name ?? d.ioasid}"`, ...(a?.parent ? [`nested on "${s.ioasids.get(a.parent)?.name ?? a.parent}"`] : [])];
    }
  }
}

export function dotGraph(scenario: ExportScenario, s: MachineState, fds: FdNumbers): string {
  const functions = scenario.topology.functions;
  const id = new Map(functions.map((f, i) => [f.bdf, `f${i}`]));
  const lines = [
    `digraph "ioasid-explorer" {`,
    `  graph [compound=true, fontname="Helvetica", labelloc=t, label=${dotLabel([scenario.name || 'unnamed scenario', `${scenario.settings.policy} design`])}];`,
    '  node [shape=box, fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  const culprits = new Set<string>();
  const node = (bdf: string) => {
    const f = s.static.functions.get(bdf)!;
    const driver = driverOf(s, bdf);
    const bad = culprits.has(bdf);
    return `${id.get(bdf)} [label=${dotLabel([shortBdf(bdf), clip(f.name, NAME_WIDTH), driver ?? 'no driver'])}${bad ? ', color=red' : ''}];`;
  };

  for (const g of scenario.grouping.groups) {
    const v = viability(s, g.id);
    for (const c of v.culprits) culprits.add(c.bdf);
    const gs = groupState(s, g.id);
    const label = [`group ${g.id}: domain ${domainLabel(s, gs.domain).join(', ')}`, `owner ${formatOwner(groupOwner(s, g.id))}, ${v.viable ? 'viable' : 'not viable'}`];
    lines.push(`  subgraph cluster_g${g.id} {`, `    label=${dotLabel(label)};`, `    style=rounded;${v.viable ? '' : ' color=red;'}`);
    for (const bdf of g.devices) lines.push(`    ${node(bdf)}`);
    lines.push('  }');
  }
  // Functions the IOMMU does not translate are in no group.
  for (const f of functions) if (!scenario.grouping.groupOf.has(f.bdf)) lines.push(`  ${node(f.bdf)}`);

  lines.push('  // the PCI tree');
  for (const f of functions) {
    if (f.parent !== null && id.has(f.parent)) lines.push(`  ${id.get(f.parent)} -> ${id.get(f.bdf)} [arrowhead=none];`);
  }

  lines.push('  // user domains and the groups they translate');
  const domainIds = new Map<string, string>();
  for (const g of scenario.grouping.groups) {
    const d = groupState(s, g.id).domain;
    if (d.kind !== 'container' && d.kind !== 'ioasid') continue;
    const key = d.kind === 'container' ? d.container : d.ioasid;
    if (!domainIds.has(key)) {
      domainIds.set(key, `d${domainIds.size}`);
      lines.push(`  d${domainIds.size - 1} [shape=ellipse, label=${dotLabel(domainLabel(s, d))}];`);
    }
    lines.push(`  ${id.get(g.devices[0]!)} -> ${domainIds.get(key)} [ltail=cluster_g${g.id}, style=dashed, label="DMA"];`);
  }

  lines.push('  // device fds userspace holds');
  [...s.devices.values()].forEach((d, i) => {
    const fd = fds.objects.get(d.id);
    lines.push(`  u${i} [shape=note, label=${dotLabel([`device fd ${fd ?? '?'}`, `"${d.name}"`, d.accessGranted ? 'user access' : 'no access'])}];`);
    lines.push(`  u${i} -> ${id.get(d.bdf)};`);
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
