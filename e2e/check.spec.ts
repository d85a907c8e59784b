// The Check panel (issue 7): the exploration runs in a Web Worker on the current scenario, says for
// each design whether I1-I5 hold, shows a shortest counterexample for each broken one and loads it
// into the timeline; a run cancelled midway leaves the panel usable.
import { expect, test, type Page } from '@playwright/test';
import { openExplorer, shoot } from './explorer.ts';

/** A check's searches on a busy two-core machine: the seed-like world takes seconds, not minutes. */
const RUN_TIMEOUT = 120_000;

async function openCheck(page: Page) {
  await page.getByTestId('panel-tab-check').click();
  await expect(page.getByTestId('check-panel')).toBeVisible();
  // A taller dock, so the results and the screenshots have room.
  const handle = page.getByRole('separator', { name: 'Resize the bottom panels' });
  await handle.focus();
  for (let i = 0; i < 6; i++) await handle.press('ArrowUp');
}

test('legacy breaks I3 on the GPU + HDMI audio group; its counterexample replays in the timeline', async ({ page }) => {
  test.setTimeout(RUN_TIMEOUT + 60_000);
  await openExplorer(page, 'gpu-audio-nvme', 'legacy');
  await openCheck(page);
  const panel = page.getByTestId('check-panel');
  await page.getByTestId('check-run').click();
  await expect(panel).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('check-progress-figures')).toContainText('states');
  await shoot(page, 'check-1-running');

  await expect(panel).toHaveAttribute('data-status', 'done', { timeout: RUN_TIMEOUT });
  await expect(page.getByTestId('check-result-legacy-I3')).toHaveAttribute('data-holds', 'false');
  await expect(page.getByTestId('check-result-legacy-I5')).toHaveAttribute('data-holds', 'false');
  for (const id of ['I1', 'I2', 'I3', 'I4', 'I5']) await expect(page.getByTestId(`check-result-upstream-${id}`)).toHaveAttribute('data-holds', 'true');
  await expect(page.getByTestId('check-diff-kind').first()).toBeVisible();
  const commands = page.getByTestId('check-commands-legacy-I3').locator('li');
  const count = await commands.count();
  expect(count).toBeGreaterThan(2);
  await expect(commands.last()).toHaveText('container.setIommu container=c1 type=type1');
  await shoot(page, 'check-2-results');
  await page.getByTestId('check-diff-results').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shoot(page, 'check-2-diff');

  await page.getByTestId('check-load-legacy-I3').click();
  await expect(page.getByTestId('panel-timeline')).toBeVisible();
  await expect(page.getByTestId('policy-select')).toHaveValue('legacy');
  const steps = page.getByTestId('timeline-step');
  await expect(steps).toHaveCount(count);
  await expect(steps.last()).toContainText('container.setIommu');
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-done', String(count));
  await shoot(page, 'check-3-loaded');

  // The results stay while the panel is hidden.
  await page.getByTestId('panel-tab-check').click();
  await expect(page.getByTestId('check-result-legacy-I3')).toHaveAttribute('data-holds', 'false');
});

test('a run cancelled midway leaves the panel usable', async ({ page }) => {
  test.setTimeout(RUN_TIMEOUT + 60_000);
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  await openCheck(page);
  const panel = page.getByTestId('check-panel');
  // A world too large to finish soon: three containers and four device fds.
  await page.getByTestId('check-bound-containers').fill('3');
  await page.getByTestId('check-bound-devices').fill('4');
  await page.getByTestId('check-run').click();
  await expect(page.getByTestId('check-progress-figures')).toContainText('states');
  // The page answers while the worker searches: the tabs still switch.
  await page.getByTestId('panel-tab-log').click();
  await expect(page.getByTestId('panel-log')).toBeVisible();
  await page.getByTestId('panel-tab-check').click();
  await page.getByTestId('check-cancel').click();
  await expect(panel).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('check-run')).toBeEnabled();
  await shoot(page, 'check-4-cancelled');

  // Usable again: a small world, one design, no diff, runs to the end.
  await page.getByTestId('check-bound-containers').fill('1');
  await page.getByTestId('check-bound-devices').fill('1');
  await page.getByTestId('check-policy-legacy').uncheck();
  await page.getByTestId('check-policy-rfc-v2').uncheck();
  await page.getByTestId('check-diff').uncheck();
  await page.getByTestId('check-run').click();
  await expect(panel).toHaveAttribute('data-status', 'done', { timeout: RUN_TIMEOUT });
  await expect(page.getByTestId('check-result-upstream-I3')).toHaveAttribute('data-holds', 'true');
  await expect(page.getByTestId('check-result-legacy-I3')).toHaveCount(0);
});
