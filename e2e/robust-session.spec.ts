// Robustness (issue 10): the work survives. Autosave brings back the same scenario, policy, log and
// graph after a reload; a stored session that cannot be read is set aside with a message and the
// page starts clean; a share link opens first, and a cut or altered one says what is wrong and
// keeps the saved work.
import { expect, test, type Page } from '@playwright/test';
import { encodeShareLink } from '../src/io/export/shareLink.ts';
import { gpuUpstream } from '../src/io/export/testing/goldenScenarios.ts';
import { AUDIO, dragToDriver, GPU, graphDrawn, openExplorer, run, shoot, shownState } from './explorer.ts';

const SESSION_KEY = 'ioasid-explorer.session';


/** Waits until autosave has stored a session whose text contains `fragment`. */
async function savedWith(page: Page, fragment: string) {
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key) ?? '', SESSION_KEY)).toContain(fragment);
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** When the page asked for the session reader's chunk, against when its entry ran; null if it never did. */
const sessionReaderFetch = (page: Page) =>
  page.evaluate(() => {
    const fetched = performance.getEntriesByType('resource').find((r) => r.name.includes('/loadSavedSession-'));
    return fetched ? { beforeEntryRan: fetched.startTime < performance.getEntriesByName('explorer:boot')[0]!.startTime } : null;
  });

test('autosave: after drags, commands and a policy change, a reload shows the same state', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  // A first visit has no session to read: the reader (and zod behind it) is not even downloaded.
  expect(await sessionReaderFetch(page)).toBeNull();
  // The address loses ?scenario= and ?policy= once they are applied: a reload restores the work.
  await expect(page).toHaveURL(/\/\?animations=off$/);
  await dragToDriver(page, GPU, 'vfio-pci');
  await dragToDriver(page, AUDIO, 'vfio-pci');
  await run(page, { op: 'container.open', as: 'c1' }, { op: 'group.open', bdf: GPU });
  await page.getByTestId('policy-select').selectOption('legacy');
  await expect(page.getByTestId(`device-${GPU}`)).toHaveAttribute('data-driver', 'vfio-pci');
  const before = await shownState(page);
  expect(before.log.length).toBeGreaterThanOrEqual(6);
  await savedWith(page, '"policy":"legacy"');

  const errors = watchErrors(page);
  await page.reload();
  await graphDrawn(page);
  await expect.poll(() => shownState(page)).toEqual(before);
  await expect(page.getByTestId('page-message')).toHaveCount(0);
  expect(errors).toEqual([]);
  // With a session saved, the page asks for its reader as it is parsed, before its entry runs.
  expect(await sessionReaderFetch(page)).toEqual({ beforeEntryRan: true });
  await shoot(page, 'robust-1-restored');
});

test('a stored session that cannot be read is kept under another key, said so, and the page starts clean', async ({ page }) => {
  await openExplorer(page, 'sriov-nic', 'upstream');
  await run(page, { op: 'container.open', as: 'c1' });
  // Once the action is saved no save is pending that could overwrite the value written below.
  await savedWith(page, 'container.open');
  const corrupt = '{"version":1,"savedAt":"2026-11-24T08:00:00.000Z","policy":"upstream","scenario":{"version":1,"topology":{"functions":[{"bdf":"0000:00:00.0","pcie';
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [SESSION_KEY, corrupt] as const);

  const errors = watchErrors(page);
  await page.reload();
  await graphDrawn(page);
  const message = page.getByTestId('page-message');
  await expect(message).toHaveAttribute('data-topic', 'saved-session');
  await expect(message).toContainText('The saved session could not be read (it is not valid JSON');
  await expect(message.getByTestId('page-message-text')).toContainText(`It was kept in this browser's local storage as "${SESSION_KEY}.unreadable.`);
  // Clean: the first built-in scenario, nothing in the log.
  await expect(page.getByTestId('scenario-select')).toHaveValue('gpu-audio-nvme');
  await expect(page.getByTestId('log-entry')).toHaveCount(0);
  const kept = await page.evaluate((key) => Object.keys(localStorage).filter((k) => k.startsWith(`${key}.unreadable.`)).map((k) => localStorage.getItem(k)), SESSION_KEY);
  expect(kept).toEqual([corrupt]);
  expect(errors).toEqual([]);
  await shoot(page, 'robust-2-corrupt-session');

  await page.getByTestId('page-message-dismiss').click();
  await expect(message).toHaveCount(0);
});

test('a share link opens before the saved work; a cut or altered link says why and keeps the saved work', async ({ page }) => {
  const link = await encodeShareLink(gpuUpstream);
  const errors = watchErrors(page);
  await page.goto(`/?animations=off${link}`);
  await graphDrawn(page);
  await expect(page.getByTestId('scenario-select').locator('option:checked')).toHaveText(gpuUpstream.name);
  await expect(page.getByTestId('policy-select')).toHaveValue('upstream');
  await expect(page.getByTestId('log-entry')).toHaveCount(gpuUpstream.commands.length);
  // The hash is gone once read, so a reload brings back the work, not the link's starting point.
  await expect(page).toHaveURL(/\/\?animations=off$/);
  await run(page, { op: 'iommufd.open', as: 'later' });
  const opened = await shownState(page);
  await savedWith(page, '"later"');

  for (const [what, bad] of [
    ['cut', link.slice(0, -40)],
    ['altered', `${link.slice(0, 30)}${link[30] === 'A' ? 'B' : 'A'}${link.slice(31)}`],
    ['foreign', '#v1=not-a-link!'],
  ] as const) {
    await page.goto(`/?animations=off${bad}`);
    await graphDrawn(page);
    const message = page.getByTestId('page-message');
    await expect(message, what).toHaveAttribute('data-topic', 'link');
    await expect(message.getByTestId('page-message-text'), what).toHaveText(/^This share link cannot be opened: .+ The explorer opened your saved work instead\.$/);
    await expect.poll(() => shownState(page), what).toEqual(opened);
    if (what === 'cut') await shoot(page, 'robust-3-bad-link');
  }
  expect(errors).toEqual([]);
});

test('opening a link keeps the work it replaced, and one click brings that work back', async ({ page }) => {
  await openExplorer(page, 'gpu-audio-nvme', 'upstream');
  await dragToDriver(page, GPU, 'vfio-pci');
  await savedWith(page, 'drag 0000:01:00.0 to vfio-pci');
  const mine = await shownState(page);

  const errors = watchErrors(page);
  await page.goto(`/?animations=off${await encodeShareLink(gpuUpstream)}`);
  await graphDrawn(page);
  await expect(page.getByTestId('log-entry')).toHaveCount(gpuUpstream.commands.length);
  const message = page.getByTestId('page-message');
  await expect(message).toHaveAttribute('data-topic', 'link-replaced');
  await expect(message.getByTestId('page-message-text')).toHaveText('The link opened in place of your saved work ("GPU + HDMI audio, and an NVMe drive", 1 action), which is kept.');
  await shoot(page, 'robust-10-link-replaced-work');

  await message.getByTestId('page-message-action').click();
  await graphDrawn(page);
  await expect(page.getByTestId('log-entry')).toHaveCount(mine.log.length);
  await expect.poll(() => shownState(page)).toEqual(mine);
  expect(errors).toEqual([]);
});
