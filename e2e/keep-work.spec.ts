// Opening another scenario never costs the work on the current one: a notice offers to go back.
import { expect, test } from '@playwright/test';
import { dragToDriver, GPU, graphDrawn, openExplorer, shoot } from './explorer.ts';

test('opening another scenario keeps the work it replaces; "Go back to it" restores it', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  await dragToDriver(page, GPU, 'vfio-pci');
  await expect(page.getByTestId(`device-${GPU}`)).toHaveAttribute('data-driver', 'vfio-pci');

  await page.getByTestId('scenario-select').selectOption('sriov-nic');
  await graphDrawn(page);
  const back = page.getByTestId('restore-previous');
  await expect(back).toBeVisible();
  await expect(page.getByTestId('toast').filter({ has: back })).toContainText('Your 1 step on');
  await shoot(page, 'keep-work-1-offered');

  await back.click();
  await expect(page.getByTestId('scenario-select')).toHaveValue('gpu-audio-nvme');
  await expect(page.getByTestId(`device-${GPU}`)).toHaveAttribute('data-driver', 'vfio-pci');
  await expect(page.getByTestId('undo-button')).toBeEnabled();
});
