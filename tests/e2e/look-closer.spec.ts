// Look closer against the real media server: a barcode clock (the encoder's wall clock drawn
// into each frame, tests/bench/barcode.ts) proves a snapshot's burned-in time and where an
// instant replay starts; a static picture whose colour encodes its position proves the zoom.
import { expect, type Page } from '@playwright/test';
import { test } from './support/guarded-test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPngText } from '../../electron/services/snapshot-file';
import type { WallSettingsFile } from '../../electron/settings/settings-model';
import { decodeBarcodeRgba, unwrapEpochMs } from '../bench/barcode';
import {
  BARCODE_FPS,
  BARCODE_HEIGHT,
  BARCODE_WIDTH,
  startBarcodeSource,
} from '../bench/barcode-source';
import { startMediaServer, type MediaServer } from '../fixtures/media-server/media-server';
import { startPreview, type StartedPreview } from './support/preview-fixture';
import { waitForLive } from './support/wall-page';

const FRAME_MS = 1_000 / BARCODE_FPS;
const CLOCK = 'clock';
const PICTURE = 'picture';

let server: MediaServer;
let preview: StartedPreview;
let barcode: { close(): Promise<void> };
let snapshotFolder: string;

/**
 * A picture whose red is x and green is y (0…255 across it), as a 3-minute clip: longer than
 * the tests, so the publisher's loop (a timestamp jump) never happens while they look. A small
 * square runs along its bottom edge (under the name band), so the frames change like a
 * camera's: a picture that never changes would rightly look frozen to the tile's watchdog.
 */
function positionPicture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'position-'));
  const ffmpeg = (args: string[]) => {
    const made = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', ...args]);
    if (made.status !== 0) throw new Error(`ffmpeg: ${made.stderr.toString()}`);
  };
  const still = join(dir, 'position.png');
  ffmpeg([
    '-f',
    'lavfi',
    '-i',
    "color=c=black:s=640x360,format=rgb24,geq=r='X*255/W':g='Y*255/H':b=128",
    '-frames:v',
    '1',
    still,
  ]);
  const clip = join(dir, 'position.flv');
  ffmpeg([
    '-loop',
    '1',
    '-framerate',
    '25',
    '-i',
    still,
    '-t',
    '180',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-g',
    '25',
    '-pix_fmt',
    'yuv420p',
    '-f',
    'flv',
    clip,
  ]);
  return clip;
}

function settings(): WallSettingsFile {
  const endpoint = (name: string) => ({
    url: server.wsFlvUrl(name),
    auth: { type: 'nms-sign' as const, secret: server.secret },
  });
  return {
    schemaVersion: 1,
    locale: 'vi',
    sites: [
      { id: 'lai-cach', name: 'Thị trấn Lai Cách', shortName: 'TT Lai Cách' },
      { id: 'cao-an', name: 'Xã Cao An', shortName: 'Cao An' },
    ],
    cameras: [
      {
        id: CLOCK,
        siteId: 'lai-cach',
        name: 'Quầy 1',
        streams: { sub: endpoint(CLOCK), main: endpoint(CLOCK) },
      },
      { id: PICTURE, siteId: 'cao-an', name: 'Quầy 2', streams: { sub: endpoint(PICTURE) } },
    ],
    layout: { preset: '2x2', cameraIds: [CLOCK, PICTURE] },
    snapshotFolder,
  } as WallSettingsFile;
}

test.beforeAll(async () => {
  snapshotFolder = mkdtempSync(join(tmpdir(), 'snapshots-'));
  server = await startMediaServer();
  barcode = startBarcodeSource(server.rtmpPort, [CLOCK]);
  server.publish(PICTURE, positionPicture());
  preview = await startPreview(settings());
});

test.afterAll(async () => {
  await preview?.host.close();
  await barcode?.close();
  await server?.close();
});

const tile = (page: Page, id: string, where = '.grid') =>
  page.locator(`${where} [data-testid="tile"][data-camera-id="${id}"]`);

/** Decodes a PNG in the page (Chromium's decoder): size and the RGBA of a region. */
async function pngPixels(page: Page, png: Buffer, region: { y: number; height: number }) {
  return page.evaluate(
    async ({ base64, y, height }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const rows = Math.min(height, bitmap.height - y);
      const data = context.getImageData(0, y, bitmap.width, rows).data;
      return { width: bitmap.width, height: bitmap.height, rgba: Array.from(data) };
    },
    { base64: png.toString('base64'), ...region },
  );
}

