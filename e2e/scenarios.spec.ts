// Every built-in scenario draws every device (or its collapsed set), every group with its viability
// and domain, and the shared domains; identical siblings open on click.
import { expect, test } from '@playwright/test';
import { FIRST_LAYOUT_TIMEOUT, openExplorer, shoot } from './explorer.ts';

const SMALL = [
  { id: 'gpu-audio-nvme', devices: ['0000:00:00.0', '0000:01:00.0', '0000:01:00.1', '0000:02:00.0'], groups: 5 },
  { id: 'switch-no-acs', devices: ['0000:01:00.0', '0000:02:00.0', '0000:03:00.0', '0000:05:00.1'], groups: 6 },
  { id: 'pci-bridge', devices: ['0000:01:00.0', '0000:02:01.0', '0000:02:02.0', '0000:03:00.0'], groups: 5 },
];

for (const s of SMALL) {
  test(`scenario ${s.id} draws its devices, groups and domains`, async ({ page }) => {
    await openExplorer(page, s.id, 'upstream');
    for (const bdf of s.devices) await expect(page.getByTestId(`device-${bdf}`)).toBeVisible();
    const groups = page.locator('[data-testid^="group-"]');
    await expect(groups).toHaveCount(s.groups);
    for (const g of await groups.all()) {
      await expect(g).toHaveAttribute('data-viable', /^(true|false)$/);
      const domain = await g.getAttribute('data-domain');
      await expect(page.getByTestId(`domain-${domain}`)).toHaveAttribute('data-kind', 'default');
    }
    await expect(page.getByTestId('domain-blocked')).toHaveAttribute('data-kind', 'blocked');
    await shoot(page, `scenario-${s.id}`);
  });
}

test('scenario picker switches machines; SR-IOV VFs are collapsed and open on click', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'legacy');
  await page.getByTestId('scenario-select').selectOption('sriov-nic');
  await expect(page.getByTestId('device-0000:01:00.0')).toBeVisible({ timeout: FIRST_LAYOUT_TIMEOUT });
  await expect(page.getByTestId('policy-select')).toHaveValue('legacy');
  const stack = page.getByTestId('collapsed-0000:01:02.0');
  await expect(stack).toContainText('×8');
  await expect(page.getByTestId('collapsed-0000:02:02.0')).toContainText('×4');
  await expect(page.getByTestId('device-0000:01:02.3')).toHaveCount(0);
  await shoot(page, 'scenario-sriov-nic-collapsed');

  await stack.click();
  await expect(page.getByTestId('device-0000:01:02.3')).toBeVisible({ timeout: FIRST_LAYOUT_TIMEOUT });
  await expect(page.locator('[data-testid^="group-"]')).toHaveCount(12);
  await shoot(page, 'scenario-sriov-nic-open');
});
