// Big machines (300 and 2,000 functions): how long until the graph is on screen and answers a
// drag, printed, not asserted (timings depend on the machine running the tests; `npm run bench`
// measures them properly). Asserted: the first view is readable and a drop still works.
import { expect, test, type Page } from '@playwright/test';
import { FIRST_LAYOUT_TIMEOUT, shoot } from './explorer.ts';

/** The address of the first endpoint with a driver (not a port) drawn wholly inside the graph pane. */
async function endpointInView(page: Page): Promise<string> {
  const bdf = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid^="device-"]:not([data-driver=""]):not([data-driver="pcieport"])')) {
      const r = el.getBoundingClientRect();
      if (r.left >= pane.left && r.right <= pane.right && r.top >= pane.top && r.bottom <= pane.bottom) return el.dataset.testid!.slice('device-'.length);
    }
    return null;
  });
  if (bdf === null) throw new Error('no endpoint with a driver in view');
  return bdf;
}

for (const n of [300, 2000]) {
  test(`a ${n}-function synthetic machine renders readable and takes a drag`, async ({ page }) => {
    await page.goto(`/?scenario=synthetic-${n}&policy=upstream&animations=off`);
    await page.waitForFunction(() => performance.getEntriesByName('explorer:graph-ready').length > 0, null, { timeout: FIRST_LAYOUT_TIMEOUT });
    const ready = await page.evaluate(() => performance.getEntriesByName('explorer:graph-ready')[0]!.startTime);
    const boot = await page.evaluate(() => performance.getEntriesByName('explorer:boot')[0]!.startTime);
    const layout = await page.evaluate(() => performance.getEntriesByName('explorer:layout')[0]!);

    // The first view starts at the first root bus at a zoom where addresses read.
    await expect(page.getByTestId('bus-0000:00')).toBeInViewport();
    const zoom = await page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);
    expect(zoom).toBeGreaterThanOrEqual(0.5);
    await shoot(page, `scale-${n}`);

    const bdf = await endpointInView(page);
    const box = (await page.getByTestId(`device-${bdf}`).boundingBox())!;
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
    if (n === 300) {
      // A big layout reaches React Flow in stages from its first screen: all of it gets there. Zoomed
      // out to the whole drawing, every box is drawn (and the blocked domain below the tree).
      const complete = await page.waitForFunction(() => (performance.getEntriesByName('explorer:graph-complete')[0] as PerformanceMark | undefined)?.detail?.nodes as number | undefined);
      await page.locator('.react-flow__controls-fitview').click();
      await expect(page.locator('.react-flow__node')).toHaveCount((await complete.jsonValue())! + 1);
    }
    console.log(
      `[perf] ${n} functions: entry running at ${boot.toFixed(0)} ms, layout ${layout.duration.toFixed(0)} ms, ` +
        `graph on screen at ${ready.toFixed(0)} ms after navigation; drop -> node updated in ${(updated - dropAt).toFixed(0)} ms; ${nodes} nodes in the DOM`,
    );
  });
}