/** Decodes a PNG in the page and returns the RGB at fractions (u, v) of it. */
async function pngSamples(page: Page, png: Buffer, points: [number, number][]) {
  return page.evaluate(
    async ({ base64, points }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return points.map(([u, v]) => {
        const x = Math.round(u * (bitmap.width - 1));
        const y = Math.round(v * (bitmap.height - 1));
        return Array.from(context.getImageData(x, y, 1, 1).data.slice(0, 3));
      });
    },
    { base64: png.toString('base64'), points },
  );
}

/** The barcode of the frame a <video> shows now, read in the page, as epoch ms. */
async function videoBarcode(
  page: Page,
  selector: string,
): Promise<{ encodedAt: number; mediaTime: number } | null> {
  const read = await page.evaluate((sel) => {
    const video = document.querySelector<HTMLVideoElement>(sel);
    if (!video || video.videoWidth === 0) return null;
    const canvas = new OffscreenCanvas(video.videoWidth, 16);
    const context = canvas.getContext('2d')!;
    // The picture and its media time read together, in one task.
    const mediaTime = video.currentTime;
    context.drawImage(video, 0, 0);
    return { rgba: Array.from(context.getImageData(0, 0, video.videoWidth, 16).data), mediaTime };
  }, selector);
  const value = read ? decodeBarcodeRgba(read.rgba, BARCODE_WIDTH) : null;
  return value === null || !read
    ? null
    : { encodedAt: unwrapEpochMs(value, Date.now()), mediaTime: read.mediaTime };
}

async function maximise(page: Page, id: string) {
  await tile(page, id).dblclick();
  await waitForLive(page, [id]);
  await expect(page.locator('.maximised [data-testid="tile"]')).toHaveAttribute(
    'data-camera-id',
    id,
  );
}

test('a snapshot has the stream’s resolution and the frame’s own time, to the frame', async ({
  page,
}) => {
  await page.goto(preview.host.url);
  await waitForLive(page, [CLOCK, PICTURE]);
  await maximise(page, CLOCK);
  // The main stream opened just now: the media server's cached GOP came in a burst, and the
  // live frames after it (a fraction of a second later) tell the player the true receive time.
  await page.waitForTimeout(1_000);
  await page.keyboard.press('c');
  await expect(page.locator('.banner__notice')).toContainText(`Đã lưu ảnh: ${snapshotFolder}`);
  const [name] = readdirSync(snapshotFolder);
  expect(name).toMatch(/^TT Lai Cách - Quầy 1 - \d{4}-\d\d-\d\d \d\d-\d\d-\d\d\.png$/);
  const png = readFileSync(join(snapshotFolder, name!));
  const top = await pngPixels(page, png, { y: 0, height: 16 });
  expect([top.width, top.height]).toEqual([BARCODE_WIDTH, BARCODE_HEIGHT]);
  const encodedAt = unwrapEpochMs(decodeBarcodeRgba(top.rgba, top.width)!, Date.now());
  const receivedAt = Date.parse(readPngText(png, 'Creation Time')!);
  // Within a frame of its encoding (loopback, a zero-latency encoder): the frame's own time,
  // not the key press's, which comes a player's latency and more later. The time is the
  // frame's stream time placed on the wall clock by main's receive marks, so it may read a few
  // milliseconds either side of the encoder's own clock.
  const lag = receivedAt - encodedAt;
  test.info().annotations.push({ type: 'receive lag (ms)', description: String(lag) });
  expect(Math.abs(lag)).toBeLessThanOrEqual(FRAME_MS);
  // The band is burned in along the bottom: dark, with light letters.
  const band = await pngPixels(page, png, { y: BARCODE_HEIGHT - 20, height: 20 });
  const lumas = [];
  for (let i = 0; i < band.rgba.length; i += 4)
    lumas.push(band.rgba[i]! * 0.3 + band.rgba[i + 1]! * 0.6);
  expect(lumas.filter((l) => l < 60).length / lumas.length).toBeGreaterThan(0.5);
  expect(lumas.some((l) => l > 200)).toBe(true);
});

