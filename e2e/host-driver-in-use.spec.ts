// A host driver bound into a group that userspace uses: rfc-v2 BUG_ONs, upstream refuses with EBUSY.
import { expect, test } from '@playwright/test';
import { AUDIO, dragToDriver, GPU, groupOf, openExplorer, run, openWithGpuGroupBlocked, shoot } from './explorer.ts';

test('rfc-v2: binding snd_hda_intel into the in-use group panics; undo brings the machine back', async ({ page }) => {
  const group = await openWithGpuGroupBlocked(page);

  await dragToDriver(page, AUDIO, 'snd_hda_intel');
  const overlay = page.getByTestId('panic-overlay');
  await expect(overlay).toBeVisible();
  await expect(overlay).toContainText('kernel BUG');
  await expect(overlay).toContainText(AUDIO);
  await shoot(page, 'host-driver-1-rfc-v2-panic');

  await page.getByTestId('undo-button').click();
  await expect(overlay).toHaveCount(0);
  await expect(page.getByTestId(`device-${AUDIO}`)).toHaveAttribute('data-driver', '');
  await expect(group).toHaveAttribute('data-domain', 'blocked');
  await expect(page.getByTestId('event-log')).not.toContainText('BUG');
});

test('upstream: the same bind is refused with EBUSY and shown as a toast; undo drops the refused action', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  const group = page.getByTestId(`group-${await groupOf(page, GPU)}`);
  await dragToDriver(page, AUDIO, 'none');
  await dragToDriver(page, GPU, 'vfio-pci');
  await run(page, { op: 'cdev.open', bdf: GPU, as: 'gpu' }, { op: 'iommufd.open', as: 'io1' }, { op: 'cdev.bindIommufd', device: 'gpu', iommufd: 'io1' });
  await expect(group).toHaveAttribute('data-domain', 'blocked');

  await dragToDriver(page, AUDIO, 'snd_hda_intel');
  const toast = page.getByTestId('toast').filter({ hasText: 'EBUSY' });
  await expect(toast).toBeVisible();
  await expect(toast).toContainText('driver_managed_dma');
  await expect(page.getByTestId('panic-overlay')).toHaveCount(0);
  await expect(page.getByTestId(`device-${AUDIO}`)).toHaveAttribute('data-driver', '');
  await expect(page.locator('[data-testid="log-entry"][data-ok="false"]')).toHaveCount(1);
  await shoot(page, 'host-driver-2-upstream-ebusy');

  await page.getByTestId('undo-button').click();
  await expect(page.locator('[data-testid="log-entry"][data-ok="false"]')).toHaveCount(0);
  await expect(group).toHaveAttribute('data-domain', 'blocked');
});
