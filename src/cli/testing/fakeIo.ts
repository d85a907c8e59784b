// Test support: a CliIo over in-memory files that records what a command prints.
import { InputError, type CliIo } from '../cliTypes.ts';

export function fakeIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (p) => {
      const text = files[p];
      if (text === undefined) throw new InputError(`${p}: cannot read the file (does it exist?)`);
      return text;
    },
  };
  return { io, out, err };
}
