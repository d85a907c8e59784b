// Robustness (issue 10): whatever is pasted, the page stays up and says what it could not read.
// Each shared fixture cut at a random line; a file of random bytes; a 50 MB paste, read in a worker
// while the page keeps answering (measured: the longest stall of the page's thread is printed).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openExplorer, shoot } from './explorer.ts';

const SHARED = '../shared';
const FIXTURES = [
  ...readdirSync(join(SHARED, 'oracle'), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'harness').map((d) => join(SHARED, 'oracle', d.name, 'lspci-vvvnn.txt')),
  ...readdirSync(join(SHARED, 'real'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(SHARED, 'real', d.name, 'lspci.txt')),
];

/** A small deterministic generator, so a failure can be repeated. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

async function openImport(page: Page) {
  await page.getByTestId('import-button').click();
  await expect(page.getByTestId('import-dialog')).toBeVisible();
}

/** Records the gaps between 20 ms timer ticks on the page: a long gap is the page frozen. */
async function startHeartbeat(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __gaps: number[] };
    w.__gaps = [];
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      w.__gaps.push(now - last);

      last = now;
      setTimeout(tick, 20);
    };
    setTimeout(tick, 20);
  });
}

const longestStall = (page: Page) => page.evaluate(() => Math.round(Math.max(0, ...(window as unknown as { __gaps: number[] }).__gaps)));

test('each shared fixture cut at a random line: a machine with warnings, or an error naming the line; never a blank page', async ({ page }) => {
  test.setTimeout(180_000);
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  const next = random(10);
  await openImport(page);
  for (const file of FIXTURES) {
    const lines = readFileSync(file, 'utf8').split('\n');
    const keep = 1 + Math.floor(next() * (lines.length - 1));
    const cut = [...lines.slice(0, keep), (lines[keep] ?? '').slice(0, Math.floor(next() * 40))].join('\n');
    await page.getByTestId('import-lspci').fill(cut);
    await page.getByTestId('import-check').click();
    const answer = page.getByTestId('import-report').or(page.getByTestId('import-error'));
    await expect(answer, file).toBeVisible();
    if (await page.getByTestId('import-error').isVisible()) await expect(page.getByTestId('import-error'), file).toContainText(/line \d+/);
    else await expect(page.getByTestId('import-report'), file).toContainText(/Read \d+ functions/);
  }
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('device-0000:01:00.0')).toBeVisible();
});

test('a file of random bytes is refused as binary, naming where', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  await openImport(page);
  const next = random(7);
  const bytes = Buffer.from(Array.from({ length: 64 * 1024 }, () => Math.floor(next() * 256)));
  await page.getByTestId('import-dialog').locator('input[type="file"]').first().setInputFiles({ name: 'random.bin', mimeType: 'application/octet-stream', buffer: bytes });
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-error')).toContainText(/random\.bin, line \d+: not the text lspci -vvv prints: the input looks binary \(first bad byte at offset \d+\)/);
  await shoot(page, 'robust-4-random-bytes');
});

test('a 50 MB paste is read off the page\'s thread: the page keeps answering, and it says what it could not read', async ({ page }) => {
  test.setTimeout(240_000);
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  await openImport(page);
  // 50 MB of text arrives as a dropped file would (Playwright's fill() of 50 MB takes minutes).
  const file = join(test.info().outputDir, 'junk-50mb.txt');
  mkdirSync(test.info().outputDir, { recursive: true });
  writeFileSync(file, 'lorem ipsum dolor sit amet, 00:1f.3 consectetur: [8086:a2f0] <b>not lspci</b>\n'.repeat(Math.ceil((50 * 1024 * 1024) / 78)));
  await startHeartbeat(page);
  let t = Date.now();
  await page.getByTestId('import-dialog').locator('input[type="file"]').first().setInputFiles(file);
  await expect(page.getByTestId('import-lspci-large')).toContainText('50.0 MB of text: too large to show here');
  await expect(page.getByTestId('import-check')).toBeEnabled();
  const fillMs = Date.now() - t;
  const stallWhilePasting = await longestStall(page);
  await startHeartbeat(page);
  t = Date.now();
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-reading')).toContainText('Reading 50.');
  await shoot(page, 'robust-5-reading-50mb');
  // The page answers while the worker reads: the policy can be changed behind the dialog.
  expect(await page.evaluate(() => document.querySelector('[data-testid="policy-select"]') !== null)).toBe(true);
  await expect(page.getByTestId('import-error')).toContainText('no PCI device line found', { timeout: 120_000 });
  const readMs = Date.now() - t;
  const stallWhileReading = await longestStall(page);
  console.log(`50 MB paste: fill ${fillMs} ms (longest stall ${stallWhilePasting} ms); check ${readMs} ms (longest stall while reading ${stallWhileReading} ms)`);
  // Measured on a shared 2-core machine: 0.2-2.3 s (copying 50 MB to the worker, garbage collection,
  // other processes); before the worker, reading alone held the page 3.6 s and the text box minutes.
  expect(stallWhileReading).toBeLessThan(3000);
  await shoot(page, 'robust-6-50mb-refused');
});

test('a 50 MB listing of a real machine repeated: reading can be stopped, and nothing changes', async ({ page }) => {
  test.setTimeout(120_000);
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  await openImport(page);
  // Copies of a real kernel's listing, each in its own PCI domain: valid text of some 22,000 functions.
  const listing = readFileSync(join(SHARED, 'oracle', 'n-sriov-behind-switch', 'lspci-vvvnn.txt'), 'utf8');
  const copies = Math.ceil((50 * 1024 * 1024) / listing.length);
  const file = join(test.info().outputDir, 'copies-50mb.txt');
  mkdirSync(test.info().outputDir, { recursive: true });
  writeFileSync(file, Array.from({ length: copies }, (_, d) => listing.replace(/^0000:/gm, `${(d + 1).toString(16).padStart(4, '0')}:`)).join('\n'));
  await page.getByTestId('import-dialog').locator('input[type="file"]').first().setInputFiles(file);
  await expect(page.getByTestId('import-lspci-large')).toContainText('MB of text: too large to show here');
  await page.getByTestId('import-load').click();
  await expect(page.getByTestId('import-reading')).toBeVisible();
  await page.getByTestId('import-stop').click();
  await expect(page.getByTestId('import-error')).toContainText('copies-50mb.txt: reading was stopped; nothing was imported.');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('scenario-select')).toHaveValue('gpu-audio-nvme');
  await expect(page.getByTestId('device-0000:01:00.0')).toBeVisible();
});
