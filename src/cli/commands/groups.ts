// `cli groups [--json] [--acs-override=...] [--strict-switch] LSPCI_FILE` (spec scenario-format.md):
// the IOMMU groups the kernel would form for an lspci text, each member with the reason it joined.
import { importMachine } from '../../io/importMachine.ts';
import { shortBdf } from '../../model/topology/bdf.ts';
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand } from '../cliTypes.ts';
import { parseGroupingArgs } from './groupingArgs.ts';

const USAGE = 'usage: cli groups [--json] [--acs-override=downstream,multifunction,id:VVVV:DDDD] [--strict-switch] LSPCI_FILE';

export const groupsCommand: CliCommand = (args, io) => {
  const parsed = parseGroupingArgs(args, USAGE);
  if (typeof parsed === 'string' || parsed.files.length !== 1) {
    io.err(typeof parsed === 'string' ? parsed : `give exactly one lspci file\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  const file = parsed.files[0]!;
  const machine = importMachine(io.readFile(file), { source: file, settings: parsed.settings });
  if (!machine.ok) {
    io.err(machine.error.message);
    return EXIT_BAD_INPUT;
  }
  for (const w of machine.warnings) io.err(`warning: ${w.message}`);
  const { grouping, topology } = machine;

  if (parsed.json) {
    const groups = grouping.groups.map((g) => ({
      id: g.id,
      devices: g.devices,
      reasons: g.reasons.map((r) => ({ device: r.device, text: r.text })),
    }));
    io.out(JSON.stringify({ groups, groupsFrom: machine.groupsFrom, ungrouped: grouping.ungrouped, notes: grouping.notes }, null, 2));
    return EXIT_OK;
  }

  const names = new Map(topology.functions.map((f) => [f.bdf, f.name]));
  const lines: string[] = [];
  if (machine.groupsFrom === 'kernel-listing') lines.push("groups as the kernel listed them (the text cannot decide them)", '');
  for (const g of grouping.groups) {
    lines.push(`group ${g.id}:`);
    for (const bdf of g.devices) lines.push(`  ${shortBdf(bdf)}  ${names.get(bdf) ?? ''}`);
    for (const r of g.reasons) lines.push(`    why ${shortBdf(r.device)}: ${r.text}`);
  }
  if (grouping.ungrouped.length > 0) lines.push('', `in no group (not translated by an IOMMU): ${grouping.ungrouped.map(shortBdf).join(' ')}`);
  for (const n of grouping.notes) lines.push(`note: ${n}`);
  io.out(lines.join('\n'));
  return EXIT_OK;
};
