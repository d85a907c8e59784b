// `cli export --format ascii|dot|trace|json SCENARIO_OR_LSPCI` (spec scenario-format.md): the
// plain-text picture, Graphviz DOT, the numbered ioctl trace or the normalised scenario of a
// scenario file, or of an lspci text taken as a scenario with no commands. Exit 0 when written;
// 2 when the input cannot be read or a command in it is malformed (the message names the place).
import { DEFAULT_GROUPING_SETTINGS } from '../../model/grouping/types.ts';
import { EXPORT_FORMATS, exportScenario, type ExportFormat } from '../../io/export/exportScenario.ts';
import type { ExportScenario } from '../../io/export/runScenario.ts';
import { importMachine } from '../../io/importMachine.ts';
import type { ImportWarning } from '../../io/importResult.ts';
import { readScenario } from '../../io/scenario.ts';
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand, type CliIo } from '../cliTypes.ts';

const USAGE = `usage: cli export --format ${EXPORT_FORMATS.join('|')} SCENARIO_OR_LSPCI`;

function parseArgs(args: string[]): { format: ExportFormat; file: string } | string {
  let format: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--format') format = args[++i];
    else if (a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (a.startsWith('--')) return `unknown option ${a}\n${USAGE}`;
    else files.push(a);
  }
  if (format === undefined) return `give the format with --format\n${USAGE}`;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) return `unknown format "${format}"; use one of ${EXPORT_FORMATS.join(', ')}`;
  if (files.length !== 1) return `give exactly one scenario or lspci file\n${USAGE}`;
  return { format: format as ExportFormat, file: files[0]! };
}

type Loaded = { ok: true; scenario: ExportScenario; warnings: ImportWarning[] } | { ok: false; message: string };

/** A scenario file is JSON, so it starts with "{"; lspci text never does. */
function load(file: string, io: CliIo): Loaded {
  const text = io.readFile(file);
  if (text.trimStart().startsWith('{')) {
    const read = readScenario(text, { source: file, readFile: (p) => io.readFile(p) });
    return read.ok ? { ok: true, scenario: read.scenario, warnings: read.scenario.warnings } : { ok: false, message: read.error.message };
  }
  const machine = importMachine(text, { source: file, settings: DEFAULT_GROUPING_SETTINGS });
  if (!machine.ok) return { ok: false, message: machine.error.message };
  const name = file.slice(file.lastIndexOf('/') + 1);
  const scenario: ExportScenario = {
    name,
    topology: machine.topology,
    grouping: machine.grouping,
    groupsFrom: machine.groupsFrom,
    settings: { policy: 'upstream', acsOverride: [], strictSwitch: false },
    commands: [],
  };
  return { ok: true, scenario, warnings: machine.warnings };
}

export const exportCommand: CliCommand = (args, io) => {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.err(parsed);
    return EXIT_BAD_INPUT;
  }
  const loaded = load(parsed.file, io);
  if (!loaded.ok) {
    io.err(loaded.message);
    return EXIT_BAD_INPUT;
  }
  const result = exportScenario(loaded.scenario, parsed.format);
  if (!result.ok) {
    io.err(`${parsed.file}: ${result.error}`);
    return EXIT_BAD_INPUT;
  }
  for (const w of loaded.warnings) io.err(`warning: ${w.message}`);
  io.out(result.text);
  return EXIT_OK;
};
