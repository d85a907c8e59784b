// Exports (issue 6): the text exports with their copy buttons; a share link opened in a fresh
// browser restores the state; the PNG picture carries the scenario and, dropped on the app, opens it
// again; the scenario file opens from the import dialog; the SVG renders as an image and keeps
// hostile names as text. Every picture is saved under screenshots/ to be looked at.
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { scenarioTextOfPng } from '../src/io/export/pngScenario.ts';
import { encodeShareLink } from '../src/io/export/shareLink.ts';
import { scenarioJson } from '../src/io/export/scenarioJson.ts';
import { hostileScenario } from '../src/io/export/testing/hostile.ts';
import { computeGroups } from '../src/model/grouping/computeGroups.ts';
import { syntheticTopology } from '../src/model/topology/synthetic.ts';
import { AUDIO, dragToDriver, FIRST_LAYOUT_TIMEOUT, GPU, graphDrawn, openExplorer, run, shoot, shownState } from './explorer.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const SHOTS = 'screenshots';
mkdirSync(SHOTS, { recursive: true });


/** GPU and audio to vfio-pci by drag, then the legacy VFIO sequence to a device fd. */
async function someWork(page: Page) {
  await openExplorer(page, 'gpu-audio-nvme', 'legacy');
  await dragToDriver(page, GPU, 'vfio-pci');
  await dragToDriver(page, AUDIO, 'vfio-pci');
  await run(
    page,
    { op: 'container.open', as: 'c1' },
    { op: 'group.open', bdf: GPU },
    { op: 'group.setContainer', bdf: GPU, container: 'c1' },
    { op: 'container.setIommu', container: 'c1', type: 'type1' },
    { op: 'group.getDeviceFd', bdf: GPU, as: 'gpu' },
  );
  // One refusal, so the log carries an answer that is not "ok".
  await run(page, { op: 'driver.bind', bdf: '0000:02:00.0', driver: 'vfio-pci' });
  await expect(page.getByTestId('event-log')).toContainText('commands under legacy');
}

async function openExport(page: Page) {
  await page.getByTestId('export-button').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
}

/** A page in a browser context of its own: no clipboard, storage or autosave from another test. */
async function freshPage(browser: Browser): Promise<{ other: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const other = await context.newPage();
  const errors: string[] = [];
  other.on('pageerror', (e) => errors.push(e.message));
  return { other, errors };
}

/** Drops a file on the graph, as a file manager would. */
async function dropFile(page: Page, bytes: Buffer, name: string, type: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name, type }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], name, { type }));
      return dt;
    },
    { base64: bytes.toString('base64'), name, type },
  );
  await page.dispatchEvent('.react-flow', 'dragenter', { dataTransfer });
  await page.dispatchEvent('.react-flow', 'drop', { dataTransfer });
}

