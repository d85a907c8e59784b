// The inspector explains a selection; the import dialog brings a machine from lspci text (with the
// kernel's groups, warnings by line, and a plain word where computed and kernel groups disagree);
// a bad paste changes nothing; the real kernel's machines are in the scenario picker.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { AUDIO, FIRST_LAYOUT_TIMEOUT, GPU, groupOf, openExplorer, shoot } from './explorer.ts';

/** The shipped copy of the real kernel's lspci text for a QEMU x3130 switch (its groups are known). */
const X3130 = readFileSync('src/scenarios/oracle/c-x3130-switch.lspci.txt', 'utf8');
const X3130_GROUPS = [
  '/sys/kernel/iommu_groups/0/devices/0000:00:00.0',
  '/sys/kernel/iommu_groups/1/devices/0000:00:02.0',
  '/sys/kernel/iommu_groups/2/devices/0000:00:1f.0',
  '/sys/kernel/iommu_groups/2/devices/0000:00:1f.2',
  '/sys/kernel/iommu_groups/2/devices/0000:00:1f.3',
  '/sys/kernel/iommu_groups/3/devices/0000:01:00.0',
  '/sys/kernel/iommu_groups/4/devices/0000:02:00.0',
  '/sys/kernel/iommu_groups/4/devices/0000:03:00.0',
  '/sys/kernel/iommu_groups/5/devices/0000:02:01.0',
  '/sys/kernel/iommu_groups/5/devices/0000:04:00.0',
].join('\n');

async function openImport(page: Page) {
  await page.getByTestId('import-button').click();
  await expect(page.getByTestId('import-dialog')).toBeVisible();
}

/** Whether the page has asked for the real-kernel scenarios' lspci texts. */
const textsFetched = (page: Page) => page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/realKernelTexts-')));

async function expectGroup(page: Page, id: number, members: string[]) {
  await expect(page.getByTestId(`group-${id}`)).toBeVisible();
  for (const bdf of members) await expect(page.getByTestId(`device-${bdf}`)).toHaveAttribute('data-group', String(id));
}

test('inspector: a selected device shows its facts and why it is in its group; a group its culprits', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  await page.getByTestId(`device-${AUDIO}`).click();
  const device = page.getByTestId('inspector-device');
  await expect(device).toHaveAttribute('data-bdf', AUDIO);
  await expect(device).toContainText('10de:1aef');
  await expect(page.getByTestId('inspector-why')).toContainText(/In group \d+ because it is .+/);
  await expect(device).toContainText(`joined through ${GPU}`);
  await shoot(page, 'inspector-1-device');

  // Keyboard: focus another device and press Enter.
  await page.getByTestId('device-0000:00:01.0').focus();
  await page.keyboard.press('Enter');
  await expect(device).toHaveAttribute('data-bdf', '0000:00:01.0');
  await expect(page.getByTestId('inspector-acs')).toContainText('capability');

  await page.getByTestId(`device-${GPU}`).click();
  await expect(page.getByTestId('inspector-why')).toContainText('allocated group');
  await device.getByRole('button', { name: `group ${await groupOf(page, GPU)}` }).click();
  const group = page.getByTestId('inspector-group');
  await expect(page.getByTestId('inspector-culprits')).toContainText('snd_hda_intel');
  await expect(group).toContainText('DMA');
  await shoot(page, 'inspector-2-group');

  await page.getByTestId('inspector-toggle').click();
  await expect(group).toHaveCount(0);
  await page.getByTestId('inspector-toggle').click();
  await expect(group).toBeVisible();
});

test("import: a fixture's lspci text and the kernel's listing load with the kernel's groups", async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  await openImport(page);
  await page.getByTestId('import-lspci').fill(X3130);
  await page.getByTestId('import-groups').fill(X3130_GROUPS);
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-findings')).toContainText("match the kernel's listing");
  await page.getByTestId('import-load').click();
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);

  await expect(page.getByTestId('device-0000:04:00.0')).toBeVisible({ timeout: FIRST_LAYOUT_TIMEOUT });
  await expect(page.getByTestId(`device-${AUDIO}`)).toHaveCount(0);
  await expectGroup(page, 4, ['0000:02:00.0', '0000:03:00.0']);
  await expectGroup(page, 5, ['0000:02:01.0', '0000:04:00.0']);
  await expectGroup(page, 3, ['0000:01:00.0']);
  await expect(page.locator('[data-testid^="group-"]')).toHaveCount(6);
  await expect(page.getByTestId('scenario-select')).toHaveValue('imported');
  await expect(page.getByTestId('undo-button')).toBeDisabled();
  await shoot(page, 'import-3-loaded');
});

