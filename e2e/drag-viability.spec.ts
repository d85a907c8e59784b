// Dragging devices onto vfio-pci with the real mouse changes their group's viability.
import { expect, test } from '@playwright/test';
import { AUDIO, dragToDriver, GPU, groupOf, openExplorer, shoot } from './explorer.ts';

test('dragging the GPU and then its audio function to vfio-pci makes their group viable', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  const group = page.getByTestId(`group-${await groupOf(page, GPU)}`);
  await expect(group).toHaveAttribute('data-viable', 'false');
  await shoot(page, 'drag-1-start');

  await dragToDriver(page, GPU, 'vfio-pci');
  await expect(page.getByTestId(`device-${GPU}`)).toHaveAttribute('data-driver', 'vfio-pci');
  const log = page.getByTestId('event-log');
  await expect(log.locator('[data-testid="log-entry"]')).toHaveCount(3);
  await expect(log.locator('[data-op="driver.probe"][data-ok="true"]')).toHaveCount(1);
  // The audio function still has its host driver: the group stays not viable, and says why.
  await expect(group).toHaveAttribute('data-viable', 'false');
  await expect(group).toContainText('01:00.1 is on snd_hda_intel');
  await shoot(page, 'drag-2-gpu-on-vfio');

  await dragToDriver(page, AUDIO, 'vfio-pci');
  await expect(group).toHaveAttribute('data-viable', 'true');
  await expect(log.locator('[data-testid="log-entry"]')).toHaveCount(6);
  await shoot(page, 'drag-3-group-viable');
});

test('a drag in progress changes nothing until the drop', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  const box = (await page.getByTestId(`device-${GPU}`).boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y - 60, { steps: 8 });
  const target = (await page.getByTestId('driver-vfio-pci').boundingBox())!;
  await page.mouse.move(target.x + 10, target.y + 10, { steps: 8 });
  await expect(page.getByTestId('driver-vfio-pci')).toHaveClass(/bg-indigo-600/);
  await shoot(page, 'drag-0-in-progress');
  await expect(page.locator('[data-testid="log-entry"]')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.mouse.up();
  await expect(page.locator('[data-testid="log-entry"]')).toHaveCount(0);
  await expect(page.getByTestId(`device-${GPU}`)).toHaveAttribute('data-driver', 'nouveau');
});
