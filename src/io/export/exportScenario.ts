// One entry for every text export: run the scenario's log once, then write the picture, the
// trace, the DOT graph or the normalised scenario file. The app's copy buttons and the command
// line's `export` both come through here.
import { asciiPicture } from './asciiPicture.ts';
import { dotGraph } from './dotGraph.ts';
import { fdNumbers } from './fileDescriptors.ts';
import { runScenario, type ExportScenario } from './runScenario.ts';
import { scenarioJson } from './scenarioJson.ts';
import { traceText } from './trace.ts';

export const EXPORT_FORMATS = ['ascii', 'dot', 'trace', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportResult = { ok: true; text: string } | { ok: false; step: number; error: string };

export function exportScenario(scenario: ExportScenario, format: ExportFormat): ExportResult {
  const run = runScenario(scenario);
  // A malformed command is the log's fault; no export should pretend it ran.
  if (!run.ok) return { ok: false, step: run.step, error: `step ${run.step} (${run.op}): ${run.message}` };
  switch (format) {
    case 'ascii':
      return { ok: true, text: asciiPicture(scenario, run) };
    case 'trace':
      return { ok: true, text: traceText(scenario.name, run) };
    case 'dot':
      return { ok: true, text: dotGraph(scenario, run.final, fdNumbers(run.steps)) };
    case 'json':
      // Commands as the model read them: full addresses, `driver_override` "" as null.
      return { ok: true, text: scenarioJson({ ...scenario, commands: run.steps.map((s) => s.command) }) };
  }
}
