// Staff shape the wall: the PIN, a custom layout built in the editor and recalled with its
// key, pages, a tour whose staying cameras keep their players, two displays with different
// layouts, and a maximised tile on the main stream. Runs against the preview host's demo
// (with a main stream added to the district centre).
import { expect, test } from '@playwright/test';
import { demoSettings } from '../../electron/settings/demo-config';
import { settingsFile } from '../../electron/settings/settings-model';
import { startPreview, type StartedPreview } from './support/preview-fixture';
import { answerPin, markVideo, STAFF_PIN, toolbarClick, videoMark } from './support/staff-page';
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
  // The wall played on throughout.
  await expectPlaying(page, installed.slice(0, 4));
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
