// Shared steps of the explorer's end-to-end tests: open a scenario, drag a device onto a driver with
// the real mouse, run userspace commands through the test contract's command hook.
import { expect, type Page } from '@playwright/test';
import { rfcV2BindFlow } from '../src/scenarios/flows/rfcV2DeviceFdNew.ts';

export const GPU = '0000:01:00.0';
export const AUDIO = '0000:01:00.1';

/**
 * The first layout waits for the ELK worker to load and compile, which on a busy two-core machine
 * running two browsers can take several seconds.
 */
export const FIRST_LAYOUT_TIMEOUT = 30_000;

/** Waits until the graph of the current scenario is drawn. */
export async function graphDrawn(page: Page): Promise<void> {
  await expect(page.locator('[data-testid^="device-"]').first()).toBeVisible({ timeout: FIRST_LAYOUT_TIMEOUT });
}

/** Opens the explorer on a built-in scenario, animations off, and waits for the graph. */
export async function openExplorer(page: Page, scenario: string, policy: string): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/?scenario=${scenario}&policy=${policy}&animations=off`);
  await graphDrawn(page);
  await expect(page.getByTestId('policy-select')).toHaveValue(policy);
  expect(errors).toEqual([]);
}

/** Presses on the device, moves past the drag threshold, then carries it to the driver and drops. */
export async function dragToDriver(page: Page, bdf: string, driver: string): Promise<void> {
  const box = await page.getByTestId(`device-${bdf}`).boundingBox();
  if (!box) throw new Error(`device ${bdf} is not on screen`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 12, y - 12, { steps: 4 });
  // The palette lists the dragged device's host drivers once the drag has started.
  const target = page.getByTestId(`driver-${driver}`);
  await expect(target).toBeVisible();
  const t = await target.boundingBox();
  if (!t) throw new Error(`driver ${driver} is not on screen`);
  await page.mouse.move(t.x + t.width / 2, t.y + t.height / 2, { steps: 15 });
  await page.mouse.up();
}

/** Runs commands as one user action through window.__explorer; returns the model's answers. */
export async function run(page: Page, ...commands: Record<string, unknown>[]) {
  return page.evaluate((cmds) => window.__explorer!.run(...(cmds as never[])), commands);
}

export async function groupOf(page: Page, bdf: string): Promise<string> {
  const g = await page.getByTestId(`device-${bdf}`).getAttribute('data-group');
  if (!g) throw new Error(`${bdf} has no group`);
  return g;
}

export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `screenshots/${name}.png` });
}

/**
 * What the screen says about the state: scenario, policy, every device's group and driver, the log.
 * Compare with `expect.poll`: right after a start the graph may still be settling (React Flow draws
 * only the nodes in view, and the first fit of the view redraws them).
 */
export async function shownState(page: Page) {
  await page.waitForFunction(() => document.querySelector('[data-testid^="device-"][data-group]') !== null);
  return page.evaluate(() => {
    const select = document.querySelector<HTMLSelectElement>('[data-testid="scenario-select"]')!;
    return {
      scenario: select.selectedOptions[0]?.textContent,
      policy: document.querySelector<HTMLSelectElement>('[data-testid="policy-select"]')!.value,
      devices: [...document.querySelectorAll<HTMLElement>('[data-testid^="device-"][data-group]')].map((el) => `${el.dataset.testid} g${el.dataset.group} ${el.dataset.driver}`).sort(),
      log: [...document.querySelectorAll<HTMLElement>('[data-testid="log-entry"]')].map((el) => el.innerText),
      logCount: document.querySelector('[data-testid="event-log"] header')?.textContent,
    };
  });
}

/**
 * The seed's starting point under rfc-v2: the audio function unbound, the GPU on vfio-pci and bound
 * to an iommu fd through GET_DEVICE_FD_NEW, so its group sits in the blocked domain. Returns the group.
 */
export async function openWithGpuGroupBlocked(page: Page) {
  await openExplorer(page, 'gpu-audio-nvme', 'rfc-v2');
  const group = page.getByTestId(`group-${await groupOf(page, GPU)}`);
  await dragToDriver(page, AUDIO, 'none');
  await dragToDriver(page, GPU, 'vfio-pci');
  await run(page, ...rfcV2BindFlow(GPU));
  await expect(group).toHaveAttribute('data-domain', 'blocked');
  return group;
}
