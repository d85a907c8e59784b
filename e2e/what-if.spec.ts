// What-if editing (issue 8): move a card with the mouse, add and remove devices, edit ACS bits and
// the ACS override, and see what each edit did to the groups.
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { AUDIO, dragToDriver, GPU, groupOf, openExplorer, shoot } from './explorer.ts';

const ROOT_PORT_1 = '0000:00:01.0';
const ROOT_PORT_2 = '0000:00:02.0';
const NVME = '0000:02:00.0';
const MOVED_GPU = '0000:02:00.0';
const MOVED_AUDIO = '0000:02:00.1';

/**
 * Presses on `from` (at its left end for a palette chip, whose middle holds its count field),
 * moves past the drag threshold, carries it onto `to` and drops.
 */
async function dragOnto(page: Page, from: Locator, to: Locator, grip: 'centre' | 'left' = 'centre'): Promise<void> {
  const a = (await from.boundingBox())!;
  const x = grip === 'left' ? a.x + 12 : a.x + a.width / 2;
  const y = a.y + a.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 12, y + 12, { steps: 4 });
  const b = (await to.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

const device = (page: Page, bdf: string) => page.getByTestId(`device-${bdf}`);

test('moving the GPU from a root port without ACS to one with ACS splits its group; the multifunction override separates its functions', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  // A command before the edits: the GPU goes to vfio-pci, which must survive its move.
  await dragToDriver(page, GPU, 'vfio-pci');
  await expect(device(page, GPU)).toHaveAttribute('data-driver', 'vfio-pci');

  await page.getByTestId('edit-mode').click();
  await expect(page.getByTestId('edit-toolbar')).toBeVisible();

  // Take ACS away from the GPU's root port: the port joins the GPU's group.
  await device(page, ROOT_PORT_1).click();
  await page.getByTestId('acs-remove').click();
  await expect(page.getByTestId('panel-changes')).toBeVisible();
  await expect(page.getByTestId('change-merged')).toContainText('merged into');
  expect(await groupOf(page, GPU)).toBe(await groupOf(page, ROOT_PORT_1));

  // Free the second root port (which has ACS) by removing the NVMe drive.
  await page.getByTestId(`remove-${NVME}`).click();
  await expect(device(page, NVME)).toHaveCount(0);
  await expect(page.getByTestId('change-removed')).toBeVisible();
  await shoot(page, 'what-if-1-gpu-below-port-without-acs');

  // Drag the GPU card onto the ACS root port: it becomes 02:00.0/.1 in a group of its own.
  await dragOnto(page, device(page, GPU), device(page, ROOT_PORT_2));
  await expect(device(page, MOVED_GPU)).toBeVisible();
  await expect(device(page, MOVED_AUDIO)).toBeVisible();
  const split = page.getByTestId('change-split');
  await expect(split).toContainText('split into {00:01.0} and {02:00.0 02:00.1}');
  await expect(split).toContainText('below root port 0000:00:01.0, whose ACS does not isolate it');
  expect(await groupOf(page, MOVED_GPU)).not.toBe(await groupOf(page, ROOT_PORT_1));
  expect(await groupOf(page, MOVED_GPU)).toBe(await groupOf(page, MOVED_AUDIO));
  await expect(device(page, MOVED_GPU)).toHaveAttribute('data-changed', 'split');
  // The command log replayed on the edited machine: the moved GPU kept vfio-pci.
  await expect(device(page, MOVED_GPU)).toHaveAttribute('data-driver', 'vfio-pci');
  await shoot(page, 'what-if-2-gpu-moved-group-split');

  // pcie_acs_override=multifunction: the two functions get groups of their own, with the warning.
  await page.getByTestId('override-multifunction').check();
  await expect(page.getByTestId('change-split')).toContainText('split into {02:00.0} and {02:00.1}');
  expect(await groupOf(page, MOVED_GPU)).not.toBe(await groupOf(page, MOVED_AUDIO));
  const warnings = page.getByTestId('override-warning');
  await expect(warnings).toHaveCount(2); // beside the setting and in the panel
  await expect(warnings.first()).toContainText('pcie_acs_override=multifunction makes the kernel treat every function');
  await expect(page.getByTestId('panel-changes').getByTestId('override-warning')).toContainText('isolation is pretended, not real');
  await shoot(page, 'what-if-3-multifunction-override');

  // Edits undo like commands: the functions share a group again and the warning is gone.
  await page.getByTestId('undo-button').click();
  await expect(page.getByTestId('override-warning')).toHaveCount(0);
  expect(await groupOf(page, MOVED_GPU)).toBe(await groupOf(page, MOVED_AUDIO));
  await expect(page.getByTestId('override-multifunction')).not.toBeChecked();
});

