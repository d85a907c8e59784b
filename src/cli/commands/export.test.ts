// `cli export`: each format from a scenario file or an lspci text, and exit 2 with the place named
// for input that cannot be read (scenario-format.md "Command-line tool").
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../io/scenario.ts';
import { loadOracleFixture } from '../../testing/fixtures.ts';
import { InputError } from '../cliTypes.ts';
import { fakeIo } from '../testing/fakeIo.ts';
import { exportCommand } from './export.ts';

const lspci = loadOracleFixture('b-multifunction').lspci;
const scenario = (commands: unknown[]) =>
  JSON.stringify({ version: 1, name: 'b', topology: { lspci: 'b.txt' }, settings: { policy: 'legacy' }, commands }, null, 2);
const files = (commands: unknown[]) => ({ 'dir/s.json': scenario(commands), 'dir/b.txt': lspci });
const toVfio = [
  { op: 'driver.unbind', bdf: '01:00.0' },
  { op: 'driver.override', bdf: '01:00.0', driver: 'vfio-pci' },
  { op: 'driver.probe', bdf: '01:00.0' },
  { op: 'container.open', as: 'c1' },
  { op: 'group.open', bdf: '01:00.0' },
];

async function run(args: string[], fs: Record<string, string>) {
  const { io, out, err } = fakeIo(fs);
  const status = await exportCommand(args, io);
  return { status, out: out.join(''), err: err.join('\n') };
}

describe('cli export', () => {
  it('writes the picture of a scenario file, its trace and its DOT graph', async () => {
    const ascii = await run(['--format', 'ascii', 'dir/s.json'], files(toVfio));
    expect(ascii.status).toBe(0);
    expect(ascii.out).toMatch(/^"b"\n9 PCI functions in 6 IOMMU groups; legacy design/);
    expect(ascii.out.split('\n').every((l) => l.length <= 72 && /^[\x20-\x7e]*$/.test(l))).toBe(true);
    const trace = await run(['--format=trace', 'dir/s.json'], files(toVfio));
    expect(trace.out).toContain('\n5) open("/dev/vfio/4", O_RDWR) = 4\n');
    const dot = await run(['--format', 'dot', 'dir/s.json'], files(toVfio));
    expect(dot.out).toMatch(/^digraph "ioasid-explorer" \{\n[\s\S]*\n\}\n$/);
  });

  it('takes an lspci text as a scenario without commands, named after the file', async () => {
    const r = await run(['--format', 'trace', 'dir/b.txt'], files([]));
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^ioctl trace of "b\.txt",\nunder the upstream design[\s\S]*\n\(no commands\)\n/);
  });

  it('writes the normalised scenario, which reads back to the same machine and log', async () => {
    const r = await run(['--format', 'json', 'dir/s.json'], files(toVfio));
    expect(r.status).toBe(0);
    const back = readScenario(r.out);
    const original = readScenario(scenario(toVfio), { source: 'dir/s.json', readFile: (p) => files([])[p as 'dir/b.txt'] });
    if (!back.ok || !original.ok) throw new Error('unreadable');
    expect(back.scenario.topology).toEqual(original.scenario.topology);
    expect(back.scenario.settings).toEqual(original.scenario.settings);
    expect(back.scenario.commands[0]).toEqual({ op: 'driver.unbind', bdf: '0000:01:00.0' });
  });

  it('exits 2 naming the file and line of a broken scenario or lspci text, or the step of a malformed command', async () => {
    const broken = await run(['--format', 'ascii', 'dir/s.json'], { 'dir/s.json': '{\n  "version": 1,\n  oops\n}' });
    expect(broken).toMatchObject({ status: 2, out: '' });
    expect(broken.err).toMatch(/^dir\/s\.json, line 3: not valid JSON/);
    const binary = await run(['--format', 'ascii', 'x.txt'], { 'x.txt': 'lspci\n\u0000\u0001\u0002' });
    expect(binary.status).toBe(2);
    expect(binary.err).toMatch(/^x\.txt, line 2: .*binary/);
    const bad = await run(['--format', 'trace', 'dir/s.json'], files([...toVfio, { op: 'device.close', device: 'd9' }]));
    expect(bad.status).toBe(2);
    expect(bad.err).toBe('dir/s.json: step 6 (device.close): device.close: argument "device": no object was ever named "d9"');
  });

  it('exits 2 on a bad format or a missing argument; a missing file is an input error', async () => {
    expect(await run(['--format', 'png', 'x'], {})).toMatchObject({ status: 2, err: 'unknown format "png"; use one of ascii, dot, trace, json' });
    expect((await run(['dir/s.json'], files([]))).err).toMatch(/^give the format with --format\nusage: cli export --format ascii\|dot\|trace\|json SCENARIO_OR_LSPCI$/);
    expect((await run(['--format', 'ascii'], {})).status).toBe(2);
    await expect(run(['--format', 'ascii', 'nope.json'], {})).rejects.toThrow(InputError);
  });
});
