// What people paste that is not a clean lspci listing: binary files, nothing, prose, other formats,
// two listings at once, cut-off pastes, garbage lines, and very large inputs. The parser must
// answer every one with a topology or an error naming a line, never throw, never hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadOracleFixture, oracleFixtures } from '../../testing/fixtures.ts';
import { MAX_INPUT_CHARS } from '../inputText.ts';
import { parseLspci, type LspciImport } from './parseLspci.ts';

const fixtureN = loadOracleFixture('n-sriov-behind-switch');

function errorOf(result: LspciImport) {
  if (result.ok) throw new Error('expected an error, got a topology');
  return result.error;
}

/** Holds for every input: a topology with functions, or an error with a line number. */
function answersSanely(text: string): boolean {
  const result = parseLspci(text);
  if (result.ok) return result.topology.functions.length > 0;
  return typeof result.error.line === 'number' && result.error.line >= 1 && result.error.message.length > 0;
}

describe('inputs that are not lspci text', () => {
  it('refuses binary input, naming the first bad byte', () => {
    const elf = '\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00';
    expect(errorOf(parseLspci(elf))).toEqual({ line: 1, message: 'line 1: not the text lspci -vvv prints: the input looks binary (first bad byte at offset 0).' });
    const afterText = `${fixtureN.lspci.slice(0, 200)}\u0000rest`;
    const error = errorOf(parseLspci(afterText, { source: 'dump.bin' }));
    expect(error.message).toMatch(/^dump\.bin, line \d+: not the text lspci -vvv prints: the input looks binary \(first bad byte at offset 200\)\.$/);
  });

  it('refuses text that is mostly control characters even without a NUL', () => {
    const noise = Array.from({ length: 400 }, (_, i) => String.fromCharCode(1 + (i % 8), 65 + (i % 26))).join('');
    expect(errorOf(parseLspci(noise)).message).toContain('looks binary (first bad byte at offset 0)');
  });

  it('refuses empty and blank input with a clear sentence', () => {
    for (const text of ['', '   \n\n\t\r\n', '\ufeff']) {
      expect(errorOf(parseLspci(text))).toEqual({ line: 1, message: 'line 1: the input is empty; expected the text lspci -vvv prints.' });
    }
  });

  it('refuses prose, naming line 1 and what a device line looks like', () => {
    const error = errorOf(parseLspci('Hello, I have a problem with my GPU passthrough.\nHere is my config:\nGRUB_CMDLINE_LINUX="intel_iommu=on"\n'));
    expect(error.line).toBe(1);
    expect(error.message).toContain('no PCI device line found; expected lines like "0000:00:1f.3 Audio device [0403]');
    expect(error.message).toContain('the text starts with "Hello, I have a problem with my GPU passthrough."');
  });

  it('says what a group listing, a tree or -vmm output is when given instead', () => {
    expect(errorOf(parseLspci(fixtureN.groupsListing)).message).toContain('looks like an IOMMU group listing');
    expect(errorOf(parseLspci('-[0000:00]-+-00.0  Intel Corporation\n           +-02.0-[01]----00.0  Foo\n')).message).toContain('tree of lspci -t');
    expect(errorOf(parseLspci('Slot:\t00:00.0\nClass:\tHost bridge\n')).message).toContain('lspci -vmm');
  });

  it('refuses two listings pasted together, naming both lines of the repeated address', () => {
    const lines = fixtureN.lspci.split('\n').length;
    const error = errorOf(parseLspci(`${fixtureN.lspci}\n${fixtureN.lspci}`, { source: 'paste' }));
    expect(error).toEqual({ line: lines + 1, message: `paste, line ${lines + 1}: 0000:00:00.0 appears twice, at line 1 and at line ${lines + 1}; were two listings pasted together?` });
  });

  it('skips a VMD-domain function with a warning', () => {
    const r = parseLspci('10000:e0:06.0 PCI bridge [0604]: Intel Corporation Device [8086:464d]\n0000:00:00.0 Host bridge [0600]: Intel Corporation Device [8086:4660]\n');
    expect(r.ok && r.topology.functions.map((f) => f.bdf)).toEqual(['0000:00:00.0']);
    expect(r.ok && r.warnings.find((w) => w.line === 1)?.message).toBe('line 1: 10000:e0:06.0 is in a PCI domain above ffff (an Intel VMD domain); such devices are not modelled and were skipped.');
  });
});

