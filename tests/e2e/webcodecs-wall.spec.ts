// The WebCodecs engine (`?engine=webcodecs`) in Debian's Chromium: tiles take the gateway's
// access-unit stream and show decoded H.264 from Node-Media-Server, with either sink
// (renderer/src/player/frame-sink.ts): a <video> playing a generated track (the default where
// the browser has MediaStreamTrackGenerator) or a canvas (`sink=canvas`). An H.265 camera
// (GStreamer's x265 over RTSP), which this Chromium has no WebCodecs decoder for, falls back to
// mpegts.js, which says the display cannot decode it.
import { expect, type Page } from '@playwright/test';
import { test } from './support/guarded-test';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WallSettingsFile } from '../../electron/settings/settings-model';
import {
  PROJECT_ROOT,
  startMediaServer,
  type MediaServer,
} from '../fixtures/media-server/media-server';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server/start-rtsp-server';
import { startPreview, type StartedPreview } from './support/preview-fixture';
import { waitForState } from './support/wall-page';

const H264 = ['wc1', 'wc2', 'wc3', 'wc4'];
const H265 = 'wc-h265';

let server: MediaServer;
let rtsp: RtspServer;
let preview: StartedPreview;
let snapshotFolder: string;

function settings(): WallSettingsFile {
  const cameras = [
    ...H264.map((id) => ({
      id,
      url: server.wsFlvUrl(id),
      auth: { type: 'nms-sign' as const, secret: server.secret },
    })),
    {
      id: H265,
      url: rtsp.url('/cam2'),
      auth: { type: 'password' as const, username: 'admin', password: 'secret' },
    },
  ].map(({ id, url, auth }, i) => ({
    id,
    siteId: `site-${i + 1}`,
    name: 'Quầy 1',
    streams: { sub: { url, auth } },
  }));
  return {
    schemaVersion: 1,
    locale: 'vi',
    sites: cameras.map((c, i) => ({
      id: c.siteId,
      name: `Xã Thử ${i + 1}`,
      shortName: `Điểm ${i + 1}`,
    })),
    cameras,
    layout: { preset: '3x3', cameraIds: cameras.map((c) => c.id) },
    snapshotFolder,
  } as WallSettingsFile;
}

test.beforeAll(async () => {
  snapshotFolder = mkdtempSync(join(tmpdir(), 'wc-snapshots-'));
  server = await startMediaServer();
  H264.forEach((id, i) =>
    server.publish(id, join(PROJECT_ROOT, 'assets', 'demo', `clip-${i + 1}.flv`)),
  );
  rtsp = await startRtspServer({ auth: 'digest', user: 'admin', password: 'secret' });
  preview = await startPreview(settings());
});

test.afterAll(async () => {
  await preview?.host.close();
  await server?.close();
  await rtsp?.stop();
});

type Sink = 'track' | 'canvas';
const SINKS: Sink[] = ['track', 'canvas'];

/** The page with the WebCodecs engine chosen (before the fragment holding the key). */
function webCodecsUrl(sink: Sink): string {
  const url = new URL(preview.host.url);
  url.searchParams.set('engine', 'webcodecs');
  if (sink === 'canvas') url.searchParams.set('sink', 'canvas');
  return url.toString();
}

/** A tile's WebCodecs picture: a canvas, or a <video> playing a MediaStream (never MSE's). */
const PICTURE = 'canvas.tile-canvas, video.tile-video:not(.replay-video)';

interface PictureTile {
  cameraId: string;
  state: string;
  canvases: number;
  /** <video>s playing a generated track. */
  trackVideos: number;
  /** <video>s playing anything else (mpegts.js's MSE). */
  otherVideos: number;
  painted: number;
  luma: number;
}

