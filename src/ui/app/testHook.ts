// The test contract's command hook: `window.__explorer.run(command, ...)` records one user action of
// those commands, exactly as a drag does, and answers what the model said. Until the uAPI console
// exists, end-to-end tests and demos drive the userspace side (open, get device fd, attach) here.
import type { Command } from '../../model/kernel/commands.ts';
import type { ExplorerStore } from '../../store/explorerStore.ts';

export interface CommandAnswer {
  op: string;
  ok: boolean;
  errno: string | null;
  message: string | null;
}

export interface ExplorerHook {
  run(...commands: Command[]): CommandAnswer[];
}

declare global {
  interface Window {
    __explorer?: ExplorerHook;
  }
}

export function installTestHook(store: ExplorerStore, target: Window): void {
  target.__explorer = {
    run: (...commands) =>
      store
        .getState()
        .perform('console', commands)
        .map((e) => ({
          op: e.command.op,
          ok: e.outcome.ok,
          errno: e.outcome.ok ? null : e.outcome.error.errno,
          message: e.outcome.ok ? null : e.outcome.error.message,
        })),
  };
}