test('import: warnings name their lines, and groups that disagree with the listing are said plainly', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  await openImport(page);
  // Without the ACS control lines the importer must assume them; the listing moves 03:00.0.
  const noControl = X3130.split('\n').filter((l) => !l.includes('ACSCtl')).join('\n');
  await page.getByTestId('import-lspci').fill(noControl);
  await page.getByTestId('import-groups').fill(X3130_GROUPS.replace('/4/devices/0000:03:00.0', '/9/devices/0000:03:00.0'));
  await page.getByTestId('import-check').click();
  const warnings = page.getByTestId('import-warnings');
  await expect(warnings).toContainText(/line \d+/);
  await expect(warnings).toContainText('no ACSCtl line');
  await expect(page.getByTestId('import-findings')).toContainText("differ from the kernel's listing");
  await shoot(page, 'import-1-dialog-warnings');

  await page.getByTestId('import-load').click();
  await expect(page.getByTestId('device-0000:04:00.0')).toBeVisible({ timeout: FIRST_LAYOUT_TIMEOUT });
  await expect(page.getByTestId('scenario-findings')).toContainText("differ from the kernel's listing");
  await expect(page.getByTestId('inspector-machine')).toContainText("differ from the kernel's listing");
  await page.getByTestId('device-0000:00:02.0').click();
  await expect(page.getByTestId('inspector-acs')).toContainText('Control bits were not in the input');
});

test('import: garbage is refused with its line, and the machine and the pasted text stay', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  await openImport(page);
  const garbage = 'this is not lspci\nat all\n';
  await page.getByTestId('import-lspci').fill(garbage);
  await page.getByTestId('import-load').click();
  await expect(page.getByTestId('import-error')).toContainText('line 1');
  await expect(page.getByTestId('import-dialog')).toBeVisible();
  await expect(page.getByTestId('import-lspci')).toHaveValue(garbage);
  await shoot(page, 'import-2-error');

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  await expect(page.getByTestId(`device-${GPU}`)).toBeVisible();
  await expect(page.getByTestId('scenario-select')).toHaveValue('gpu-audio-nvme');
  await openImport(page);
  await expect(page.getByTestId('import-lspci')).toHaveValue(garbage);
});

test('a "Real kernel" scenario loads the kernel\'s own machine and groups', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  const select = page.getByTestId('scenario-select');
  await expect(select.locator('option', { hasText: 'Real kernel:' })).toHaveCount(5);
  // Their lspci texts are a chunk of their own, asked for only when one is picked.
  expect(await textsFetched(page)).toBe(false);
  await select.selectOption('real-g-switch-under-noacs-rootport');
  await expect(page.getByTestId('device-0000:05:00.0')).toBeVisible({ timeout: FIRST_LAYOUT_TIMEOUT });
  await expectGroup(page, 1, ['0000:00:02.0', '0000:01:00.0', '0000:02:00.0', '0000:02:01.0', '0000:02:02.0', '0000:03:00.0', '0000:04:00.0', '0000:05:00.0']);
  await expectGroup(page, 4, ['0000:06:00.0']);
  await expect(page.getByTestId('scenario-findings')).toContainText("match the kernel's listing");
  await shoot(page, 'scenario-real-kernel-switch');
  expect(await textsFetched(page)).toBe(true);
});

test('a "Real kernel" scenario whose text cannot be loaded says so and leaves the machine on screen', async ({ page }) => {
  await page.route(/\/realKernelTexts-[^/]*\.js$/, (route) => route.abort());
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  const select = page.getByTestId('scenario-select');
  await select.selectOption('real-c-x3130-switch');
  await expect(page.getByTestId('scenario-pick-failure')).toContainText('"Real kernel: X3130 switch" could not be loaded');
  await expect(page.getByTestId('scenario-pick-failure')).toContainText('The machine on screen is unchanged; reload the page to try again.');
  await expect(select).toHaveValue('gpu-audio-nvme');
  await expect(page.getByTestId(`device-${GPU}`)).toBeVisible();
  await shoot(page, 'scenario-real-kernel-load-failed');
  // Another scenario opened: the word was about the one before it.
  await select.selectOption('sriov-nic');
  await expect(select).toHaveValue('sriov-nic');
  await expect(page.getByTestId('scenario-pick-failure')).toHaveCount(0);
});

test('while a "Real kernel" text loads the picker says so, and a later pick wins', async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/realKernelTexts-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  const select = page.getByTestId('scenario-select');
  await select.selectOption('real-c-x3130-switch');
  await expect(page.getByTestId('scenario-pick-opening')).toHaveText('Opening Real kernel: X3130 switch…');
  await shoot(page, 'scenario-real-kernel-opening');
  await select.selectOption('sriov-nic');
  await expect(select).toHaveValue('sriov-nic');
  await expect(page.getByTestId('scenario-pick-opening')).toHaveCount(0);
  release();
  await expect.poll(() => textsFetched(page)).toBe(true);
  // The text arrived after the later pick: the later pick stays.
  await page.waitForTimeout(300);
  await expect(select).toHaveValue('sriov-nic');
});
