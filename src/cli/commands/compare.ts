// `cli compare LSPCI_FILE GROUPS_FILE` (spec scenario-format.md): computes the groups from the lspci
// text and holds them against the kernel's listing. Exit 0 identical, 1 with the differences listed.
import { importMachine } from '../../io/importMachine.ts';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, type CliCommand } from '../cliTypes.ts';
import { parseGroupingArgs } from './groupingArgs.ts';

const USAGE = 'usage: cli compare [--json] [--acs-override=...] [--strict-switch] LSPCI_FILE GROUPS_FILE';

export const compareCommand: CliCommand = (args, io) => {
  const parsed = parseGroupingArgs(args, USAGE);
  if (typeof parsed === 'string' || parsed.files.length !== 2) {
    io.err(typeof parsed === 'string' ? parsed : `give an lspci file and a group listing\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  const [lspciFile, groupsFile] = parsed.files as [string, string];
  const machine = importMachine(io.readFile(lspciFile), {
    source: lspciFile,
    settings: parsed.settings,
    groupListing: { text: io.readFile(groupsFile), source: groupsFile },
  });
  if (!machine.ok) {
    io.err(machine.error.message);
    return EXIT_BAD_INPUT;
  }
  if (machine.groupsFrom === 'kernel-listing') {
    io.err(`${lspciFile}: the text does not show the PCI tree or the capabilities, so there are no computed groups to compare; use \`sudo lspci -D -vvv -nn\``);
    return EXIT_BAD_INPUT;
  }
  for (const w of machine.warnings) io.err(`warning: ${w.message}`);
  const { differences } = machine;
  if (parsed.json) io.out(JSON.stringify({ identical: differences.length === 0, differences }, null, 2));
  else if (differences.length === 0) io.out(`identical: ${machine.grouping.groups.length} groups, the same as the kernel's`);
  else io.out([`${differences.length} difference(s) from the kernel's listing:`, ...differences.map((d) => `  ${d.text}`)].join('\n'));
  return differences.length === 0 ? EXIT_OK : EXIT_FAILED;
};
