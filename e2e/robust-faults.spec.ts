// Error boundaries (issue 10 item 5): a part of the page that throws while drawing shows what went
// wrong in its place, a button that copies the scenario (with the error) for a report, and "Try
// again"; the rest of the page keeps working and the page never goes blank.
import { expect, test } from '@playwright/test';
import { dragToDriver, GPU, openExplorer, shoot } from './explorer.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a fault in the inspector stays there; copy the scenario to report it; try again brings it back', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  await dragToDriver(page, GPU, 'vfio-pci');
  await page.evaluate(() => window.__explorerFault!('inspector'));
  const fault = page.getByTestId('panel-inspector').getByTestId('fault');
  await expect(fault).toContainText('The inspector failed to draw.');
  await expect(fault).toContainText('fire drill: the inspector was made to fail on purpose');
  // The rest works: the graph answers a drag, the log records it.
  await expect(page.getByTestId(`device-${GPU}`)).toBeVisible();
  await dragToDriver(page, '0000:01:00.1', 'vfio-pci');
  await expect(page.getByTestId('device-0000:01:00.1')).toHaveAttribute('data-driver', 'vfio-pci');
  await shoot(page, 'robust-8-inspector-fault');

  await fault.getByTestId('fault-copy').click();
  await expect(fault.getByTestId('fault-copy')).toHaveText('Copied');
  const report = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as { version: number; fault: { part: string; message: string }; commands: { op: string }[] };
  expect(report.version).toBe(1);
  expect(report.fault).toEqual({ part: 'inspector', message: 'fire drill: the inspector was made to fail on purpose' });
  expect(report.commands.map((c) => c.op)).toContain('driver.probe');

  await fault.getByTestId('fault-retry').click();
  await expect(fault).toHaveCount(0);
  await expect(page.getByTestId('panel-inspector')).toContainText(/Nothing selected|NOTHING SELECTED/i);
});

test('a fault in the graph and in the event log: each says so in place, the page stays', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  await page.evaluate(() => window.__explorerFault!('graph'));
  await expect(page.getByTestId('fault').and(page.locator('[data-part="graph"]'))).toContainText('The graph failed to draw.');
  await page.evaluate(() => window.__explorerFault!('event log'));
  await expect(page.getByTestId('panel-log').getByTestId('fault')).toContainText('The event log failed to draw.');
  await expect(page.getByTestId('app-title')).toBeVisible();
  await expect(page.getByTestId('panel-inspector')).toBeVisible();
  await shoot(page, 'robust-9-graph-and-log-fault');
  await page.locator('[data-part="graph"]').getByTestId('fault-retry').click();
  await expect(page.getByTestId(`device-${GPU}`)).toBeVisible();
});

test('a start whose React part cannot be downloaded says so and how to start clean, not a blank page', async ({ page }) => {
  // The entry opens the machine while the React part (ui/app/mount.tsx, its own chunk) downloads.
  await page.route(/\/assets\/mount-[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
  await page.goto('/?scenario=gpu-audio-nvme&animations=off');
  const failed = page.getByTestId('start-failed');
  await expect(failed).toContainText('The explorer could not start:');
  await expect(failed).toContainText('Reload the page; if it fails again, open it without anything after the address');
  await expect(failed).toHaveAttribute('role', 'alert');
  await shoot(page, 'robust-11-start-failed');
});
