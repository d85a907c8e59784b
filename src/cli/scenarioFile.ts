// Reading a scenario file for a command: lspci paths inside it are read relative to it, and a file
// that cannot be read is reported on standard error (the caller exits 2).
import { readScenario, type Scenario } from '../io/scenario.ts';
import type { CliIo } from './cliTypes.ts';

export function readScenarioFile(io: CliIo, file: string): Scenario | null {
  const read = readScenario(io.readFile(file), { source: file, readFile: (p) => io.readFile(p) });
  if (!read.ok) {
    io.err(read.error.message);
    return null;
  }
  return read.scenario;
}
