// The status view against a real Node-Media-Server fed by real ffmpeg publishers: one centre's
// publisher is stopped, the view shows the outage with its start while the wall keeps playing
// behind it, then, after the publisher returns, how long it lasted; the CSV download holds the
// outage with its Vietnamese names and the BOM; the PC check measures and shows a figure.
import { expect, type Page } from '@playwright/test';
import { test } from './support/guarded-test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HealthSummary } from '../../electron/contract/health-view';
import type { PcCheckReport } from '../../electron/contract/pc-check';
import type { WallSettingsFile } from '../../electron/settings/settings-model';
import {
  PROJECT_ROOT,
  startMediaServer,
  type MediaServer,
} from '../fixtures/media-server/media-server';
import { startPreview, type StartedPreview } from './support/preview-fixture';
import { toolbarClick } from './support/staff-page';
import { expectPlaying, waitForLive, waitForState } from './support/wall-page';

const CENTRES = [
  { camera: 'doai', site: 'cam-doai', name: 'Xã Cẩm Đoài', short: 'Cẩm Đoài' },
  { camera: 'lai-cach', site: 'lai-cach', name: 'Thị trấn Lai Cách', short: 'TT Lai Cách' },
  { camera: 'ngoc-lien', site: 'ngoc-lien', name: 'Xã Ngọc Liên', short: 'Ngọc Liên' },
];
const DOWN = CENTRES[1]!;
// Outages count only in office hours: the wall is on round the clock so this runs at any hour,
// in the centres' zone, in which the view, the record and the CSV give their times.
const ZONE = 'Asia/Ho_Chi_Minh';
const PLAYING = [CENTRES[0]!.camera, CENTRES[2]!.camera];

function settings(server: MediaServer): WallSettingsFile {
  return {
    schemaVersion: 1,
    locale: 'vi',
    sites: CENTRES.map((c) => ({ id: c.site, name: c.name, shortName: c.short })),
    cameras: CENTRES.map((c) => ({
      id: c.camera,
      siteId: c.site,
      name: 'Quầy một cửa',
      streams: {
        sub: { url: server.wsFlvUrl(c.camera), auth: { type: 'nms-sign', secret: server.secret } },
      },
    })),
    layout: { preset: '2x2', cameraIds: CENTRES.map((c) => c.camera) },
    schedule: { always: true, timeZone: ZONE },
  };
}

let server: MediaServer;
let preview: StartedPreview;

test.beforeAll(async () => {
  server = await startMediaServer();
  CENTRES.forEach((c, i) =>
    server.publish(c.camera, join(PROJECT_ROOT, 'assets', 'demo', `clip-${i + 1}.flv`)),
  );
  preview = await startPreview(settings(server), {
    dataDir: mkdtempSync(join(tmpdir(), 'wall-data-')),
  });
});

test.afterAll(async () => {
  await preview?.host.close();
  await server?.close();
});

const hhmm = (at: number) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);

async function summary(): Promise<HealthSummary> {
  const result = await preview.host.service.handle('health:get-summary', undefined);
  if (!result.ok) throw new Error(result.error);
  return result.value as HealthSummary;
}

const centreRow = (page: Page, site: string) =>
  page.locator(`[data-testid="status-centre"][data-site-id="${site}"]`);