describe('cut-off and damaged pastes', () => {
  it('keeps a last block cut short and says the input seems to end inside it', () => {
    const lines = fixtureN.lspci.split('\n');
    const lastHeader = lines.findLastIndex((l) => /^0000:/.test(l));
    const cut = lines.slice(0, lastHeader + 2).join('\n'); // device line and Subsystem only
    const r = parseLspci(cut);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.topology.functions).toHaveLength(20);
    const warning = r.warnings.find((w) => w.message.includes('seems to end inside the last device block'));
    expect(warning).toMatchObject({ line: lastHeader + 2, bdf: '0000:05:00.2' });
    expect(warning!.message).toContain('it lacks a Status: line');
  });

  it('a fixture cut at any line, and any character of it, never throws and answers with a topology or a line', () => {
    const fixtures = oracleFixtures();
    fc.assert(
      fc.property(fc.nat(fixtures.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(200), (which, where, chars) => {
        const lines = fixtures[which]!.lspci.split('\n');
        const keep = Math.floor(where * lines.length);
        const text = [...lines.slice(0, keep), (lines[keep] ?? '').slice(0, chars)].join('\n');
        return text.trim() === '' ? !parseLspci(text).ok : answersSanely(text);
      }),
      { numRuns: 300 },
    );
  });

  it('random lines spliced into a fixture never make it throw', () => {
    const anyLine = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom('\tACSCtl:\tSrcValid+ ???', '\tBus: primary=zz', '\tIOMMU group: x', '\tVF offset: -1', '\tCapabilities: [40] Express (v9) Warp Drive', '0000:00:00.0', '\tInitial VFs: 99999999999'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(900), anyLine), { maxLength: 20 }), (insertions) => {
        const lines = fixtureN.lspci.split('\n');
        for (const [at, line] of insertions) lines.splice(at % (lines.length + 1), 0, line);
        return answersSanely(lines.join('\n'));
      }),
      { numRuns: 300 },
    );
  });

  it('any short string at all never makes it throw', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (s) => {
      const result = parseLspci(s);
      return result.ok || result.error.message.length > 0;
    }), { numRuns: 300 });
  });

  it('stops looking for VFs when garbled SR-IOV numbers claim far more VFs than the listing holds', () => {
    const pf = (i: number) => {
      const bdf = `${(i >> 8).toString(16).padStart(4, '0')}:${(i & 0xff).toString(16).padStart(2, '0')}:00.0`;
      return `${bdf} Ethernet controller [0200]: Intel Corporation Foo [8086:1572]\n\tCapabilities: [160 v1] Single Root I/O Virtualization (SR-IOV)\n\t\tInitial VFs: 64, Total VFs: 64, Number of VFs: 65535, Function Dependency Link: 00\n\t\tVF offset: 1, stride: 1, Device ID: 154c\n`;
    };
    const r = parseLspci(Array.from({ length: 5000 }, (_, i) => pf(i)).join(''));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.topology.functions).toHaveLength(5000);
    expect(r.warnings.some((w) => w.message.includes('claim far more VFs than the listing holds'))).toBe(true);
  });

  it('caps the warnings of a block full of garbled fields', () => {
    const garbled = Array.from({ length: 3000 }, (_, i) => `\tBus: primary=${i}`).join('\n');
    const r = parseLspci(`0000:00:02.0 PCI bridge [0604]: Foo [1b36:000c]\n${garbled}\n`);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.warnings).toHaveLength(502); // the whole-input warning, 500 line warnings, the count of the rest
    expect(r.warnings[0]!.message).toContain('this listing has no Bus:, Flags: or Capabilities: lines');
    expect(r.warnings[501]!.message).toBe('the input: 2500 more warnings like these were not listed.');
  });
});

describe('large inputs', () => {
  it('reads about 50 MB of renumbered fixture copies (one PCI domain per copy)', () => {
    const copies = Math.ceil((50 * 1024 * 1024) / fixtureN.lspci.length);
    const parts: string[] = [];
    for (let d = 1; d <= copies; d++) {
      const domain = d.toString(16).padStart(4, '0');
      parts.push(fixtureN.lspci.replace(/^0000:/gm, `${domain}:`));
    }
    const text = parts.join('\n');
    expect(text.length).toBeGreaterThan(50 * 1024 * 1024);
    const r = parseLspci(text);
    expect(r.ok && r.topology.functions.length).toBe(copies * 20);
    expect(r.ok && r.topology.functions.filter((f) => f.physfn !== undefined).length).toBe(copies * 7);
  });

  it('answers about 50 MB of junk with the no-device-line error', () => {
    const junk = 'lorem ipsum dolor sit amet, 00:1f.3 consectetur: [8086:a2f0]\n'.repeat(Math.ceil((50 * 1024 * 1024) / 61));
    expect(errorOf(parseLspci(junk)).line).toBe(1);
  });

  it('reads a 20 MB single line without backtracking', () => {
    const line = `0000:00:02.0 PCI bridge [0604]: ${'[ (prog-if 00 '.repeat(1_500_000)}`;
    const r = parseLspci(line);
    expect(r.ok && r.topology.functions).toHaveLength(1);
  });

  it('refuses more than 64 MB with an error about the size', () => {
    const error = errorOf(parseLspci('x'.repeat(MAX_INPUT_CHARS + 1)));
    expect(error).toEqual({ line: null, message: 'the input: 64.0 MB is more than the 64 MB limit (lspci output of one machine is a few MB), so it was not read.' });
  });
});
