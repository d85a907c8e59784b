// Entry point of `npm run --silent cli -- <command> ...` (spec scenario-format.md).
import { readFileSync, statSync } from 'node:fs';
import { EXIT_BAD_INPUT, InputError, type CliCommand, type CliIo } from './cliTypes.ts';

// Each command loads on demand, so `groups` does not pay for the simulator.
const commands: Record<string, () => Promise<CliCommand>> = {
  groups: async () => (await import('./commands/groups.ts')).groupsCommand,
  compare: async () => (await import('./commands/compare.ts')).compareCommand,
  replay: async () => (await import('./commands/replay.ts')).replayCommand,
  check: async () => (await import('./commands/check.ts')).checkCommand,
  export: async () => (await import('./commands/export.ts')).exportCommand,
};

const USAGE = `usage: cli <command> [options] FILE...
commands: ${Object.keys(commands).join(', ') || '(none yet)'}`;

/** Largest input file read, so a mistaken multi-gigabyte argument fails fast instead of hanging. */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

const io: CliIo = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  readFile(path) {
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      throw new InputError(`${path}: cannot read the file (does it exist?)`);
    }
    if (size > MAX_INPUT_BYTES) throw new InputError(`${path}: ${size} bytes is more than the ${MAX_INPUT_BYTES}-byte limit`);
    return readFileSync(path, 'utf8');
  },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name === undefined ? undefined : commands[name];
  if (!load) {
    io.err(name === undefined || name === '--help' ? USAGE : `unknown command "${name}"\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  try {
    return await (await load())(rest, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(e.message);
      return EXIT_BAD_INPUT;
    }
    io.err(`internal error: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT_BAD_INPUT;
  }
}

process.exitCode = await main(process.argv.slice(2));
