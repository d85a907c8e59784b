// Compare designs: the current log replayed under all three policies, step by step, with the rows
// where they answer differently marked. The seed's case: a host driver bound into a group in use is
// a kernel BUG under legacy VFIO and the RFC v2 plan, and EBUSY upstream (the real kernel's answer).
import { expect, test, type Page } from '@playwright/test';
import { AUDIO, graphDrawn, openExplorer, shoot } from './explorer.ts';

async function runInConsole(page: Page, op: string, fields: Record<string, string>) {
  await page.getByTestId('console-op').selectOption(op);
  for (const [name, value] of Object.entries(fields)) await page.getByTestId(`console-field-${name}`).selectOption(value);
  await page.getByTestId('console-run').click();
}

test('seed flow: the host driver bound into the in-use group is BUG, BUG, EBUSY', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'rfc-v2');
  await page.getByTestId('panel-tab-timeline').click();
  await page.getByTestId('timeline-flows').selectOption('flow-seed-device-fd-new');
  await graphDrawn(page);
  // After the audio function's fd is closed: it is unbound from the iommu fd, the GPU still is not.
  await page.locator('[data-testid="timeline-step"][data-index="19"]').getByTestId('timeline-travel').click();
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-done', '19');

  // Under upstream's rules (a view change, not a step) the bind is refused, so no BUG stops the page.
  await page.getByTestId('policy-select').selectOption('upstream');
  await page.getByTestId('panel-tab-console').click();
  await runInConsole(page, 'driver.unbind', { bdf: AUDIO });
  await runInConsole(page, 'driver.override', { bdf: AUDIO, driver: '' });
  await runInConsole(page, 'driver.bind', { bdf: AUDIO, driver: 'snd_hda_intel' });
  await expect(page.getByTestId('console-answer')).toHaveAttribute('data-errno', 'EBUSY');

  await page.getByTestId('panel-tab-compare').click();
  const rows = page.getByTestId('compare-row');
  await expect(rows).toHaveCount(22);
  const bind = rows.last();
  await expect(bind).toHaveAttribute('data-op', 'driver.bind');
  await expect(bind).toHaveAttribute('data-differs', 'true');
  await expect(bind.getByTestId('compare-cell-legacy')).toHaveAttribute('data-answer', 'BUG');
  await expect(bind.getByTestId('compare-cell-rfc-v2')).toHaveAttribute('data-answer', 'BUG');
  await expect(bind.getByTestId('compare-cell-upstream')).toHaveAttribute('data-answer', 'EBUSY');
  await expect(bind.getByTestId('compare-cell-legacy')).toHaveAttribute('data-outcome', 'bug');
  await expect(bind.getByTestId('compare-cell-upstream')).toHaveAttribute('data-outcome', 'errno');

  // GET_DEVICE_FD_NEW exists only in the plan; the driver moves are answered alike.
  const getFdNew = page.locator('[data-testid="compare-row"][data-op="group.getDeviceFdNew"]').first();
  await expect(getFdNew.getByTestId('compare-cell-legacy')).toHaveAttribute('data-answer', 'ENOTTY');
  await expect(getFdNew.getByTestId('compare-cell-rfc-v2')).toHaveAttribute('data-answer', 'ok');
  await expect(rows.first()).toHaveAttribute('data-differs', 'false');
  // A taller bottom dock (its handle takes the arrow keys) and the row in view, for the picture.
  await page.getByRole('separator', { name: 'Resize the bottom panels' }).focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowUp');
  await bind.scrollIntoViewIfNeeded();
  for (const dismiss of await page.getByTestId('toast').getByRole('button', { name: 'dismiss' }).all()) await dismiss.click();
  await shoot(page, 'compare-1-seed-host-driver');

  await page.getByTestId('compare-only-differing').check();
  const differing = Number(await page.getByTestId('compare-view').getAttribute('data-differing'));
  expect(differing).toBeGreaterThan(1);
  await expect(rows).toHaveCount(differing);
  await expect(page.locator('[data-testid="compare-row"][data-differs="false"]')).toHaveCount(0);
  await shoot(page, 'compare-2-only-differing');
});
