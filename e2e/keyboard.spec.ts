// Keyboard only: a device is selected with Enter and bound by pressing Enter on a driver.
import { expect, test } from '@playwright/test';
import { GPU, groupOf, openExplorer, shoot } from './explorer.ts';

test('a device can be handed to vfio-pci without a mouse', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  // One Tab stop per device: React Flow's node wrappers are not focusable themselves.
  await expect(page.locator('.react-flow__node[tabindex]')).toHaveCount(0);
  const device = page.getByTestId(`device-${GPU}`);
  await device.focus();
  await page.keyboard.press('Enter');
  const vfio = page.getByTestId('driver-vfio-pci');
  await expect(vfio).toBeEnabled();
  await vfio.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('event-log')).toContainText('driver.probe 0000:01:00.0');
  await expect(device).toContainText('vfio-pci');
  const group = page.getByTestId(`group-${await groupOf(page, GPU)}`);
  await expect(group).toHaveAttribute('data-viable', 'false');
  await shoot(page, 'keyboard-vfio');
});