async function download(page: Page, testId: string, path: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  await file.saveAs(path);
  await expect(page.getByTestId('export-status')).toContainText(`Saved ${file.suggestedFilename()}`);
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

test('text exports: the ASCII picture, the trace and DOT, each copied to the clipboard', async ({ page }) => {
  await someWork(page);
  await openExport(page);
  const text = page.getByTestId('export-text');
  await expect(text).toHaveAttribute('data-format', 'ascii');
  const ascii = (await text.textContent())!;
  for (const bdf of ['00:01.0', '01:00.0', '01:00.1', '02:00.0']) expect(ascii).toContain(bdf);
  for (const line of ascii.split('\n')) {
    expect(line.length).toBeLessThanOrEqual(72);
    expect(line).toMatch(/^[\x20-\x7e]*$/);
  }
  await page.getByTestId('export-copy-ascii').click();
  await expect(page.getByTestId('export-copy-ascii-status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(ascii);
  await shoot(page, 'export-1-ascii');

  await page.getByTestId('export-tab-trace').click();
  await expect(text).toHaveAttribute('data-format', 'trace');
  await expect(text).toContainText('VFIO_GROUP_GET_DEVICE_FD');
  await page.getByTestId('export-copy-trace').click();
  await expect(page.getByTestId('export-copy-trace-status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await text.textContent());
  await shoot(page, 'export-2-trace');

  await page.getByTestId('export-tab-dot').click();
  await expect(text).toContainText('digraph');
  await page.getByTestId('export-copy-dot').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^(\/\/.*\n)*digraph/);
  const dot = await download(page, 'export-download-dot', `${SHOTS}/export.dot`);
  expect(dot.name).toMatch(/^gpu-audio-nvme-\d{4}-\d\d-\d\d\.dot$/);
  expect(dot.bytes.toString('utf8')).toBe(await text.textContent());

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-dialog')).toHaveCount(0);
});

test('share link: copied, then opened in a fresh browser, shows the same state', async ({ page, browser }) => {
  await someWork(page);
  const before = await shownState(page);
  await openExport(page);
  const field = page.getByTestId('export-link');
  await expect(field).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/#v1=[A-Za-z0-9_-]+$/);
  const link = await field.inputValue();
  await expect(page.getByTestId('export-link-note')).toContainText(`${link.length.toLocaleString('en')} characters`);
  await page.getByTestId('export-copy-link').click();
  await expect(page.getByTestId('export-copy-link-status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await shoot(page, 'export-3-link');

  const { other, errors } = await freshPage(browser);
  await other.goto(link);
  await graphDrawn(other);
  await expect(other.getByTestId('event-log')).toContainText(before.logCount!.trim());
  await expect.poll(() => shownState(other)).toEqual(before);
  expect(errors).toEqual([]);
  await other.close();
});

test('PNG: the picture carries the scenario; dropped on the app it opens the same state', async ({ page, browser }) => {
  await someWork(page);
  const before = await shownState(page);
  await openExport(page);
  const png = await download(page, 'export-png', `${SHOTS}/export-graph.png`);
  expect(png.name).toMatch(/^gpu-audio-nvme-\d{4}-\d\d-\d\d\.png$/);
  const carried = await scenarioTextOfPng(new Uint8Array(png.bytes));
  expect(carried.ok && JSON.parse(carried.text).name).toBe(before.scenario);
  // Fitted to the graph at twice the pixels: wider than a screen's worth of 1x pixels.
  expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(1000);

  const { other, errors } = await freshPage(browser);
  await openExplorer(other, 'switch-no-acs', 'upstream');
  await dropFile(other, png.bytes, png.name, 'image/png');
  await expect(other.getByTestId(`device-${GPU}`)).toBeVisible({ timeout: FIRST_LAYOUT_TIMEOUT });
  await expect(other.getByTestId('policy-select')).toHaveValue('legacy');
  await expect(other.getByTestId('event-log')).toContainText(before.logCount!.trim());
  await expect.poll(() => shownState(other)).toEqual(before);
  await shoot(other, 'export-4-png-dropped');

  // A picture from elsewhere, and a damaged one, change nothing and say why.
  const plain = await page.screenshot();
  await dropFile(other, plain, 'screenshot.png', 'image/png');
  await expect(other.getByTestId('scenario-open-error')).toContainText('screenshot.png: it carries no scenario');
  const damaged = Buffer.from(png.bytes);
  damaged[damaged.length - 30]! ^= 0xff;
  await dropFile(other, damaged, 'damaged.png', 'image/png');
  await expect(other.getByTestId('scenario-open-error')).toContainText('damaged.png: it is damaged: chunk');
  await expect.poll(() => shownState(other)).toEqual(before);
  await shoot(other, 'export-5-png-refused');
  expect(errors).toEqual([]);
  await other.close();
});

test('scenario file: saved, then chosen in the import dialog of a fresh browser, opens the same state', async ({ page, browser }) => {
  await someWork(page);
  const before = await shownState(page);
  await openExport(page);
  const json = await download(page, 'export-json', `${SHOTS}/export-scenario.json`);
  expect(json.name).toMatch(/^gpu-audio-nvme-\d{4}-\d\d-\d\d\.json$/);

  const { other, errors } = await freshPage(browser);
  await openExplorer(other, 'pci-bridge', 'upstream');
  await other.getByTestId('import-button').click();
  await shoot(other, 'export-8-import-dialog');
  await other.getByTestId('import-scenario-file').setInputFiles(`${SHOTS}/export-scenario.json`);
  await expect(other.getByTestId('import-dialog')).toHaveCount(0);
  await expect(other.getByTestId(`device-${GPU}`)).toBeVisible({ timeout: FIRST_LAYOUT_TIMEOUT });
  await expect(other.getByTestId('event-log')).toContainText(before.logCount!.trim());
  await expect.poll(() => shownState(other)).toEqual(before);
  expect(errors).toEqual([]);
  await other.close();
});

test('SVG: renders as an image; names with markup stay text', async ({ page }) => {
  const name = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const hostile = scenarioJson(hostileScenario(name));
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  await dropFile(page, Buffer.from(hostile), 'hostile.json', 'application/json');
  await expect(page.getByTestId('device-0000:02:00.0')).toBeVisible({ timeout: FIRST_LAYOUT_TIMEOUT });
  await openExport(page);
  const svg = await download(page, 'export-svg', `${SHOTS}/export-hostile.svg`);
  const text = svg.bytes.toString('utf8');
  expect(text).toMatch(/^<svg /);
  expect(text).toContain('&lt;script&gt;window.__pwned=2&lt;/script&gt;');
  const parsed = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      scripts: doc.querySelectorAll('script').length,
      handlers: [...doc.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    };
  }, text);
  expect(parsed).toEqual({ error: null, scripts: 0, handlers: 0 });

  // Rendered by the browser as a picture, the way a bug tracker shows an attachment.
  const view = await page.context().newPage();
  await view.setContent(`<body style="margin:0;background:#fff"><img id="svg" src="data:image/svg+xml;base64,${svg.bytes.toString('base64')}"></body>`);
  const img = view.locator('#svg');
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(300);
  await img.screenshot({ path: `${SHOTS}/export-6-svg-hostile.png` });
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await view.close();
});

test('SVG of a built-in scenario renders as an image', async ({ page }) => {
  await someWork(page);
  await openExport(page);
  const svg = await download(page, 'export-svg', `${SHOTS}/export-graph.svg`);
  const text = svg.bytes.toString('utf8');
  expect(text).toMatch(/^<svg /);
  // Styles as computed values only: no custom property is left to feed a var().
  expect(text).not.toMatch(/--tw-/);
  console.log(`SVG of gpu-audio-nvme: ${svg.bytes.length} bytes`);
  const view = await page.context().newPage();
  await view.setContent(`<body style="margin:0;background:#fff"><img id="svg" src="data:image/svg+xml;base64,${svg.bytes.toString('base64')}"></body>`);
  const img = view.locator('#svg');
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(600);
  await img.screenshot({ path: `${SHOTS}/export-7-svg-graph.png` });
  await view.close();
});

test('a share link of a 1,000-function machine with a command log opens', async ({ page }) => {
  const topology = syntheticTopology(1000, 7);
  const gpu = topology.functions.find((f) => f.pcieType === 'endpoint' && f.driver !== null)!;
  const hash = await encodeShareLink({
    name: 'Synthetic server, 1,000 functions',
    topology,
    grouping: computeGroups(topology),
    groupsFrom: 'computed',
    settings: { policy: 'upstream', acsOverride: [], strictSwitch: false },
    commands: [
      { op: 'driver.unbind', bdf: gpu.bdf },
      { op: 'driver.override', bdf: gpu.bdf, driver: 'vfio-pci' },
      { op: 'driver.probe', bdf: gpu.bdf },
    ],
  });
  console.log(`share link of 1,000 functions and 3 commands: ${hash.length} characters after the address`);
  await page.goto(`/?animations=off${hash}`);
  await page.waitForFunction(() => performance.getEntriesByName('explorer:graph-ready').length > 0, null, { timeout: 90_000 });
  await expect(page.getByTestId('scenario-select').locator('option:checked')).toHaveText('Synthetic server, 1,000 functions');
  await expect(page.getByTestId('event-log')).toContainText('3 commands under upstream');
  await expect(page.getByTestId('log-entry')).toHaveCount(3);
});
