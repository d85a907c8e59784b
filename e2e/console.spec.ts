// The uAPI console: each command of the policy is a form whose fields start from the selection and
// the objects that exist; each run is one step of the history; commands the policy lacks are
// disabled with the reason; the objects the program holds are listed and can be picked.
import { expect, test, type Page } from '@playwright/test';
import { AUDIO, GPU, groupOf, openExplorer, shoot } from './explorer.ts';

/** Chooses a command, fills the given fields (selects or text), runs it; answers the answer box. */
async function runInConsole(page: Page, op: string, fields: Record<string, string> = {}) {
  await page.getByTestId('console-op').selectOption(op);
  for (const [name, value] of Object.entries(fields)) {
    const field = page.getByTestId(`console-field-${name}`);
    if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await page.getByTestId('console-run').click();
  const answer = page.getByTestId('console-answer');
  await expect(answer).toBeVisible();
  return answer;
}

test('upstream: cdev, iommufd, bind, attach and replace through the console, one step per command', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  const g = await groupOf(page, GPU);
  const group = page.getByTestId(`group-${g}`);
  await page.getByTestId('panel-tab-console').click();
  await expect(page.getByTestId('console')).toBeVisible();

  // Commands upstream has no handler for are there, disabled, with the reason.
  await expect(page.locator('#console-op option[value="group.getDeviceFdNew"]')).toBeDisabled();
  await expect(page.locator('#console-op option[value="cdev.bindIommufd"]')).toBeEnabled();
  await expect(page.getByTestId('console-unavailable')).toContainText('group.getDeviceFdNew');
  await expect(page.getByTestId('console-unavailable')).toContainText('ENOTTY');

  // The GPU to vfio-pci through driver_override, its HDMI audio function to no driver.
  await expect(await runInConsole(page, 'driver.unbind', { bdf: GPU })).toHaveAttribute('data-ok', 'true');
  await runInConsole(page, 'driver.override', { bdf: GPU, driver: 'vfio-pci' });
  await runInConsole(page, 'driver.probe', { bdf: GPU });
  await runInConsole(page, 'driver.unbind', { bdf: AUDIO });
  await expect(group).toHaveAttribute('data-viable', 'true');
  await expect(page.getByTestId(`device-${GPU}`)).toHaveAttribute('data-driver', 'vfio-pci');

  // Fields start from the selection: select the GPU, and cdev.open names it, with a fresh name.
  await page.getByTestId(`device-${GPU}`).click();
  await page.getByTestId('panel-tab-console').click();
  await page.getByTestId('console-op').selectOption('cdev.open');
  await expect(page.getByTestId('console-field-bdf')).toHaveValue(GPU);
  await expect(page.getByTestId('console-field-as')).toHaveValue('d1');
  await page.getByTestId('console-run').click();
  await expect(page.locator('[data-testid="console-object"][data-kind="device"][data-name="d1"]')).toContainText('no access yet');

  await runInConsole(page, 'iommufd.open');
  // The defaults are the last iommu fd and the device fd of the selected device.
  await page.getByTestId('console-op').selectOption('cdev.bindIommufd');
  await expect(page.getByTestId('console-field-device')).toHaveValue('d1');
  await expect(page.getByTestId('console-field-iommufd')).toHaveValue('io1');
  await page.getByTestId('console-run').click();
  await expect(group).toHaveAttribute('data-domain', 'blocked');
  await expect(page.getByTestId(`device-${GPU}`)).toHaveAttribute('data-user-access', 'true');

  await runInConsole(page, 'ioasid.alloc');
  await expect(await runInConsole(page, 'device.attach')).toHaveAttribute('data-ok', 'true');
  const first = await group.getAttribute('data-domain');
  expect(first).not.toMatch(/^default|^blocked$/);
  await expect(page.getByTestId(`domain-${first}`)).toHaveAttribute('data-kind', 'user');

  // Replace: attach to a second IOAS while attached; the group follows without passing through blocked.
  await runInConsole(page, 'ioasid.alloc');
  await expect(page.getByTestId('console-field-as')).toHaveValue('ioas3');
  await runInConsole(page, 'device.attach', { ioasid: 'ioas2' });
  const second = await group.getAttribute('data-domain');
  expect(second).not.toBe(first);
  await expect(page.getByTestId(`domain-${second}`)).toHaveAttribute('data-kind', 'user');
  await expect(page.locator('[data-testid="console-object"][data-kind="ioasid"][data-name="ioas2"]')).toContainText('attached: d1');
  await expect(page.locator('[data-testid="console-object"][data-kind="iommufd"][data-name="io1"]')).toContainText('bound: d1');

  // The kernel's refusal comes back as the errno and its sentence.
  const busy = await runInConsole(page, 'ioasid.free', { ioasid: 'ioas2' });
  await expect(busy).toHaveAttribute('data-errno', 'EBUSY');
  await expect(busy).toContainText('in use');
  await shoot(page, 'console-1-upstream-replace');

  // A mistake in the form (a name still open) is not sent and makes no step.
  await page.getByTestId('panel-tab-timeline').click();
  const steps = page.getByTestId('timeline-step');
  await expect(steps).toHaveCount(12);
  await page.getByTestId('panel-tab-console').click();
  const notSent = await runInConsole(page, 'cdev.open', { bdf: GPU, as: 'd1' });
  await expect(notSent).toContainText('Not sent');
  await expect(notSent).toContainText('still open');
  await page.getByTestId('panel-tab-timeline').click();
  await expect(steps).toHaveCount(12);
  await expect(steps.nth(11)).toHaveAttribute('data-errno', 'EBUSY');
});

