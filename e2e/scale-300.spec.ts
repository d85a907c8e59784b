// A 300-function machine: how long until the graph is on screen and answers a drag. Printed, not
// asserted (timings depend on the machine running the tests).
import { expect, test } from '@playwright/test';
import { FIRST_LAYOUT_TIMEOUT, shoot } from './explorer.ts';

test('a 300-function synthetic machine renders and takes a drag', async ({ page }) => {
  await page.goto('/?scenario=synthetic-300&policy=upstream&animations=off');
  await page.waitForFunction(() => performance.getEntriesByName('explorer:graph-ready').length > 0, null, { timeout: FIRST_LAYOUT_TIMEOUT });
  const ready = await page.evaluate(() => performance.getEntriesByName('explorer:graph-ready')[0]!.startTime);
  const boot = await page.evaluate(() => performance.getEntriesByName('explorer:boot')[0]!.startTime);
  const layout = await page.evaluate(() => performance.getEntriesByName('explorer:layout')[0]!);

  const nvme = page.locator('[data-testid^="device-"][data-driver="nvme"]').first();
  await expect(nvme).toBeVisible({ timeout: FIRST_LAYOUT_TIMEOUT });
  const bdf = (await nvme.getAttribute('data-testid'))!.slice('device-'.length);
  const box = (await nvme.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 10, box.y, { steps: 3 });
  const target = (await page.getByTestId('driver-vfio-pci').boundingBox())!;
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 10 });
  const dropAt = await page.evaluate(() => performance.now());
  await page.mouse.up();
  await expect(page.getByTestId(`device-${bdf}`)).toHaveAttribute('data-driver', 'vfio-pci');
  const updated = await page.evaluate(() => performance.now());

  const nodes = await page.locator('.react-flow__node').count();
  console.log(
    `[perf] 300 functions: app code loaded at ${boot.toFixed(0)} ms, ELK layout ${layout.startTime.toFixed(0)}-${(layout.startTime + layout.duration).toFixed(0)} ms, ` +
      `graph on screen (interactive) at ${ready.toFixed(0)} ms after navigation; drop -> node updated in ${(updated - dropAt).toFixed(0)} ms; ${nodes} nodes in the DOM`,
  );
  await shoot(page, 'scale-300');
});