test('an outage in the status view, its duration after, the CSV, and the PC check', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  await page.goto(preview.host.url);
  await waitForLive(
    page,
    CENTRES.map((c) => c.camera),
  );

  // One centre goes dark.
  const stoppedAt = Date.now();
  await server.unpublish(DOWN.camera);
  await waitForState(page, DOWN.camera, ['stalled', 'no-media', 'unreachable']);
  // The record calls it an outage once main sees a failure (a reconnect gets a short grace).
  const downSite = async () => (await summary()).sites.find((s) => s.siteId === DOWN.site)!;
  await expect.poll(async () => (await downSite()).down, { timeout: 60_000 }).toBe(true);
  const seenDownAt = Date.now();
  const start = (await downSite()).downSince!;

  await toolbarClick(page, 'Tình trạng');
  const view = page.getByTestId('status-view');
  await expect(view).toBeVisible();
  expect(start).toBeGreaterThanOrEqual(stoppedAt);
  expect(start).toBeLessThanOrEqual(seenDownAt);
  await expect(centreRow(page, DOWN.site)).toContainText(`Không có hình · từ ${hhmm(start)}`);
  await expect(centreRow(page, DOWN.site)).toContainText(DOWN.name);
  await expect(centreRow(page, CENTRES[0]!.site)).toContainText('Trực tiếp');
  // Sorted by the current outage, the dark centre comes first.
  await page.getByTestId('sort-outage').click();
  await expect(page.getByTestId('status-centre').first()).toHaveAttribute(
    'data-site-id',
    DOWN.site,
  );
  // The wall's players behind the view keep decoding.
  await expectPlaying(page, PLAYING);
  await page.screenshot({ path: testInfo.outputPath('status-view-one-centre-down.png') });

  // It comes back; reopened, the view says when the outage ran and how long it lasted.
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  server.publish(DOWN.camera, join(PROJECT_ROOT, 'assets', 'demo', 'clip-2.flv'));
  await waitForLive(page, [DOWN.camera], 90_000);
  const seenLiveAt = Date.now();
  await page.keyboard.press('s');
  await expect(view).toBeVisible();
  // The replay buffers of the streams on screen, in the view (figure from main's summary).
  const held = (await summary()).replayMemoryBytes!;
  expect(held).toBeGreaterThan(0);
  await expect(page.getByTestId('replay-memory')).toContainText('Bộ nhớ giữ để xem lại');
  const camera = (await summary()).sites.find((s) => s.siteId === DOWN.site)!.cameras[0]!;
  // The last outage since the stop (a stream that keeps dropping before it stays away is
  // recorded as several, as the tile said them: lost, back for a moment, unstable).
  const outage = camera.lastOutage!;
  expect(outage.start).toBeGreaterThanOrEqual(start);
  expect(outage.end).toBeGreaterThan(outage.start);
  expect(outage.end!).toBeLessThanOrEqual(seenLiveAt);
  const seconds = Math.round((outage.end! - outage.start) / 1000);
  const duration = seconds < 60 ? `${seconds} giây` : `${Math.floor(seconds / 60)} phút`;
  await expect(centreRow(page, DOWN.site).getByTestId('last-outage')).toHaveText(
    `Lần mất hình gần nhất: ${hhmm(outage.start)} – ${hhmm(outage.end!)} (${duration})`,
  );

  // The CSV for this month (the pickers' default), as Excel will read it.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('csv-outages').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^mat-hinh_\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  expect(rows[0]).toBe('Trung tâm,Camera,Bắt đầu,Kết thúc,Số phút,Tình trạng,Nguyên nhân');
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(start);
  const row = rows.find((r) => r.startsWith(`${DOWN.name},Quầy một cửa,${day} ${hhmm(start)},`));
  expect(row, rows.join('\n')).toBeDefined();
  expect(row).toMatch(/,(Mất tín hiệu|Không nhận được hình|Không kết nối được tới camera),/);

  // The PC check: measured with the demo clips, a figure shown, its players gone after.
  // (The first-start check may already have shown a figure: wait for this run to end.)
  await page.getByTestId('pc-check-run').click();
  await expect(page.getByTestId('pc-check-strip')).toHaveCount(0, { timeout: 150_000 });
  await expect(page.getByTestId('pc-tiles')).toBeVisible();
  const figure = Number(await page.getByTestId('pc-tiles').getAttribute('data-tiles'));
  await expect(page.getByTestId('pc-tiles')).toContainText(`${figure} ô 640×360`);
  const kept = await preview.host.service.handle('health:get-pc-check', undefined);
  const report = kept.ok ? (kept.value as PcCheckReport) : null;
  expect(report?.renderer?.decode.steps.length).toBeGreaterThan(0);
  expect(report?.renderer?.codecs.h264.mse).toBe(true);
  expect(report?.disk.freeBytes).toBeGreaterThan(0);
  await expect(page.getByTestId('pc-clock')).toContainText('hợp lý');
  // The wall's notice follows the measurement: 3 cameras on screen against what was measured.
  const capacity = report!.renderer!.decode.tiles + report!.renderer!.decode.wallPlayers;
  if (capacity < CENTRES.length) {
    await expect(page.getByTestId('capacity-notice')).toHaveText(
      `Bố cục có ${CENTRES.length} ô, máy này đo được ${capacity} ô chạy đủ hình — hình có thể bị giật`,
    );
  } else {
    await expect(page.getByTestId('capacity-notice')).toHaveCount(0);
  }
  // Its demo streams are not cameras: nothing of them in the health record.
  expect((await summary()).sites.flatMap((s) => s.cameras.map((c) => c.cameraId)).sort()).toEqual(
    CENTRES.map((c) => c.camera).sort(),
  );
  // Its players are gone and main let go of their demo streams (idle: no viewer, no source).
  const checkStates = () =>
    Array.from({ length: 25 }, (_, i) =>
      preview.host.service.broker.session(`~pc-check-${i + 1}`, 'sub'),
    )
      .filter((session) => session !== undefined)
      .map((session) => session.currentStatus.state);
  expect(checkStates().length).toBeGreaterThan(0);
  await expect
    .poll(() => checkStates().filter((state) => state !== 'idle'), { timeout: 20_000 })
    .toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('status-view-pc-check.png') });
  await expectPlaying(
    page,
    CENTRES.map((c) => c.camera),
  );
});

test('the demo district’s status view in English: every centre, sortable, Esc closes it', async ({
  page,
}, testInfo) => {
  const demo = await startPreview(null, { dataDir: mkdtempSync(join(tmpdir(), 'wall-demo-')) });
  try {
    await page.goto(demo.host.url);
    await expect(page.getByTestId('wall')).toBeVisible();
    await page.keyboard.press('l');
    await expect(page.getByTestId('wall')).toHaveAttribute('data-locale', 'en');
    await page.keyboard.press('s');
    const view = page.getByTestId('status-view');
    await expect(view.getByRole('heading', { name: 'Status of the centres' })).toBeVisible();
    const sites = (await demo.host.service.handle('wall:get-snapshot', undefined)) as {
      value: { sites: { id: string; name: string }[] };
    };
    await expect(view.getByTestId('status-centre')).toHaveCount(sites.value.sites.length);
    // A centre with no camera yet says so calmly, in the tiles' words.
    await expect(view).toContainText('Cẩm Vũ');
    await view.getByTestId('sort-name').click();
    const names = await view.locator('.centre__name').allTextContents();
    expect(names).toEqual([...names].sort(new Intl.Collator('en').compare));
    await page.screenshot({ path: testInfo.outputPath('status-view-demo-en.png') });
    await page.keyboard.press('Escape');
    await expect(view).toHaveCount(0);
  } finally {
    await demo.host.close();
  }
});
