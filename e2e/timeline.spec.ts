// The timeline with the flow presets: load a flow as a new history, step through it, jump to a step
// (time travel), undo and redo by button and keyboard, replay it, and rewrite it (delete, reorder)
// to see the rest re-run; the graph is checked through the test contract at each stop.
import { expect, test, type Page } from '@playwright/test';
import { AUDIO, GPU, graphDrawn, groupOf, openExplorer, shoot } from './explorer.ts';

async function loadFlow(page: Page, id: string, steps: number) {
  await page.getByTestId('panel-tab-timeline').click();
  await page.getByTestId('timeline-flows').selectOption(id);
  await graphDrawn(page);
  await expect(page.getByTestId('timeline-step')).toHaveCount(steps);
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-done', '0');
}

const step = (page: Page, n: number) => page.locator(`[data-testid="timeline-step"][data-index="${n}"]`);

async function travel(page: Page, n: number) {
  await step(page, n).getByTestId('timeline-travel').click();
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-done', String(n));
}

test('seed flow (rfc-v2): step, jump, undo, redo and replay a GET_DEVICE_FD_NEW on a two-device group', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  await loadFlow(page, 'flow-seed-device-fd-new', 20);
  // The flow brings its policy.
  await expect(page.getByTestId('policy-select')).toHaveValue('rfc-v2');
  const g = await groupOf(page, GPU);
  const group = page.getByTestId(`group-${g}`);
  const timeline = page.getByTestId('timeline');
  await expect(group).toHaveAttribute('data-domain', `default-${g}`);
  await expect(group).toHaveAttribute('data-viable', 'false');
  await expect(step(page, 1)).toHaveAttribute('data-state', 'future');

  // Step by step: the GPU moves to vfio-pci in three writes, then its audio function.
  for (let i = 1; i <= 6; i++) await page.getByTestId('timeline-redo').click();
  await expect(timeline).toHaveAttribute('data-done', '6');
  await expect(group).toHaveAttribute('data-viable', 'true');
  await expect(page.getByTestId(`device-${AUDIO}`)).toHaveAttribute('data-driver', 'vfio-pci');
  await expect(step(page, 6)).toHaveAttribute('data-state', 'current');
  await expect(step(page, 6)).toHaveAttribute('data-result', 'ok');
  await expect(step(page, 7)).toHaveAttribute('data-state', 'future');

  // Jump: after the first GET_DEVICE_FD_NEW the whole group is blocked.
  await travel(page, 11);
  await expect(group).toHaveAttribute('data-domain', `default-${g}`);
  await travel(page, 12);
  await expect(group).toHaveAttribute('data-domain', 'blocked');
  await expect(page.getByTestId('domain-blocked')).toHaveAttribute('data-kind', 'blocked');
  await expect(page.getByTestId(`device-${GPU}`)).toHaveAttribute('data-user-access', 'true');
  await expect(page.getByTestId(`device-${AUDIO}`)).toHaveAttribute('data-user-access', 'false');
  await shoot(page, 'timeline-1-seed-blocked');

  // The first attach moves the group into the IOASID's domain.
  await travel(page, 15);
  const ioasid = await group.getAttribute('data-domain');
  expect(ioasid).not.toMatch(/^default|^blocked$/);
  await expect(page.getByTestId(`domain-${ioasid}`)).toHaveAttribute('data-kind', 'user');
  await expect(page.getByTestId(`domain-${ioasid}`)).toContainText('IOASID x');

  // Undo and redo: the TopBar buttons and the keyboard.
  await page.getByTestId('undo-button').click();
  await expect(timeline).toHaveAttribute('data-done', '14');
  await expect(group).toHaveAttribute('data-domain', 'blocked');
  await page.getByTestId('redo-button').click();
  await expect(group).toHaveAttribute('data-domain', ioasid!);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+z');
  await expect(timeline).toHaveAttribute('data-done', '14');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(timeline).toHaveAttribute('data-done', '15');
  await page.keyboard.press('ControlOrMeta+y');
  await expect(timeline).toHaveAttribute('data-done', '16');

  // Back to blocked when the last attached device detaches.
  await travel(page, 17);
  await expect(group).toHaveAttribute('data-domain', ioasid!);
  await travel(page, 18);
  await expect(group).toHaveAttribute('data-domain', 'blocked');
  await travel(page, 19);
  await expect(group).toHaveAttribute('data-domain', 'blocked');

  // Replay from the start: Play at the end rewinds and plays every step.
  await travel(page, 20);
  await expect(group).toHaveAttribute('data-domain', `default-${g}`);
  await page.getByTestId('timeline-play').click();
  await expect(timeline).toHaveAttribute('data-done', '20');
  await expect(timeline).toHaveAttribute('data-playing', 'false');
  await expect(group).toHaveAttribute('data-domain', `default-${g}`);
  await expect(page.locator('[data-testid="timeline-step"][data-result="ok"]')).toHaveCount(20);
  await shoot(page, 'timeline-2-seed-done');
});

test('seed flow: reorder a step and delete one, and the rest re-runs', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'rfc-v2');
  await loadFlow(page, 'flow-seed-device-fd-new', 20);
  await page.getByTestId('timeline-end').click();
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-done', '20');

  // SET_CONTAINER moved after SET_IOMMU: the container has no group yet, so both device fds fail.
  await step(page, 9).getByTestId('timeline-move-down').click();
  await expect(step(page, 9)).toContainText('container.setIommu');
  await expect(step(page, 9)).toHaveAttribute('data-errno', 'EINVAL');
  await expect(step(page, 12)).toHaveAttribute('data-errno', 'EINVAL');
  await shoot(page, 'timeline-3-reordered');
  await step(page, 10).getByTestId('timeline-move-up').click();
  await expect(page.locator('[data-testid="timeline-step"][data-result="ok"]')).toHaveCount(20);

  // Deleting iommufd.open leaves the later commands naming a fd no command made: they cannot run.
  await expect(step(page, 11)).toContainText('iommufd.open');
  await step(page, 11).getByTestId('timeline-delete').click();
  await expect(page.getByTestId('timeline-step')).toHaveCount(19);
  await expect(step(page, 11)).toHaveAttribute('data-result', 'not-run');
  const g = await groupOf(page, GPU);
  await expect(page.getByTestId(`group-${g}`)).toHaveAttribute('data-domain', `default-${g}`);
});

