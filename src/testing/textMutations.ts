// Test support for the fuzz tests: texts people paste, made from real fixtures and then damaged
// the ways pastes get damaged: a window of the text (a partial copy), cut at any character, lines
// lost, doubled, swapped or re-indented, characters changed, foreign or hostile lines spliced in.
import fc from 'fast-check';

/** Lines a paste may pick up from elsewhere: markup, other tools, control bytes, near-miss fields. */
export const strayLine: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ maxLength: 30, unit: 'binary' }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '\tCapabilities: [40] Express (v2) Root Port (Slot+), MSI 00',
    '\tACSCtl:\tSrcValid+ TransBlk- ReqRedir+ CmpltRedir+ UpstreamFwd+ EgressCtrl- DirectTrans-',
    '\tBus: primary=00, secondary=01, subordinate=01, sec-latency=0',
    '\tKernel driver in use: vfio-pci',
    '\tIOMMU group: 7',
    '00:1f.3 Audio device [0403]: Intel Corporation Device [8086:a348] (rev 10)',
    '/sys/kernel/iommu_groups/3/devices/0000:00:1f.3',
    'IOMMU Group 12: 01:00.0 VGA compatible controller [0300]: NVIDIA [10de:2206]',
    '[    0.615342] pci 0000:00:1f.3: Adding to iommu group 9',
    '[    1.000000] pci 0000:00:1f.3: Removing from iommu group 9',
    '-[0000:00]-+-00.0  Intel Corporation',
    'Slot:\t00:02.0',
    '\u0000\u0001\u0002',
    '\ufffd\ufffd\ufffd',
    '',
  ),
);

type Edit =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'insert'; at: number; line: string }
  | { kind: 'char'; at: number; offset: number; ch: string }
  | { kind: 'indent'; at: number; indent: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), line: strayLine }),
  fc.record({ kind: fc.constant('char' as const), at: fc.nat(), offset: fc.nat(), ch: fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }) }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), indent: fc.constantFrom('', '\t', '\t\t', '  ', '\r') }),
);

function applyEdit(lines: string[], e: Edit): void {
  const n = lines.length;
  if (n === 0) {
    if (e.kind === 'insert') lines.push(e.line);
    return;
  }
  const at = e.at % n;
  switch (e.kind) {
    case 'delete':
      lines.splice(at, 1);
      break;
    case 'duplicate':
      lines.splice(at, 0, lines[at]!);
      break;
    case 'swap': {
      const other = e.with % n;
      [lines[at], lines[other]] = [lines[other]!, lines[at]!];
      break;
    }
    case 'insert':
      lines.splice(e.at % (n + 1), 0, e.line);
      break;
    case 'char': {
      const line = lines[at]!;
      const i = line.length === 0 ? 0 : e.offset % line.length;
      lines[at] = `${line.slice(0, i)}${e.ch}${line.slice(i + 1)}`;
      break;
    }
    case 'indent':
      lines[at] = `${e.indent}${lines[at]!.trimStart()}`;
      break;
  }
}

export interface MutationOptions {
  /** Longest window of a fixture, in lines: keeps each case cheap enough for 10,000 runs. */
  maxLines: number;
  maxEdits?: number;
  /** Where a record starts (an lspci device line): half the windows begin at one. */
  recordStart?: RegExp;
}

/** A window of one of `texts`, edited, and possibly cut at a character of its last line. */
export function mutatedText(texts: readonly string[], { maxLines, maxEdits = 4, recordStart }: MutationOptions): fc.Arbitrary<string> {
  return fc
    .record({
      which: fc.nat(texts.length - 1),
      start: fc.nat(),
      length: fc.integer({ min: 1, max: maxLines }),
      edits: fc.array(edit, { maxLength: maxEdits }),
      cut: fc.option(fc.nat(), { freq: 3 }),
      snap: fc.boolean(),
    })
    .map(({ which, start, length, edits, cut, snap }) => {
      const all = texts[which]!.split('\n');
      let from = start % all.length;
      if (snap && recordStart) {
        const next = all.findIndex((l, i) => i >= from && recordStart.test(l));
        if (next >= 0) from = next;
      }
      const lines = all.slice(from, from + length);
      for (const e of edits) applyEdit(lines, e);
      const text = lines.join('\n');
      return cut === null ? text : text.slice(0, cut % (text.length + 1));
    });
}
