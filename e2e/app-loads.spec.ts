import { expect, test } from '@playwright/test';
import { graphDrawn } from './explorer.ts';

test('the app loads in Chromium, shows its title and draws the first scenario', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByTestId('app-title')).toHaveText('ioasid-explorer');
  await graphDrawn(page);
  await expect(page.getByTestId('event-log')).toBeVisible();
  await page.screenshot({ path: 'screenshots/app-loads.png' });
  expect(errors).toEqual([]);
});