/** Each tile's picture: frames shown (decoded, not dropped) and the mean luma of its picture. */
async function pictureTiles(page: Page): Promise<PictureTile[]> {
  return page.evaluate((selector) => {
    const probe = document.createElement('canvas');
    probe.width = 16;
    probe.height = 9;
    const context = probe.getContext('2d', { willReadFrequently: true });
    return [...document.querySelectorAll<HTMLElement>('[data-testid="tile"]')].map((tile) => {
      const picture = tile.querySelector<HTMLCanvasElement | HTMLVideoElement>(selector);
      const quality = (
        picture as unknown as { getVideoPlaybackQuality?: () => VideoPlaybackQuality } | null
      )?.getVideoPlaybackQuality?.();
      const videos = [...tile.querySelectorAll('video')];
      const trackVideos = videos.filter((v) => v.srcObject instanceof MediaStream).length;
      let luma = 0;
      const width =
        picture instanceof HTMLVideoElement ? picture.videoWidth : (picture?.width ?? 0);
      if (picture && context && width > 0) {
        context.drawImage(picture, 0, 0, 16, 9);
        const data = context.getImageData(0, 0, 16, 9).data;
        for (let i = 0; i < data.length; i += 4)
          luma += (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
        luma /= data.length / 4;
      }
      return {
        cameraId: tile.dataset.cameraId ?? '',
        state: tile.dataset.state ?? '',
        canvases: tile.querySelectorAll('canvas.tile-canvas').length,
        trackVideos,
        otherVideos: videos.length - trackVideos,
        painted: quality ? quality.totalVideoFrames - quality.droppedVideoFrames : 0,
        luma,
      };
    });
  }, PICTURE);
}

const painted = async (page: Page, id: string) =>
  (await pictureTiles(page)).find((t) => t.cameraId === id)?.painted ?? 0;

/** What a WebCodecs tile holds with each sink: no mpegts.js <video> either way. */
const PICTURE_OF: Record<Sink, Pick<PictureTile, 'canvases' | 'trackVideos' | 'otherVideos'>> = {
  track: { canvases: 0, trackVideos: 1, otherVideos: 0 },
  canvas: { canvases: 1, trackVideos: 0, otherVideos: 0 },
};

for (const sink of SINKS) {
  test(`H.264 tiles decode with WebCodecs and show advancing, non-black frames (${sink} sink)`, async ({
    page,
  }, testInfo) => {
    await page.goto(webCodecsUrl(sink));
    for (const id of H264) {
      await expect.poll(() => painted(page, id), { timeout: 45_000 }).toBeGreaterThan(0);
      await waitForState(page, id, ['live']);
    }
    const before = await pictureTiles(page);
    for (const id of H264) {
      const start = before.find((t) => t.cameraId === id)!.painted;
      await expect.poll(() => painted(page, id), { timeout: 10_000 }).toBeGreaterThan(start + 10);
    }
    const after = await pictureTiles(page);
    for (const id of H264) {
      const tile = after.find((t) => t.cameraId === id)!;
      expect(tile, id).toMatchObject({ state: 'live', ...PICTURE_OF[sink] });
      expect(tile.luma, `${id} is not black`).toBeGreaterThan(10);
      // One upstream session per camera, relayed as access units.
      expect(preview.host.service.broker.session(id, 'sub')?.connections).toBe(1);
    }
    // The picture answers requestVideoFrameCallback (the benchmark's probe reads it) with the
    // frames it presented. (Not when it expects to show them: on a busy machine that time can
    // already have passed when the callback runs.)
    const shown = await page.evaluate(
      (selector) =>
        new Promise<boolean>((resolve) => {
          const picture = document.querySelector(selector) as unknown as {
            requestVideoFrameCallback: HTMLVideoElement['requestVideoFrameCallback'];
          };
          picture.requestVideoFrameCallback((_now, meta) =>
            resolve(meta.presentedFrames > 0 && Number.isFinite(meta.expectedDisplayTime)),
          );
        }),
      PICTURE,
    );
    expect(shown).toBe(true);
    await page.screenshot({ path: testInfo.outputPath(`webcodecs-wall-${sink}.png`) });
  });
}

/** Frames shown by each WebCodecs picture in the page, maximised tile first if there is one. */
async function pictureCounts(page: Page): Promise<{ maximised: number; hidden: number[] }> {
  return page.evaluate((selector) => {
    const paintedOf = (picture: Element) => {
      const q = (
        picture as unknown as { getVideoPlaybackQuality(): VideoPlaybackQuality }
      ).getVideoPlaybackQuality();
      return q.totalVideoFrames - q.droppedVideoFrames;
    };
    const shown = document.querySelector(`.maximised :is(${selector})`);
    const all = [...document.querySelectorAll(`.grid :is(${selector})`)];
    return {
      maximised: shown ? paintedOf(shown) : -1,
      hidden: all.filter((c) => c !== shown).map(paintedOf),
    };
  }, PICTURE);
}

/** A PNG decoded by Chromium: its size and the mean luma of its top three quarters (the band is below). */
async function pngLook(page: Page, png: Buffer) {
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const data = context.getImageData(0, 0, bitmap.width, Math.floor(bitmap.height * 0.75)).data;
    let luma = 0;
    for (let i = 0; i < data.length; i += 4) luma += (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
    return { width: bitmap.width, height: bitmap.height, luma: luma / (data.length / 4) };
  }, png.toString('base64'));
}

