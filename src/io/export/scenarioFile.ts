// Opening a file the app saved: a scenario file (.json) or a PNG picture that carries one. The
// bytes decide, not the name, so a renamed picture still opens. Messages start with the file name.
import { importError } from '../importResult.ts';
import { MAX_INPUT_CHARS } from '../inputText.ts';
import { readScenario, type ScenarioImport } from '../scenario.ts';
import { isPng } from './pngChunks.ts';
import { scenarioTextOfPng } from './pngScenario.ts';

export async function readScenarioFile(fileName: string, bytes: Uint8Array): Promise<ScenarioImport> {
  if (isPng(bytes)) {
    const carried = await scenarioTextOfPng(bytes);
    if (!carried.ok) return importError(fileName, null, carried.error);
    return readScenario(carried.text, { source: `${fileName} (its scenario)` });
  }
  if (bytes.length > MAX_INPUT_CHARS) return importError(fileName, null, `it is ${bytes.length} bytes, more than a scenario file can be (${MAX_INPUT_CHARS})`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return importError(fileName, null, 'it is neither a PNG picture nor a text file (it is not UTF-8)');
  }
  return readScenario(text, { source: fileName });
}
