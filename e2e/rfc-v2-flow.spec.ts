// The plan's flow under rfc-v2: the group leaves its default domain for the blocked domain when the
// first device is bound to the iommu fd, moves to the IOASID on attach, and returns on close.
import { expect, test } from '@playwright/test';
import { AUDIO, dragToDriver, GPU, groupOf, openExplorer, run, openWithGpuGroupBlocked, shoot } from './explorer.ts';

test('rfc-v2: default -> blocked -> IOASID, and back to default on device.close', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'rfc-v2');
  const g = await groupOf(page, GPU);
  const group = page.getByTestId(`group-${g}`);
  const gpu = page.getByTestId(`device-${GPU}`);

  await dragToDriver(page, AUDIO, 'none');
  await dragToDriver(page, GPU, 'vfio-pci');
  await expect(group).toHaveAttribute('data-viable', 'true');
  await expect(group).toHaveAttribute('data-domain', `default-${g}`);
  await expect(page.getByTestId(`domain-default-${g}`)).toHaveAttribute('data-kind', 'default');

  const setup = await run(
    page,
    { op: 'container.open', as: 'c1' },
    { op: 'group.open', bdf: GPU },
    { op: 'group.setContainer', bdf: GPU, container: 'c1' },
    { op: 'container.setIommu', container: 'c1', type: 'external' },
    { op: 'iommufd.open', as: 'io1' },
  );
  expect(setup.every((a) => a.ok)).toBe(true);
  await expect(group).toHaveAttribute('data-domain', `default-${g}`);

  await run(page, { op: 'group.getDeviceFdNew', bdf: GPU, iommufd: 'io1', cookie: 1, as: 'gpu' });
  await expect(group).toHaveAttribute('data-domain', 'blocked');
  await expect(page.getByTestId('domain-blocked')).toHaveAttribute('data-kind', 'blocked');
  await expect(gpu).toHaveAttribute('data-user-access', 'true');
  await shoot(page, 'rfc-v2-1-blocked');

  await run(page, { op: 'ioasid.alloc', iommufd: 'io1', as: 'x' }, { op: 'device.attach', device: 'gpu', ioasid: 'x' });
  const userDomain = await group.getAttribute('data-domain');
  expect(userDomain).not.toMatch(/^default|^blocked$/);
  await expect(page.getByTestId(`domain-${userDomain}`)).toHaveAttribute('data-kind', 'user');
  await expect(page.getByTestId(`domain-${userDomain}`)).toContainText('IOASID x');
  await expect(page.getByTestId('event-log')).toContainText(`group ${g} domain blocked → ioasid:x`);
  // The inspector, opened on the group by its label, says the same: a user domain and its owner.
  await group.click({ position: { x: 60, y: 12 } });
  await expect(page.getByTestId('inspector-group')).toContainText('ioasid:x');
  await expect(page.getByTestId('inspector-group')).toContainText(GPU);
  await shoot(page, 'rfc-v2-2-ioasid');

  await run(page, { op: 'device.close', device: 'gpu' });
  await expect(group).toHaveAttribute('data-domain', `default-${g}`);
  await expect(gpu).toHaveAttribute('data-user-access', 'false');
  await shoot(page, 'rfc-v2-3-closed');
});

test('switching the policy replays the same log under the other rules', async ({ page }) => {
  const group = await openWithGpuGroupBlocked(page);

  // Upstream has no VFIO_EXTERNAL_IOMMU: the same program stops there, with the group claimed by
  // the container (blocked until an IOMMU is set) and no device fd.
  await page.getByTestId('policy-select').selectOption('upstream');
  await expect(page.getByTestId(`device-${GPU}`)).toHaveAttribute('data-user-access', 'false');
  await expect(group).toHaveAttribute('data-domain', 'blocked');
  const refused = page.locator('[data-testid="log-entry"][data-ok="false"]');
  await expect(refused).toHaveCount(1);
  await expect(refused).toHaveAttribute('data-op', 'container.setIommu');
  await shoot(page, 'policy-switch-upstream');

  await page.getByTestId('policy-select').selectOption('rfc-v2');
  await expect(page.getByTestId(`device-${GPU}`)).toHaveAttribute('data-user-access', 'true');
  await expect(refused).toHaveCount(0);
});
