// What staff do beyond building layouts: recall one with its key (its new players start before
// the switch, so no tile is black, and a camera that stays keeps its player), give a display a
// tour over some of its layouts, rename and delete a layout, and quit the wall behind the PIN.
// Runs against the preview host's demo; the quit comes last, since it stops the host.
import { expect, type Page } from '@playwright/test';
import { test } from './support/guarded-test';
import { demoSettings } from '../../electron/settings/demo-config';
import { settingsFile } from '../../electron/settings/settings-model';
import { startPreview, type StartedPreview } from './support/preview-fixture';
import {
  answerPin,
  expectNoBlackTile,
  markVideo,
  recordSwitchTo,
  STAFF_PIN,
  switchRecord,
  toolbarClick,
} from './support/staff-page';
import { expectPlaying, waitForLive } from './support/wall-page';

const installed = demoSettings()
  .cameras.filter((c) => c.availability === 'installed')
  .map((c) => c.id);
const [a, b, c, d, e, f, g] = installed as [string, string, string, string, string, string, string];
const square = (id: string, name: string, cameras: string[]) => ({
  id,
  name,
  template: '2x2',
  grid: { columns: 1, rows: 1, tiles: [] },
  cameras,
});

let preview: StartedPreview;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  preview = await startPreview(settingsFile(demoSettings()));
  const service = preview.host.service;
  await service.handle('staff:set-pin', { pin: STAFF_PIN });
  for (const layout of [
    square('left', 'Bên trái', [a, b, c, d]),
    square('right', 'Bên phải', [a, e, f, g]),
  ]) {
    expect(await service.handle('layouts:save', layout)).toMatchObject({ ok: true });
  }
  await service.handle('staff:lock', undefined);
});
test.afterAll(async () => preview?.host.close());

async function choose(layoutId: string): Promise<void> {
  const service = preview.host.service;
  await service.handle('staff:unlock', { pin: STAFF_PIN });
  const choice = { index: 0, layoutId, tour: null };
  expect(await service.handle('displays:choose', { displayId: 'display-0', choice })).toMatchObject(
    { ok: true },
  );
  await service.handle('staff:lock', undefined);
}

/** Every layout id the wall shows from now on, in order (read with shownLayouts). */
async function watchLayouts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const wall = document.querySelector<HTMLElement>('[data-testid="wall"]')!;
    const seen: string[] = [wall.dataset.layoutId ?? ''];
    (window as unknown as { __shown: string[] }).__shown = seen;
    new MutationObserver(() => seen.push(wall.dataset.layoutId ?? '')).observe(wall, {
      attributes: true,
      attributeFilter: ['data-layout-id'],
    });
  });
}
const shownLayouts = (page: Page) =>
  page.evaluate(() => (window as unknown as { __shown: string[] }).__shown);

test('a layout recalled with its key starts its players first: no black tile, the staying camera keeps its player', async ({
  page,
}) => {
  await choose('left');
  await page.goto(preview.host.url);
  await expect(page.getByTestId('wall')).toHaveAttribute('data-layout-id', 'left');
  await waitForLive(page, [a, b, c, d]);
  await markVideo(page, a, 'stays');
  const broker = preview.host.service.broker;
  const connections = broker.session(a, 'sub')?.connections;
  await recordSwitchTo(page, 'right');

  // Saved third (after "All centres" and "left"): key 3, after the PIN.
  await page.keyboard.press('3');
  await answerPin(page);
  const tiles = await switchRecord(page);
  expect(tiles.map((t) => t.cameraId)).toEqual([a, e, f, g]);
  // In the very first moment of the new page every tile already has a decoded picture.
  expectNoBlackTile(tiles);
  expect(tiles[0]!.mark).toBe('stays');
  expect(broker.session(a, 'sub')?.connections).toBe(connections);
  await expectPlaying(page, [a, e, f, g]);
  // The early hold is given back: only the four tiles' players remain once the old ones go.
  await expect(page.getByTestId('wall')).toHaveAttribute('data-player-count', '4', {
    timeout: 30_000,
  });
});

