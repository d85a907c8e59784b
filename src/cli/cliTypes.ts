// The command-line contract (spec scenario-format.md): exit 0 done, 1 the check or comparison
// failed, 2 the input could not be read (a message naming the file and line, never a stack trace).
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
}

/** Thrown for input that cannot be read; main prints the message and exits 2. */
export class InputError extends Error {}

export type CliCommand = (args: string[], io: CliIo) => number | Promise<number>;
