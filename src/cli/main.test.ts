// The command line as a process: exit statuses and one-line messages, never a stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oracleDir } from '../testing/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'cli-test-'));
const binary = join(dir, 'random.bin');
writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli process', () => {
  it('exits 0 and prints groups for a real lspci file', () => {
    const r = cli('groups', '--json', join(oracleDir, 'b-multifunction/lspci-vvvnn.txt'));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).groups.length).toBeGreaterThan(3);
  });

  it('exports the plain-text picture of a real lspci file: 7-bit, at most 72 columns', () => {
    const r = cli('export', '--format', 'ascii', join(oracleDir, 'c-x3130-switch/lspci-vvvnn.txt'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^"lspci-vvvnn\.txt"\n/);
    expect(r.stdout.split('\n').every((l) => l.length <= 72 && /^[\x20-\x7e]*$/.test(l))).toBe(true);
  });

  it.each([
    ['random bytes', ['groups', binary], /random\.bin, line \d+: .*binary/],
    ['a missing file', ['groups', join(dir, 'nope.txt')], /nope\.txt: cannot read the file/],
    ['an unknown command', ['frobnicate'], /unknown command "frobnicate"/],
  ])('exits 2 with one clear message for %s', (_what, args, message) => {
    const r = cli(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
