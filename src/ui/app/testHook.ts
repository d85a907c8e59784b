// The test contract's command hook: `window.__explorer.run(command, ...)` records one step of those
// commands, exactly as a drag or a console run does, and answers what the model said. People use the
// uAPI console (src/ui/console); tests and demos that only need the machine in some state, not the
// console's forms, set it up here in one call.
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