test('a refused move says why; removing a card the log used says which commands no longer run; a chipset goes onto the root bus', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  await dragToDriver(page, GPU, 'vfio-pci');
  await page.getByTestId('edit-mode').click();
  await dragOnto(page, device(page, GPU), device(page, ROOT_PORT_2));
  await expect(page.getByText('already holds a card (02:00.0); a PCIe link has room for one device')).toBeVisible();
  await expect(device(page, GPU)).toBeVisible();
  await expect(device(page, AUDIO)).toBeVisible();
  await shoot(page, 'what-if-6-move-refused');

  // The GPU's vfio-pci binding was a command: without the GPU it cannot run, and the notice says so.
  await page.getByTestId(`remove-${GPU}`).click();
  await expect(device(page, GPU)).toHaveCount(0);
  await expect(page.getByText('0000:01:00.0 no longer exists after the edit "remove 01:00.0"')).toBeVisible();

  // A multifunction chipset device dropped on the root bus frame: conventional functions of one slot share a group.
  await dragOnto(page, page.getByTestId('palette-chipset'), page.getByTestId('bus-0000:00').locator('span').first(), 'left');
  await expect(device(page, '0000:00:03.2')).toBeVisible();
  expect(await groupOf(page, '0000:00:03.0')).toBe(await groupOf(page, '0000:00:03.2'));
  await expect(page.getByTestId('undo-button')).toBeEnabled();
  await shoot(page, 'what-if-7-chipset-on-root-bus');
});

test('clearing one ACS control bit of a root port in the inspector merges the port with the card below it', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  await page.getByTestId('edit-mode').click();
  await device(page, ROOT_PORT_2).click();
  const rr = page.getByTestId('acs-ctrl-rr');
  await expect(rr).toHaveAttribute('aria-pressed', 'true');
  await rr.click();
  await expect(page.getByTestId('acs-ctrl-rr')).toHaveAttribute('aria-pressed', 'false');
  const merged = page.getByTestId('change-merged');
  await expect(merged).toContainText('merged into');
  await expect(merged).toContainText('whose ACS does not isolate it (RR not enabled)');
  expect(await groupOf(page, NVME)).toBe(await groupOf(page, ROOT_PORT_2));
  await shoot(page, 'what-if-5-acs-control-bit-cleared');
});

test('from the keyboard: the inspector moves a card and a palette chip adds a device below the selected port', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  await page.getByTestId('edit-mode').press('Enter');
  await device(page, NVME).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('remove-card').press('Enter');
  await expect(device(page, NVME)).toHaveCount(0);

  await device(page, GPU).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('move-target').selectOption(ROOT_PORT_2);
  await page.getByTestId('move-card').press('Enter');
  await expect(device(page, MOVED_GPU)).toBeVisible();
  // Both ports have ACS: the card changes address but not its group's shape.
  await expect(page.getByTestId('change-none')).toBeVisible();

  await device(page, ROOT_PORT_1).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('palette-nvme').press('Enter');
  await expect(device(page, '0000:01:00.0')).toHaveAttribute('data-changed', 'added');
  await expect(page.getByTestId(`group-${await groupOf(page, '0000:01:00.0')}`)).toHaveAttribute('data-changed', 'true');
  await expect(page.getByTestId('change-added')).toContainText('new group');
  await shoot(page, 'what-if-8-keyboard-move-and-add');
});

/** The partition of devices into groups, as the graph shows it. */
async function shownPartition(page: Page): Promise<string[][]> {
  const pairs = await page.locator('[data-testid^="device-"][data-group]').evaluateAll((els) =>
    els.map((el) => [el.getAttribute('data-testid')!.slice('device-'.length), el.getAttribute('data-group')!] as const),
  );
  const groups = new Map<string, string[]>();
  for (const [bdf, g] of pairs) groups.set(g, [...(groups.get(g) ?? []), bdf]);
  return [...groups.values()].map((m) => m.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** The real kernel's groups for a fixture (`/sys/kernel/iommu_groups/<N>/devices/<bdf>` lines). */
function kernelPartition(fixture: string): string[][] {
  const text = readFileSync(new URL(`../../shared/oracle/${fixture}/iommu-groups.txt`, import.meta.url), 'utf8');
  const groups = new Map<string, string[]>();
  for (const m of text.matchAll(/iommu_groups\/(\d+)\/devices\/(\S+)/g)) groups.set(m[1]!, [...(groups.get(m[1]!) ?? []), m[2]!]);
  return [...groups.values()].map((m) => m.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

test('a switch without ACS added from the palette groups as the real kernel grouped the X3130 switch', async ({ page }) => {
  await openExplorer(page, 'real-c-x3130-switch', 'upstream');
  const kernel = kernelPartition('c-x3130-switch');
  expect(await shownPartition(page)).toEqual(kernel);

  await page.getByTestId('edit-mode').click();
  // Take the real switch out, then build one like it from the palette: two ports, no ACS, an NVMe drive on each.
  await page.getByTestId('remove-0000:01:00.0').click();
  await expect(device(page, '0000:03:00.0')).toHaveCount(0);
  await expect(page.getByTestId('palette-switch-acs')).not.toBeChecked();
  await page.getByTestId('palette-switch-ports').fill('2');
  await dragOnto(page, page.getByTestId('palette-switch'), device(page, '0000:00:02.0'), 'left');
  await expect(device(page, '0000:02:01.0')).toBeVisible();
  await dragOnto(page, page.getByTestId('palette-nvme'), device(page, '0000:02:00.0'), 'left');
  await expect(device(page, '0000:03:00.0')).toBeVisible();
  await dragOnto(page, page.getByTestId('palette-nvme'), device(page, '0000:02:01.0'), 'left');
  await expect(device(page, '0000:04:00.0')).toBeVisible();
  await expect(page.getByTestId('change-added')).toContainText('joined group');
  await shoot(page, 'what-if-4-switch-without-acs-added');

  // The kernel's groups for the same shape: the upstream port alone, each downstream port with its endpoint.
  expect(await shownPartition(page)).toEqual(kernel);
});