test('picking an object fills the forms with it; nested IOASIDs sit under their parent', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'rfc-v2');
  await page.getByTestId('panel-tab-console').click();
  await runInConsole(page, 'container.open');
  await runInConsole(page, 'container.open');
  await page.getByTestId('console-op').selectOption('container.setIommu');
  await expect(page.getByTestId('console-field-container')).toHaveValue('c2');
  await page.locator('[data-testid="console-object"][data-kind="container"][data-name="c1"]').click();
  await expect(page.getByTestId('console-field-container')).toHaveValue('c1');
  await expect(page.locator('[data-testid="console-object"][data-name="c1"]')).toHaveAttribute('aria-pressed', 'true');

  // Nested IOASIDs sit under their parent.
  await runInConsole(page, 'iommufd.open');
  await runInConsole(page, 'ioasid.alloc');
  await runInConsole(page, 'ioasid.alloc', { parent: 'ioas1' });
  await expect(page.locator('[data-testid="console-object"][data-name="ioas2"]')).toContainText('nested in ioas1');
  await shoot(page, 'console-2-objects');
});

test('keyboard only: Tab through a form, Enter runs; Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y outside text fields', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'legacy');
  await page.getByTestId('panel-tab-inspector').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('console')).toBeVisible();

  // Choose container.open by typing in the command list, Tab to its name, type one, Enter.
  await page.getByTestId('console-op').focus();
  await page.keyboard.type('container.open');
  await expect(page.getByTestId('console-op')).toHaveValue('container.open');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('console-field-as')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('box');
  await page.keyboard.press('Enter');
  const box = page.locator('[data-testid="console-object"][data-name="box"]');
  await expect(box).toBeVisible();

  // Ctrl+Z inside the text field belongs to the field: the step stays.
  await page.getByTestId('console-field-as').focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(box).toBeVisible();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('c9');

  // Tab on to Run and press Enter: another step.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('console-run')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="console-object"][data-kind="container"]')).toHaveCount(2);

  // Outside a text field the history keys work.
  await page.getByTestId('console-run').focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.locator('[data-testid="console-object"][data-kind="container"]')).toHaveCount(1);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(box).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(box).toBeVisible();
  await page.keyboard.press('ControlOrMeta+y');
  await expect(page.locator('[data-testid="console-object"][data-kind="container"]')).toHaveCount(2);
  await expect(page.getByTestId('redo-button')).toBeDisabled();

  // Enter on a select runs the command too.
  await page.getByTestId('console-op').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="console-object"][data-kind="container"]')).toHaveCount(3);
});
