// Staff shape the wall: the PIN, a custom layout built in the editor and recalled with its
// key, pages, a tour whose staying cameras keep their players, two displays with different
// layouts, and a maximised tile on the main stream. Runs against the preview host's demo
// (with a main stream added to the district centre).
import { expect } from '@playwright/test';
import { test } from './support/guarded-test';
import { demoSettings } from '../../electron/settings/demo-config';
import { settingsFile } from '../../electron/settings/settings-model';
import { startPreview, type StartedPreview } from './support/preview-fixture';
import {
  answerPin,
  expectNoBlackTile,
  markVideo,
  recordSwitch,
  STAFF_PIN,
  switchRecord,
  toolbarClick,
  videoMark,
} from './support/staff-page';
import { expectPlaying, waitForLive } from './support/wall-page';

const file = settingsFile(demoSettings());
const huyen = file.cameras[0]!;
huyen.streams.main = { url: 'demo:clip-2' };
const installed = demoSettings()
  .cameras.filter((c) => c.availability === 'installed')
  .map((c) => c.id);

let preview: StartedPreview;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  preview = await startPreview(file);
});
test.afterAll(async () => preview?.host.close());

/** Staff requests made in-process, as the renderer would (the lock is main's, shared). */
async function asStaff(channel: string, payload: unknown): Promise<void> {
  const service = preview.host.service;
  await service.handle('staff:unlock', { pin: STAFF_PIN });
  const result = await service.handle(channel, payload);
  expect(result, channel).toMatchObject({ ok: true });
}

test('the staff PIN: set on first use, wrong PINs slowed, the right one unlocks', async ({
  page,
}) => {
  await page.goto(preview.host.url);
  await waitForLive(page, installed);
  // Glancing needs nothing; choosing a layout asks for the PIN, first to set it.
  await page.keyboard.press('1');
  await expect(page.getByTestId('pin-dialog')).toContainText('Đặt mã PIN');
  await answerPin(page);
  await preview.host.service.handle('staff:lock', undefined);

  await page.keyboard.press('1');
  await expect(page.getByTestId('pin-dialog')).toContainText('Nhập mã PIN');
  await page.getByTestId('pin-input').fill('1111');
  await page.getByTestId('pin-submit').click();
  await expect(page.getByTestId('pin-error')).toHaveText('Sai mã PIN');
  await page.getByTestId('pin-input').fill('1112');
  await page.getByTestId('pin-submit').click();
  // Slowed: the dialog says how long, and main refuses until then.
  await expect(page.getByTestId('pin-wait')).toContainText('thử lại sau');
  await expect(page.getByTestId('pin-submit')).toBeDisabled();
  expect(preview.logLines.filter((l) => l.includes('wrong PIN'))).toHaveLength(2);
  await expect(page.getByTestId('pin-wait')).toHaveCount(0, { timeout: 10_000 });
  await answerPin(page);
  // The wall played on throughout: every tile still live, presenting pictures that are not black.
  await waitForLive(page, installed);
  await expectPlaying(page, installed);
});

