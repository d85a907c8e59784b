// Splits lspci text into device blocks: a device line and the lines up to the next one. Device
// lines are found by their shape at the indentation of the first one (a paste quoted with four
// spaces indents them all alike); field lines never start with an address.
import { isDeviceLine } from './deviceLine.ts';

export interface DeviceBlock {
  /** 0-based index of the device line. */
  start: number;
  /** 0-based index one past the block's last line. */
  end: number;
}

export interface BlockSplit {
  blocks: DeviceBlock[];
  /** 0-based indices of the non-blank lines before the first device line (a shell prompt, a title). */
  preamble: number[];
}

export function splitDeviceBlocks(lines: readonly string[]): BlockSplit {
  let baseIndent = -1;
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const indent = indentOf(line);
    if (baseIndent >= 0 && indent !== baseIndent) continue;
    if (!isDeviceLine(line.slice(indent).trimEnd())) continue;
    if (baseIndent < 0) baseIndent = indent;
    starts.push(i);
  }
  const blocks = starts.map((start, k) => ({ start, end: starts[k + 1] ?? lines.length }));
  const preamble: number[] = [];
  const firstStart = starts[0] ?? lines.length;
  for (let i = 0; i < firstStart; i++) if (lines[i]!.trim() !== '') preamble.push(i);
  return { blocks, preamble };
}

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  return i;
}
