// The oracle fixtures rewritten as other lspci options and pastes would print them: each must still
// parse to the same topology, apart from what the option hides, which must come with its warning.
import { describe, expect, it } from 'vitest';
import type { PciFunction } from '../../model/topology/types.ts';
import { oracleFixtures, type OracleFixture } from '../../testing/fixtures.ts';
import { isolatesForGrouping } from './acsBits.ts';
import { parseLspci, type LspciImport } from './parseLspci.ts';

const DEVICE_LINE = /^0000:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7] /;

const mapLines = (text: string, f: (line: string) => string | null) =>
  text
    .split('\n')
    .map(f)
    .filter((l): l is string => l !== null)
    .join('\n');

/** lspci without -D: no domain on the device lines. */
const withoutDomains = (t: string) => mapLines(t, (l) => (DEVICE_LINE.test(l) ? l.slice(5) : l));
/** lspci without -nn: no [vvvv:dddd] ids, no [cccc] class codes. */
const withoutIds = (t: string) => mapLines(t, (l) => l.replace(/ \[[0-9a-f]{4}:[0-9a-f]{4}\]/g, '').replace(/^(\S+ [^:[]+) \[[0-9a-f]{4}\]:/, '$1:'));
/** lspci -v: capability names without their ACS bits or SR-IOV numbers. */
const withoutAcsBits = (t: string) => mapLines(t, (l) => (/^\s*ACSC(ap|tl):/.test(l) ? null : l));
const withoutVfNumbers = (t: string) => mapLines(t, (l) => (/^\s*(Initial VFs|VF offset):/.test(l) ? null : l));

function parsed(text: string): Extract<LspciImport, { ok: true }> {
  const result = parseLspci(text);
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

const fixtures = oracleFixtures().map((f) => [f.name, f] as const);
const original = (f: OracleFixture) => parsed(f.lspci);
const byBdf = (r: Extract<LspciImport, { ok: true }>) => new Map(r.topology.functions.map((f) => [f.bdf, f]));

describe.each(fixtures)('variants of %s', (_name, fixture) => {
  const base = original(fixture);

  it('without -D (domain 0000 assumed) reads the same', () => {
    const r = parsed(withoutDomains(fixture.lspci));
    expect(r.topology).toEqual(base.topology);
    expect(r.warnings).toEqual(base.warnings);
  });

  it('with CRLF line ends reads the same', () => {
    const r = parsed(fixture.lspci.replace(/\n/g, '\r\n'));
    expect(r.topology).toEqual(base.topology);
    expect(r.warnings).toEqual(base.warnings);
  });

  it('with spaces for tabs, quoted with four spaces, behind a prompt and before trailing junk, reads the same', () => {
    const indented = mapLines(fixture.lspci.replace(/\t/g, '        '), (l) => `    ${l}`);
    const r = parsed(`$ sudo lspci -D -vvv -nn\n${indented}\n$ exit\n\`\`\`\n`);
    expect(r.topology).toEqual(base.topology);
    expect(r.warnings.filter((w) => w.line === 1).map((w) => w.message)).toEqual(['line 1: this line comes before the first device line and was ignored.']);
  });

  it('without -nn: ids and subsystem ids unknown with one warning, class codes from the names', () => {
    const r = parsed(withoutIds(fixture.lspci));
    const strip = ({ subsystem: _subsystem, ...f }: PciFunction) => ({ ...f, vendor: null, device: null, name: expect.any(String) });
    expect(r.topology.functions).toEqual(base.topology.functions.map(strip));
    expect(r.warnings.filter((w) => w.message.includes('no [vendor:device] ids'))).toHaveLength(1);
    expect(r.gaps).toContain('vendor-ids');
  });

  it('without ACSCap/ACSCtl lines (as -v prints): the A.3 default is assumed, flagged, and warned per function', () => {
    const r = parsed(withoutAcsBits(fixture.lspci));
    const before = byBdf(base);
    const withAcs = base.topology.functions.filter((f) => f.acs !== null);
    for (const f of r.topology.functions) {
      const was = before.get(f.bdf)!;
      expect({ ...f, acs: null }).toEqual({ ...was, acs: null });
      expect(f.acs === null).toBe(was.acs === null);
      if (f.acs) {
        expect(f.acs.ctrlAssumed).toBe(true);
        expect(isolatesForGrouping(f.acs)).toBe(isolatesForGrouping(was.acs));
      }
    }
    expect(r.warnings.filter((w) => w.message.includes('ACSCap/ACSCtl bits'))).toHaveLength(withAcs.length);
    expect(r.gaps.includes('acs-control')).toBe(withAcs.length > 0);
  });

  it('without SR-IOV numbers (as -v prints): no VF is recognised, and each PF is warned about', () => {
    const r = parsed(withoutVfNumbers(fixture.lspci));
    const pfs = base.topology.functions.filter((f) => f.sriov);
    expect(r.topology.functions.filter((f) => f.physfn !== undefined || f.sriov)).toEqual([]);
    expect(r.warnings.filter((w) => w.message.includes('SR-IOV capability but its VF numbers'))).toHaveLength(pfs.length);
    expect(r.gaps.includes('vf-numbers')).toBe(pfs.length > 0);
  });
});

describe('variants that change more than one thing', () => {
  it('lspci -v without -D and -nn (the Latitude shape) of every fixture still gives the same tree', () => {
    for (const [, fixture] of fixtures) {
      const r = parsed(withoutAcsBits(withoutIds(withoutDomains(fixture.lspci))));
      const base = original(fixture);
      expect(r.topology.functions.map((f) => [f.bdf, f.parent, f.pcieType, f.headerType])).toEqual(base.topology.functions.map((f) => [f.bdf, f.parent, f.pcieType, f.headerType]));
    }
  });

  it('an ACSCtl line that lacks some bits: those read as clear, with a warning naming the line', () => {
    const fixture = oracleFixtures().find((f) => f.name.startsWith('a-'))!;
    const lines = fixture.lspci.split('\n');
    const at = lines.findIndex((l) => l.includes('ACSCtl:'));
    lines[at] = '\t\tACSCtl:\tSrcValid+ TransBlk- garbage UpstreamFwd+';
    const r = parsed(lines.join('\n'));
    const port = r.topology.functions.find((f) => f.bdf === '0000:00:02.0')!;
    expect(port.acs!.ctrl).toMatchObject({ sv: true, rr: false, cr: false, uf: true });
    expect(r.warnings.find((w) => w.line === at + 1)?.message).toBe(`line ${at + 1}: the ACSCtl line of 00:02.0 does not show ReqRedir, CmpltRedir, EgressCtrl, DirectTrans; those bits are taken as clear.`);
  });
});