test('a custom layout with merged cells, cameras put by search and by drag, recalled by key', async ({
  page,
}, testInfo) => {
  await page.goto(preview.host.url);
  await waitForLive(page, installed.slice(0, 4));
  await preview.host.service.handle('staff:unlock', { pin: STAFF_PIN });
  await toolbarClick(page, /Bố cục/);
  await page.getByTestId('new-layout').click();
  const editor = page.getByTestId('editor');
  await editor.getByTestId('editor-columns').selectOption('4');
  await editor.getByTestId('editor-rows').selectOption('3');
  const tiles = editor.getByTestId('editor-tile');
  await expect(tiles).toHaveCount(12);
  // Select cells (0,0) … (1,1) by dragging across them, then merge.
  await tiles.nth(0).hover();
  await page.mouse.down();
  await tiles.nth(5).hover();
  await page.mouse.up();
  await editor.getByTestId('editor-merge').click();
  await expect(tiles).toHaveCount(9);
  await expect(tiles.nth(0)).toHaveAttribute('data-span', '2x2');
  // The large tile gets Cẩm Đoài by a search typed without diacritics.
  await tiles.nth(0).click();
  await editor.getByTestId('camera-search').fill('cam doai');
  await expect(editor.getByTestId('camera-choice')).toHaveCount(1);
  await editor.getByTestId('camera-choice').click();
  await expect(tiles.nth(0)).toHaveAttribute('data-camera-id', 'cam-doai-quay-1');
  // Others by dragging from the list.
  for (const [query, tile] of [
    ['huyen', 1],
    ['lai cach', 2],
    ['cao an', 3],
  ] as const) {
    await editor.getByTestId('camera-search').fill(query);
    await editor.getByTestId('camera-choice').first().dragTo(tiles.nth(tile));
  }
  await expect(tiles.nth(1)).toHaveAttribute('data-camera-id', 'huyen-quay-1');
  // Dragging one tile onto another swaps them.
  await tiles.nth(2).getByTestId('editor-chip').dragTo(tiles.nth(3));
  await expect(tiles.nth(2)).toHaveAttribute('data-camera-id', 'cao-an-quay-1');
  await expect(tiles.nth(3)).toHaveAttribute('data-camera-id', 'lai-cach-quay-1');
  await editor.getByTestId('editor-name').fill('Phòng họp');
  await editor.getByTestId('editor-save').click();
  await expect(editor).toHaveCount(0);

  // Saved second (after "All centres"): key 2 recalls it.
  await page.keyboard.press('2');
  const big = page.locator('.grid__cell[data-span="2x2"] [data-testid="tile"]');
  await expect(big).toHaveAttribute('data-camera-id', 'cam-doai-quay-1');
  await expect(page.locator('.grid [data-testid="tile"]')).toHaveCount(9);
  await waitForLive(page, ['cam-doai-quay-1', 'huyen-quay-1', 'cao-an-quay-1']);
  await page.mouse.move(1, 1);
  await page.screenshot({ path: testInfo.outputPath('custom-merged-layout.png') });
  await page.keyboard.press('1');
  await expect(page.locator('.grid [data-testid="tile"]')).toHaveCount(20);
});

const grid = (template: string) => ({ template, grid: { columns: 1, rows: 1, tiles: [] } });

test('1+5 with the district centre large, paged with PageDown, and the help in Vietnamese', async ({
  page,
}, testInfo) => {
  await asStaff('layouts:save', { id: 'big', name: '1+5', ...grid('1+5'), cameras: 'all' });
  await page.goto(preview.host.url);
  await asStaff('displays:choose', {
    displayId: 'display-0',
    choice: { index: 0, layoutId: 'big', tour: null },
  });
  const bigTile = page.locator('.grid__cell[data-span="2x2"] [data-testid="tile"]');
  await expect(bigTile).toHaveAttribute('data-camera-id', 'huyen-quay-1');
  await expect(page.getByTestId('pager')).toHaveText('1/3');
  await waitForLive(page, installed.slice(0, 6));
  await page.screenshot({ path: testInfo.outputPath('layout-1-plus-5.png') });
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('pager')).toHaveText('2/3');
  await expect(bigTile).toHaveAttribute('data-camera-id', installed[6]!);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('pager')).toHaveText('3/3');

  await page.keyboard.press('F1');
  const help = page.getByTestId('help');
  await expect(help).toContainText('Phím tắt');
  await expect(help).toContainText('Trở về lưới (luồng phụ)');
  await page.screenshot({ path: testInfo.outputPath('help-vi.png') });
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
});