test('a tour over the layouts staff pick, at the period they set, remembered for the display', async ({
  page,
}, testInfo) => {
  await choose('left');
  await page.goto(preview.host.url);
  await waitForLive(page, [a, b, c, d]);
  await preview.host.service.handle('staff:unlock', { pin: STAFF_PIN });
  await toolbarClick(page, /Bố cục/);
  const panel = page.getByTestId('tour-panel');
  // No tour yet: every layout is ticked, 15 s.
  await expect(panel.getByTestId('tour-pick-all')).toBeChecked();
  await expect(panel.getByTestId('tour-seconds')).toHaveValue('15');
  await panel.getByTestId('tour-pick-all').uncheck();
  await panel.getByTestId('tour-pick-left').uncheck();
  await panel.getByTestId('tour-pick-right').uncheck();
  await panel.getByTestId('tour-start').click();
  await expect(panel.getByTestId('tour-problem')).toHaveText('Hãy chọn ít nhất một bố cục');
  await panel.getByTestId('tour-pick-right').check();
  await panel.getByTestId('tour-pick-left').check();
  await panel.getByTestId('tour-seconds').fill('2');
  await panel.getByTestId('tour-start').click();
  await expect(panel.getByTestId('tour-problem')).toContainText('từ 3 đến 3600 giây');
  await panel.getByTestId('tour-seconds').fill('6');
  // The problem goes as soon as the value is right, before Start is pressed again.
  await expect(panel.getByTestId('tour-problem')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('tour-subset-panel.png') });
  await panel.getByTestId('tour-start').click();
  await expect(page.getByTestId('layouts-panel')).toHaveCount(0);

  // Saved for this display, in the list's order, and shown in turn: never "All centres".
  expect(preview.host.service.snapshot().displays['display-0']?.tour).toEqual({
    seconds: 6,
    layoutIds: ['left', 'right'],
  });
  await watchLayouts(page);
  const wall = page.getByTestId('wall');
  await expect(wall).toHaveAttribute('data-layout-id', 'right', { timeout: 30_000 });
  await expect(wall).toHaveAttribute('data-layout-id', 'left', { timeout: 30_000 });
  expect(new Set(await shownLayouts(page))).toEqual(new Set(['left', 'right']));

  // A reload (or a restart) finds the tour again, and the panel shows it.
  await page.reload();
  await expect(page.getByTestId('tour-progress')).toBeVisible();
  await preview.host.service.handle('staff:unlock', { pin: STAFF_PIN });
  await toolbarClick(page, /Bố cục/);
  await expect(panel.getByTestId('tour-pick-all')).not.toBeChecked();
  await expect(panel.getByTestId('tour-pick-left')).toBeChecked();
  await expect(panel.getByTestId('tour-seconds')).toHaveValue('6');
  await panel.getByTestId('tour-stop').click();
  await expect(page.getByTestId('tour-progress')).toHaveCount(0);
  expect(preview.host.service.snapshot().displays['display-0']?.tour).toBeNull();
});

test('staff rename a layout and delete one after a confirmation naming it', async ({
  page,
}, testInfo) => {
  await choose('right');
  await page.goto(preview.host.url);
  await waitForLive(page, [a, e, f, g]);
  await page.keyboard.press('F1');
  await expect(page.getByTestId('help')).toContainText('Ctrl+Alt+Shift+Q');
  await page.keyboard.press('Escape');
  await preview.host.service.handle('staff:lock', undefined);
  await toolbarClick(page, /Bố cục/);
  await answerPin(page);
  const panel = page.getByTestId('layouts-panel');

  const left = panel.getByTestId('layout-row-left');
  await left.getByTestId('rename-layout').click();
  await left.getByTestId('rename-input').fill('Phòng họp tầng 2');
  await left.getByTestId('rename-save').click();
  await expect(left.getByTestId('pick-layout-left')).toContainText('Phòng họp tầng 2');
  expect(preview.host.service.snapshot().layouts.find((l) => l.id === 'left')?.name).toBe(
    'Phòng họp tầng 2',
  );

  // Deleting asks first, naming the layout; "Keep it" keeps it.
  const right = panel.getByTestId('layout-row-right');
  await right.getByTestId('delete-layout').click();
  const confirm = right.getByTestId('delete-confirm');
  await expect(confirm).toContainText('Xoá bố cục “Bên phải”?');
  await page.screenshot({ path: testInfo.outputPath('delete-layout-confirm.png') });
  await confirm.getByRole('button', { name: 'Giữ lại' }).click();
  await expect(right.getByTestId('pick-layout-right')).toBeVisible();
  await right.getByTestId('delete-layout').click();
  await right.getByTestId('delete-yes').click();
  await expect(right).toHaveCount(0);
  expect(preview.host.service.snapshot().layouts.map((l) => l.id)).toEqual(['all', 'left']);
  // The display that showed it falls back to the first layout, and plays.
  await expect(page.getByTestId('wall')).toHaveAttribute('data-layout-id', 'all');
  await panel.getByRole('button', { name: 'Đóng' }).click();
  await expectPlaying(page, installed.slice(0, 4));
});

test('quitting is a staff action: the chord asks for the PIN, then a confirmation; the host stops', async ({
  page,
}, testInfo) => {
  await page.goto(preview.host.url);
  await waitForLive(page, installed.slice(0, 4));
  await preview.host.service.handle('staff:lock', undefined);
  // The kiosk lets this chord reach the page; locked, it asks for the PIN first.
  await page.keyboard.press('Control+Alt+Shift+KeyQ');
  await answerPin(page);
  const dialog = page.getByTestId('quit-dialog');
  await expect(dialog).toContainText('Thoát One-Stop Wall?');
  // Cancel has the focus: Enter (a leaned-on keyboard) keeps the wall.
  await expect(dialog.getByTestId('quit-cancel')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  expect(preview.logLines).not.toContain('wall: quit by staff');
  await expectPlaying(page, installed.slice(0, 4));

  // The toolbar's Quit, still unlocked: straight to the confirmation.
  await toolbarClick(page, 'Thoát');
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('quit-confirm.png') });
  await dialog.getByTestId('quit-yes').click();
  await expect(page.getByTestId('quit-done')).toHaveText('Đã thoát One-Stop Wall.');
  await expect(page.getByTestId('wall')).toHaveAttribute('data-player-count', '0');
  await expect.poll(() => preview.logLines).toContain('preview: stopped (quit by staff)');
  expect(preview.logLines).toContain('wall: quit by staff');
  await expect(page.request.get(preview.host.origin)).rejects.toThrow();
});
