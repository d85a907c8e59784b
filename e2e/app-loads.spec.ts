import { expect, test } from '@playwright/test';

test('the app loads in Chromium and shows its title', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByTestId('app-title')).toHaveText('ioasid-explorer');
  await page.screenshot({ path: 'screenshots/app-loads.png' });
  expect(errors).toEqual([]);
});
