// The embedded demo wall (no configuration): Huyện Cẩm Giàng's district centre and 17
// commune centres on one screen, 16 playing, Cẩm Vũ and Cẩm Phúc calmly "not installed".
import { expect } from '@playwright/test';
import { test } from './support/guarded-test';
import { demoSettings } from '../../electron/settings/demo-config';
import { startPreview, type StartedPreview } from './support/preview-fixture';
import { expectPlaying, waitForLive } from './support/wall-page';

const demo = demoSettings();
const installed = demo.cameras.filter((c) => c.availability === 'installed').map((c) => c.id);
const notInstalled = demo.cameras
  .filter((c) => c.availability === 'not-installed')
  .map((c) => c.id);

let preview: StartedPreview;
const uniform = (template: string) => ({ template, grid: { columns: 1, rows: 1, tiles: [] } });
test.beforeAll(async () => {
  preview = await startPreview(null);
  // Staff saved a 3x3 (key 2) and a 1x1 (key 3) of all centres; the lock is open.
  const service = preview.host.service;
  await service.handle('staff:set-pin', { pin: '2468' });
  await service.handle('layouts:save', {
    id: 'nine',
    name: '3x3',
    ...uniform('3x3'),
    cameras: 'all',
  });
  await service.handle('layouts:save', { id: 'one', name: '1', ...uniform('1'), cameras: 'all' });
});
test.afterAll(async () => preview?.host.close());

test('the demo wall plays 16 centres and shows two as not installed', async ({
  page,
}, testInfo) => {
  expect(installed).toHaveLength(16);
  await page.goto(preview.host.url);
  await waitForLive(page, installed);

  await expectPlaying(page, installed);
  for (const id of notInstalled) {
    const tile = page.locator(`[data-testid="tile"][data-camera-id="${id}"]`);
    await expect(tile).toHaveAttribute('data-state', 'not-installed');
    await expect(tile).toContainText('Chưa lắp camera');
  }
  // Names read from across the room: at least 1/12 of the tile's height, never under 18 px.
  for (const site of demo.sites) {
    const band = page.getByText(site.shortName!, { exact: true }).first();
    await expect(band).toBeVisible();
    const sizes = await band.evaluate((el) => {
      const tile = el.closest('[data-testid="tile"]')!;
      return {
        font: parseFloat(getComputedStyle(el).fontSize),
        tileHeight: tile.getBoundingClientRect().height,
      };
    });
    expect(sizes.font, site.shortName).toBeGreaterThanOrEqual(
      Math.max(18, sizes.tileHeight / 12) - 0.5,
    );
  }
  // Nothing is down, so there is no banner.
  await expect(page.getByTestId('banner')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('demo-wall.png') });
});

test('spare cells are blank, and a town carries "TT" before its name', async ({ page }) => {
  await page.goto(preview.host.url);
  await expect(page.getByTestId('tile')).toHaveCount(20);
  // The 18 centres fill 18 of the 5x4 cells; the two spare ones say nothing at all.
  const spare = page.locator('[data-testid="tile"][data-camera-id=""]');
  await expect(spare).toHaveCount(2);
  for (const cell of await spare.all()) await expect(cell).toHaveText('');
  // Across the room the town Cẩm Giang and the district Cẩm Giàng differ by one accent.
  await expect(page.getByText('TT Cẩm Giang', { exact: true })).toBeVisible();
  await expect(page.getByText('TT Lai Cách', { exact: true })).toBeVisible();
});

test('switching the layout keeps the players of tiles that stay, and English reads right', async ({
  page,
}) => {
  await page.goto(preview.host.url);
  await waitForLive(page, installed);
  const connectionsBefore = preview.host.service.broker.totalConnections;
  // Mark the first tile's <video> element, then switch 5x4 → 3x3 with its key.
  await page
    .locator('[data-testid="tile"] video')
    .first()
    .evaluate((v) => {
      (v as HTMLVideoElement & { __mark?: string }).__mark = 'kept';
    });
  await page.keyboard.press('2');
  await expect(page.getByTestId('tile')).toHaveCount(9);
  const kept = await page
    .locator('[data-testid="tile"] video')
    .first()
    .evaluate((v) => (v as HTMLVideoElement & { __mark?: string }).__mark ?? null);
  expect(kept).toBe('kept');
  await waitForLive(page, installed.slice(0, 9));
  // The 9 cameras that stayed did not reconnect upstream.
  expect(preview.host.service.broker.totalConnections).toBe(connectionsBefore);

  await page.keyboard.press('l');
  await expect(page.getByTestId('wall')).toHaveAttribute('data-locale', 'en');
  await page.keyboard.press('1');
  await expect(page.getByTestId('tile')).toHaveCount(20);
  const vu = page.locator(`[data-testid="tile"][data-camera-id="${notInstalled[0]}"]`);
  await expect(vu).toContainText('No camera yet');
  // Restore the defaults for other tests sharing this host.
  await page.keyboard.press('l');
  await expect(page.getByTestId('wall')).toHaveAttribute('data-locale', 'vi');
});

test('players of tiles that leave the screen are destroyed; the background watch keeps their upstreams', async ({
  page,
}) => {
  await page.goto(preview.host.url);
  await waitForLive(page, installed);
  await expect(page.getByTestId('wall')).toHaveAttribute('data-player-count', '16');
  await page.keyboard.press('3'); // 1x1: only the district centre stays
  await expect(page.getByTestId('tile')).toHaveCount(1);
  // Released players are kept a few seconds for a tile that might take them, then destroyed.
  await expect(page.getByTestId('wall')).toHaveAttribute('data-player-count', '1', {
    timeout: 30_000,
  });
  // Their WebSockets closed: the 15 cameras off screen keep one viewer each, the wall's
  // background watch, so their centres still have a real state (and the banner counts them).
  const broker = preview.host.service.broker;
  const offScreen = installed.slice(1);
  await expect
    .poll(() => offScreen.map((id) => broker.session(id, 'sub')?.viewerCount ?? 0).join(), {
      timeout: 30_000,
    })
    .toBe(offScreen.map(() => 1).join());
  expect(preview.host.service.statuses().filter((s) => s.state === 'idle')).toEqual([]);
  expect(preview.host.service.watch.holding()).toHaveLength(installed.length);
  await expectPlaying(page, [installed[0]!]);
  await page.keyboard.press('1');
  await waitForLive(page, installed);
});