test('a tour starts the next page early and keeps the player of a camera on both pages', async ({
  page,
}, testInfo) => {
  const [a, b, c, d, e, f, g] = installed;
  await asStaff('layouts:save', {
    id: 'tour',
    name: 'Tour',
    ...grid('2x2'),
    cameras: [a, b, c, d, a, e, f, g],
  });
  await page.goto(preview.host.url);
  await asStaff('displays:choose', {
    displayId: 'display-0',
    choice: { index: 0, layoutId: 'tour', tour: { seconds: 6, layoutIds: [] } },
  });
  const progress = page.getByTestId('tour-progress');
  await expect(progress).toHaveAttribute('data-step', '0');
  await waitForLive(page, [a!, b!, c!, d!]);
  await markVideo(page, a!, 'stays');
  const connections = preview.host.service.broker.session(a!, 'sub')?.connections;
  // Before the switch the next page's players are already in the pool (4 + 3 new).
  await expect(page.getByTestId('wall')).toHaveAttribute('data-player-count', '7');
  await expect(progress).toHaveAttribute('data-step', '0');
  await recordSwitch(page, { testId: 'tour-progress', attribute: 'data-step', value: '1' });
  await expect(progress).toHaveAttribute('data-step', '1');
  // In the first moment of the next page every tile already has a picture.
  const atSwitch = await switchRecord(page);
  expect(atSwitch.map((t) => t.cameraId)).toEqual([a, e, f, g]);
  expectNoBlackTile(atSwitch);
  expect(atSwitch[0]!.mark).toBe('stays');
  expect(await videoMark(page, a!)).toBe('stays');
  expect(preview.host.service.broker.session(a!, 'sub')?.connections).toBe(connections);
  await expectPlaying(page, [a!, e!, f!, g!]);
  await page.screenshot({ path: testInfo.outputPath('tour-progress.png') });
  // Space pauses, and the line says so in words too.
  await page.keyboard.press(' ');
  await expect(progress).toHaveAttribute('data-paused', 'true');
  await expect(progress).toContainText('Tạm dừng');
  await asStaff('displays:choose', {
    displayId: 'display-0',
    choice: { index: 0, layoutId: 'all', tour: null },
  });
});

test('two displays show two layouts; a maximised tile plays the main stream', async ({
  browser,
  pageErrors,
}) => {
  await asStaff('displays:choose', {
    displayId: 'display-1',
    choice: { index: 1, layoutId: 'big', tour: null },
  });
  const first = await browser.newPage();
  const second = await browser.newPage();
  pageErrors.watch(first);
  pageErrors.watch(second);
  await first.goto(preview.host.url);
  await second.goto(`${preview.host.url}&display=1`);
  await expect(first.getByTestId('wall')).toHaveAttribute('data-layout-id', 'all');
  await expect(second.getByTestId('wall')).toHaveAttribute('data-layout-id', 'big');
  await second.close();

  const broker = preview.host.service.broker;
  const tile = first.locator('.grid [data-testid="tile"][data-camera-id="huyen-quay-1"]');
  await waitForLive(first, ['huyen-quay-1']);
  await tile.dblclick();
  const large = first.getByTestId('maximised').getByTestId('tile');
  await expect(large).toHaveAttribute('data-quality', 'main');
  await expect.poll(() => broker.session('huyen-quay-1', 'main')?.connections ?? 0).toBe(1);
  await expect(large).toHaveAttribute('data-state', 'live', { timeout: 45_000 });
  // The grid stays under the maximised tile, but decodes nothing there: its videos are paused
  // (their streams keep flowing, so the banner's count stays true), the large one plays.
  const paused = (selector: string) =>
    first
      .locator(selector)
      .evaluateAll((videos) => videos.map((v) => (v as HTMLVideoElement).paused));
  await expect.poll(() => paused('.grid video')).not.toContain(false);
  expect(await paused('.grid video')).not.toHaveLength(0);
  await expect.poll(() => paused('.maximised video')).toEqual([false]);
  await first.keyboard.press('Escape');
  await expect(first.getByTestId('maximised')).toHaveCount(0);
  await expect(tile).toHaveAttribute('data-quality', 'sub');
  await expectPlaying(first, ['huyen-quay-1']);
  // Enter on a focused tile maximises too.
  await tile.focus();
  await first.keyboard.press('Enter');
  await expect(large).toHaveAttribute('data-quality', 'main');
  await first.keyboard.press('Escape');
  await first.close();
});
