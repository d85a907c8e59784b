// With animations on (the default outside tests), a domain switch glides the group's edge to its
// new domain and a viability change pulses the badge; `?animations=off` makes both immediate.
import { expect, test } from '@playwright/test';
import { AUDIO, GPU, graphDrawn } from './explorer.ts';

const SETUP = [
  { op: 'driver.unbind', bdf: AUDIO },
  { op: 'driver.unbind', bdf: GPU },
  { op: 'driver.override', bdf: GPU, driver: 'vfio-pci' },
  { op: 'driver.probe', bdf: GPU },
  { op: 'container.open', as: 'c1' },
  { op: 'group.open', bdf: GPU },
  { op: 'group.setContainer', bdf: GPU, container: 'c1' },
  { op: 'container.setIommu', container: 'c1', type: 'external' },
  { op: 'iommufd.open', as: 'io1' },
];

/** Runs getDeviceFdNew and samples the group's edge before, two frames after, and once settled. */
async function edgeDuringSwitch(page: import('@playwright/test').Page) {
  return page.evaluate(async (gpu) => {
    const g = document.querySelector(`[data-testid="device-${gpu}"]`)!.getAttribute('data-group');
    const d = () => document.querySelector(`[data-edge="route:group:${g}"] path`)!.getAttribute('d');
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const before = d();
    window.__explorer!.run({ op: 'group.getDeviceFdNew', bdf: gpu, iommufd: 'io1', cookie: 1, as: 'gpu' });
    await frame();
    await frame();
    const during = d();
    await new Promise((resolve) => setTimeout(resolve, 600));
    return { before, during, after: d() };
  }, GPU);
}

test('animations on: the edge glides from the default domain to the blocked one; the badge pulses', async ({ page }) => {
  await page.goto('/?scenario=gpu-audio-nvme&policy=rfc-v2');
  await graphDrawn(page);
  await page.evaluate((setup) => window.__explorer!.run(...(setup as never[])), SETUP);
  await expect(page.locator('.badge-pulse')).toHaveCount(1);
  const { before, during, after } = await edgeDuringSwitch(page);
  expect(during).not.toBe(before);
  expect(during).not.toBe(after);
});

test('animations off: the edge jumps straight to the new domain', async ({ page }) => {
  await page.goto('/?scenario=gpu-audio-nvme&policy=rfc-v2&animations=off');
  await graphDrawn(page);
  await page.evaluate((setup) => window.__explorer!.run(...(setup as never[])), SETUP);
  const { during, after } = await edgeDuringSwitch(page);
  expect(during).toBe(after);
});
