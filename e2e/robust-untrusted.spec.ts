// Untrusted text (issue 10 item 3): an lspci paste whose device and driver names hold markup and
// script is shown as text in the graph, the inspector, the text exports, the SVG and the PNG's
// scenario; no script runs (a `window.__pwned` flag stays unset, no dialog opens).
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { scenarioTextOfPng } from '../src/io/export/pngScenario.ts';
import { FIRST_LAYOUT_TIMEOUT, openExplorer, shoot } from './explorer.ts';

const DEVICE_NAME = '<script>window.__pwned=1</script>';
const DRIVER_NAME = '"><img/src=x/onerror=window.__pwned=2>';
const NVME = '0000:04:00.0';

/** A real kernel's listing with the NVMe drive's name and the NIC's driver replaced by markup. */
const HOSTILE_LSPCI = readFileSync('src/scenarios/oracle/c-x3130-switch.lspci.txt', 'utf8')
  .replace('Red Hat, Inc. QEMU NVM Express Controller', DEVICE_NAME)
  .replace('Kernel driver in use: e1000e', `Kernel driver in use: ${DRIVER_NAME}`);

async function download(page: Page, testId: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFileSync((await file.path())!);
}

test('markup in device and driver names is shown as text everywhere and never runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-lspci').fill(HOSTILE_LSPCI);
  await page.getByTestId('import-load').click();
  const nvme = page.getByTestId(`device-${NVME}`);
  await expect(nvme).toBeVisible({ timeout: FIRST_LAYOUT_TIMEOUT });

  // The graph: the name as its characters, no element made of it.
  await expect(nvme).toContainText(DEVICE_NAME);
  const nic = page.locator(`[data-testid^="device-"][data-driver="${DRIVER_NAME.replace(/"/g, '\\"')}"]`);
  await expect(nic).toHaveCount(1);
  await expect(nic).toContainText(DRIVER_NAME);
  expect(await page.locator('#root script, #root img[src="x"]').count()).toBe(0);

  // The inspector.
  await nvme.click();
  await expect(page.getByTestId('inspector-device')).toContainText(DEVICE_NAME);
  await nic.click();
  await expect(page.getByTestId('inspector-device')).toContainText(DRIVER_NAME);
  await shoot(page, 'robust-7-markup-names');

  // The exports: ASCII and DOT as text; the SVG without script or handlers; the PNG's scenario.
  await page.getByTestId('export-button').click();
  // The ASCII picture cuts long names to fit 72 columns; what it keeps is the same characters.
  await expect(page.getByTestId('export-text')).toContainText(DEVICE_NAME.slice(0, 20));
  await expect(page.getByTestId('export-text')).toContainText(DRIVER_NAME.slice(0, 10));
  await page.getByTestId('export-tab-dot').click();
  await expect(page.getByTestId('export-text')).toContainText(DEVICE_NAME.replace(/"/g, '\\"'));
  const svg = (await download(page, 'export-svg')).toString('utf8');
  expect(svg).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
  const parsed = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return { scripts: doc.querySelectorAll('script').length, handlers: [...doc.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length };
  }, svg);
  expect(parsed).toEqual({ scripts: 0, handlers: 0 });
  const carried = await scenarioTextOfPng(new Uint8Array(await download(page, 'export-png')));
  if (!carried.ok) throw new Error(carried.error);
  const functions = (JSON.parse(carried.text) as { topology: { functions: { name: string; driver: string | null }[] } }).topology.functions;
  expect(functions.map((f) => f.name)).toContain(DEVICE_NAME);
  expect(functions.map((f) => f.driver)).toContain(DRIVER_NAME);

  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