test('replay of the last 10 s starts at a keyframe about 10 s back, then goes live again', async ({
  page,
}, testInfo) => {
  await page.goto(preview.host.url);
  await waitForLive(page, [CLOCK]);
  await maximise(page, CLOCK);
  // Enough buffered: the grid's tile has shown the clock since the page opened.
  await page.waitForTimeout(12_000);
  const pressedAt = Date.now();
  await page.keyboard.press('r');
  const replayVideo = '.maximised video.replay-video';
  await page.waitForFunction(
    (sel) => (document.querySelector<HTMLVideoElement>(sel)?.readyState ?? 0) >= 2,
    replayVideo,
    { polling: 'raf' },
  );
  const shown = await videoBarcode(page, replayVideo);
  expect(shown).not.toBeNull();
  // The clip's first frame: the one shown, less the media time played since (the encoder
  // stamps frames 40 ms apart, as their timestamps are).
  const back = pressedAt - (shown!.encodedAt - shown!.mediaTime * 1_000);
  testInfo.annotations.push({ type: 'replay starts back (ms)', description: String(back) });
  // The latest keyframe at or before 10 s back: up to one GOP (2 s) earlier, never later.
  expect(back).toBeGreaterThanOrEqual(10_000 - 500);
  expect(back).toBeLessThanOrEqual(12_000 + 1_000);
  const badge = page.getByTestId('replay');
  await expect(badge).toContainText(/^Xem lại · \d\d:\d\d:\d\d$/);
  await page.waitForTimeout(3_000);
  await page.screenshot({ path: testInfo.outputPath('replay-in-progress.png') });
  // The label's time is the replayed frame's: seconds behind the live clock.
  const labelled = Number(await badge.getAttribute('data-frame-at'));
  expect(Date.now() - labelled).toBeGreaterThan(5_000);
  // Back to live by itself once the clip has played.
  await expect(badge).toBeHidden({ timeout: 20_000 });
  const live = await videoBarcode(page, '.maximised video');
  // Live again: the picture is seconds old at most, not the replay's ten.
  expect(Date.now() - live!.encodedAt).toBeLessThan(5_000);
});

test('zoom 4× on a maximised tile shows the middle quarter of the picture, with an inset', async ({
  page,
}, testInfo) => {
  await page.goto(preview.host.url);
  await waitForLive(page, [PICTURE]);
  await maximise(page, PICTURE);
  const maximised = page.locator('.maximised [data-testid="tile"]');
  await page.mouse.move(5, 5);
  // No words over the picture (a player that has just started says "connecting" for a tick).
  const words = maximised.locator('.status');
  await expect(words).toHaveCount(0);
  const whole = await maximised.screenshot({ path: testInfo.outputPath('whole-tile.png') });
  for (let i = 0; i < 4; i++) await page.keyboard.press('+');
  await expect(page.getByTestId('zoom-inset')).toBeVisible();
  await expect(maximised.locator('.tile-box').first()).toHaveAttribute('style', /scale\(4\)/);
  await page.waitForTimeout(500);
  await expect(words).toHaveCount(0);
  const zoomed = await maximised.screenshot();
  await page.screenshot({ path: testInfo.outputPath('zoomed-tile-with-inset.png') });
  const box = (await maximised.boundingBox())!;
  // Away from the inset (top right) and the name band (bottom).
  const points: [number, number][] = [];
  for (const u of [0.15, 0.3, 0.5, 0.7]) for (const v of [0.2, 0.4, 0.6, 0.75]) points.push([u, v]);
  const seen = await pngSamples(page, zoomed, points);
  const expected = await pngSamples(
    page,
    whole,
    points.map(([u, v]) => [0.375 + u / 4, 0.375 + v / 4]),
  );
  points.forEach(([u, v], i) => {
    const diff = Math.max(...seen[i]!.map((c, k) => Math.abs(c - expected[i]![k]!)));
    expect(diff, `(${u}, ${v}) of a ${box.width}x${box.height} tile`).toBeLessThanOrEqual(12);
  });
  // 0 resets; back in the grid the zoom is forgotten.
  await page.keyboard.press('0');
  await expect(page.getByTestId('zoom-inset')).toBeHidden();
  await page.keyboard.press('+');
  await page.keyboard.press('Escape');
  await maximise(page, PICTURE);
  await expect(page.getByTestId('zoom-inset')).toBeHidden();
  await expect(maximised.locator('.tile-box').first()).toHaveAttribute('style', /transform: none/);
});