test('a maximised tile plays while the tiles hidden under it decode nothing; snapshot; replay', async ({
  page,
}, testInfo) => {
  await page.goto(webCodecsUrl('track'));
  for (const id of H264)
    await expect.poll(() => painted(page, id), { timeout: 45_000 }).toBeGreaterThan(0);
  await page.locator(`[data-testid="tile"][data-camera-id="${H264[0]}"]`).first().dblclick();
  await expect
    .poll(async () => (await pictureCounts(page)).maximised, { timeout: 30_000 })
    .toBeGreaterThan(10);
  const before = await pictureCounts(page);
  await expect
    .poll(async () => (await pictureCounts(page)).maximised, { timeout: 20_000 })
    .toBeGreaterThan(before.maximised + 25);
  const after = await pictureCounts(page);
  // The grid's players are suspended: their feeds drop every frame instead of decoding it.
  expect(after.hidden).toEqual(before.hidden);
  await waitForState(page, H264[0]!, ['live']);
  // A snapshot (C) of the WebCodecs tile: its picture at the stream's 640×360.
  await page.keyboard.press('c');
  await expect(page.locator('.banner__notice')).toContainText(`Đã lưu ảnh: ${snapshotFolder}`);
  const [name] = readdirSync(snapshotFolder);
  const png = readFileSync(join(snapshotFolder, name!));
  const look = await pngLook(page, png);
  expect([look.width, look.height]).toEqual([640, 360]);
  expect(look.luma, 'the snapshot is not black').toBeGreaterThan(10);
  writeFileSync(testInfo.outputPath('webcodecs-snapshot.png'), png);
  // Instant replay keeps its own mpegts.js player over main's FLV replay path.
  await page.keyboard.press('r');
  await page.waitForFunction(
    () =>
      (document.querySelector<HTMLVideoElement>('.maximised video.replay-video')?.readyState ??
        0) >= 2,
    undefined,
    { timeout: 20_000 },
  );
  await page.screenshot({ path: testInfo.outputPath('webcodecs-maximised-replay.png') });
});

test('an H.265 camera falls back to mpegts.js, which says this display cannot decode it', async ({
  page,
}, testInfo) => {
  const lines: string[] = [];
  page.on('console', (message) => lines.push(message.text()));
  await page.goto(webCodecsUrl('track'));
  const webCodecsHevc = await page.evaluate(async () => {
    const answer = await VideoDecoder.isConfigSupported({ codec: 'hvc1.1.6.L93.B0' });
    return answer.supported === true;
  });
  test.skip(webCodecsHevc, 'this Chromium decodes H.265 with WebCodecs: there is no fallback');
  await expect
    .poll(() => lines.find((l) => l.includes('no WebCodecs decoder for hvc1')), { timeout: 45_000 })
    .toBeTruthy();
  await waitForState(page, H265, ['unsupported-codec']);
  await expect(page.locator(`[data-testid="tile"][data-camera-id="${H265}"]`)).toContainText(
    'H.265',
  );
  // The H.264 tiles beside it stay on the WebCodecs path.
  const tiles = await pictureTiles(page);
  for (const id of H264) expect(tiles.find((t) => t.cameraId === id)?.trackVideos, id).toBe(1);
  await page.screenshot({ path: testInfo.outputPath('webcodecs-h265-fallback.png') });
});