test("legacy flow (vfio.rst): container, group, status, type1, device fd", async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  await loadFlow(page, 'flow-legacy-type1', 12);
  await expect(page.getByTestId('policy-select')).toHaveValue('legacy');
  const CARD = '0000:02:01.0';
  const SERIAL = '0000:02:02.0';
  const g = await groupOf(page, CARD);
  const group = page.getByTestId(`group-${g}`);
  expect(await groupOf(page, SERIAL)).toBe(g);
  await expect(group).toHaveAttribute('data-viable', 'false');
  await travel(page, 3);
  await expect(group).toHaveAttribute('data-viable', 'false');
  await travel(page, 6);
  await expect(group).toHaveAttribute('data-viable', 'true');
  await travel(page, 10);
  await expect(group).toHaveAttribute('data-domain', `default-${g}`);
  await travel(page, 11);
  const container = await group.getAttribute('data-domain');
  await expect(page.getByTestId(`domain-${container}`)).toHaveAttribute('data-kind', 'user');
  await expect(page.getByTestId(`domain-${container}`)).toContainText('container c1');
  await expect(page.getByTestId(`device-${CARD}`)).toHaveAttribute('data-user-access', 'false');
  await page.getByTestId('timeline-redo').click();
  await expect(page.getByTestId(`device-${CARD}`)).toHaveAttribute('data-user-access', 'true');
  await expect(page.locator('[data-testid="timeline-step"][data-result="ok"]')).toHaveCount(12);
  // GET_STATUS's answer, as vfio.rst's program checks it before SET_CONTAINER.
  await expect(step(page, 9)).toContainText('group.getStatus');
  await expect(step(page, 9)).toContainText('VIABLE');
  await expect(step(page, 9)).not.toContainText('not VIABLE');
  await shoot(page, 'timeline-4-legacy');
});

test('upstream flow: cdev bind, attach, and attach again to replace the page table', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'rfc-v2');
  await loadFlow(page, 'flow-upstream-cdev', 12);
  await expect(page.getByTestId('policy-select')).toHaveValue('upstream');
  const g = await groupOf(page, GPU);
  const group = page.getByTestId(`group-${g}`);
  await travel(page, 5);
  await expect(group).toHaveAttribute('data-domain', `default-${g}`);
  await expect(page.getByTestId(`device-${GPU}`)).toHaveAttribute('data-user-access', 'false');
  await travel(page, 7);
  await expect(group).toHaveAttribute('data-domain', 'blocked');
  await expect(page.getByTestId(`device-${GPU}`)).toHaveAttribute('data-user-access', 'true');
  await travel(page, 9);
  const first = await group.getAttribute('data-domain');
  await expect(page.getByTestId(`domain-${first}`)).toContainText('IOAS ioas1');
  await travel(page, 11);
  const second = await group.getAttribute('data-domain');
  expect(second).not.toBe(first);
  await expect(page.getByTestId(`domain-${second}`)).toContainText('IOAS ioas2');
  await travel(page, 12);
  await expect(page.getByTestId(`domain-${first}`)).toHaveCount(0);
  await expect(group).toHaveAttribute('data-domain', second!);
  await shoot(page, 'timeline-5-upstream-replace');
});

test('keyboard: Tab reaches the steps, Enter travels', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'rfc-v2');
  await loadFlow(page, 'flow-seed-device-fd-new', 20);
  await page.getByTestId('timeline-flows').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('timeline-start').getByRole('button')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(step(page, 1).getByTestId('timeline-travel')).toBeFocused();
  // Undone steps have no move or delete buttons: the next Tab stop is the next step.
  await page.keyboard.press('Tab');
  await expect(step(page, 2).getByTestId('timeline-travel')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-done', '2');
  await expect(step(page, 2)).toHaveAttribute('data-state', 'current');
});

test('replay with animations waits between steps and pauses; the timeline can mark where the designs differ', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'rfc-v2');
  await loadFlow(page, 'flow-upstream-cdev', 12);
  const timeline = page.getByTestId('timeline');
  await page.getByRole('checkbox', { name: 'animations' }).check();
  await page.getByTestId('timeline-play').click();
  await expect(timeline).toHaveAttribute('data-playing', 'true');
  await expect(page.getByTestId('timeline-play')).toHaveText(/Pause/);
  await expect(step(page, 2)).toHaveAttribute('data-state', 'current');
  await page.getByTestId('timeline-play').click();
  await expect(timeline).toHaveAttribute('data-playing', 'false');
  const paused = await timeline.getAttribute('data-done');
  expect(Number(paused)).toBeLessThan(12);
  await page.waitForTimeout(1500);
  await expect(timeline).toHaveAttribute('data-done', paused!);

  await page.getByTestId('timeline-end').click();
  await page.getByTestId('timeline-mark-differences').check();
  await expect(step(page, 1).getByTestId('timeline-difference')).toHaveCount(0);
  await expect(step(page, 5).getByTestId('timeline-difference')).toHaveText('≠ cdev.open: legacy ENOTTY, rfc-v2 ENOTTY, upstream ok');
  await shoot(page, 'timeline-6-differences');
});
