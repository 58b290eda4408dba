// The two MSE engines in Debian's Chromium, on the embedded demo wall: by default each tile takes
// the gateway's access-unit stream and plays it as fragmented MP4 (fmp4-engine.ts), with no
// mpegts.js loaded at all; `?engine=mse` plays the same wall from the FLV stream through
// mpegts.js, the fallback. Both keep their tiles near the live edge. A camera whose encoder uses
// B-frames (pictures sent out of display order) plays with the default engine too.
import { expect, type Page } from '@playwright/test';
import { test } from './support/guarded-test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoSettings } from '../../electron/settings/demo-config';
import type { WallSettingsFile } from '../../electron/settings/settings-model';
import { startMediaServer, type MediaServer } from '../fixtures/media-server/media-server';
import { startPreview, type StartedPreview } from './support/preview-fixture';
import { expectPlaying, waitForLive } from './support/wall-page';

const demo = demoSettings();
const installed = demo.cameras.filter((c) => c.availability === 'installed').map((c) => c.id);

let preview: StartedPreview;
test.beforeAll(async () => {
  preview = await startPreview(null);
});
test.afterAll(async () => preview?.host.close());

/** Opens the wall (with `engine` chosen, or the default) and notes every stream socket. */
async function openWall(
  page: Page,
  engine: string | null,
  extra: Record<string, string> = {},
): Promise<string[]> {
  const streams: string[] = [];
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/api/')) streams.push(new URL(ws.url()).pathname);
  });
  const url = new URL(preview.host.url);
  if (engine) url.searchParams.set('engine', engine);
  for (const [name, value] of Object.entries(extra)) url.searchParams.set(name, value);
  await page.goto(url.toString());
  await waitForLive(page, installed);
  await expectPlaying(page, installed);
  return streams;
}

/**
 * Each tile's video: where its MediaSource lives (a worker's, attached by its handle; the
 * page's, by a blob: URL; or an FLV player's, also a blob: URL), and how far behind its newest
 * buffered frame it plays.
 */
const tileVideos = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLVideoElement>('[data-testid="tile"] video')].map((v) => ({
      source:
        v.srcObject?.constructor.name === 'MediaSourceHandle'
          ? 'worker'
          : v.src.startsWith('blob:')
            ? 'page'
            : 'none',
      behind: v.buffered.length > 0 ? v.buffered.end(v.buffered.length - 1) - v.currentTime : -1,
    })),
  );

const loadedScripts = (page: Page) =>
  page.evaluate(() =>
    performance.getEntriesByType('resource').map((r) => r.name.split('/').pop() ?? ''),
  );

test('by default tiles play fragmented MP4 from the access-unit stream; mpegts.js is never loaded', async ({
  page,
}) => {
  // Which script made each worker: a classic script is document.currentScript; a module is not.
  await page.addInitScript(() => {
    const Native = window.Worker;
    const made: string[] = ((window as { workersMadeBy?: string[] }).workersMadeBy = []);
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        made.push((document.currentScript as HTMLScriptElement | null)?.src ?? 'a module');
      }
    };
  });
  const streams = await openWall(page, null);
  expect(streams.length).toBeGreaterThanOrEqual(installed.length);
  for (const path of streams) expect(path).toMatch(/\.au$/);
  expect((await loadedScripts(page)).filter((name) => name.includes('mpegts'))).toEqual([]);
  // One feed worker, started by the page's head from the build's <meta> and taken over by the
  // bundle: the bundle started none of its own.
  expect(await page.evaluate(() => (window as { workersMadeBy?: string[] }).workersMadeBy)).toEqual(
    [expect.stringMatching(/\/early-start\.js$/)],
  );
  expect(page.workers().map((w) => new URL(w.url()).pathname)).toEqual([
    await page
      .locator('meta[name="wall-feed-worker"]')
      .evaluate((m) => new URL(m.getAttribute('content')!, location.href).pathname),
  ]);
  const videos = await tileVideos(page);
  expect(videos).toHaveLength(installed.length);
  for (const video of videos) {
    // This Chromium runs MediaSource in a worker: the page's thread carries no stream.
    expect(video.source).toBe('worker');
    // Near the live edge: the demo feeds arrive as they play, the buffer ahead stays thin.
    expect(video.behind).toBeGreaterThanOrEqual(0);
    expect(video.behind).toBeLessThan(1);
  }
});

test('the API socket the page head opened early is the only one the wall uses', async ({
  page,
}) => {
  const apiSockets: string[] = [];
  page.on('websocket', (ws) => {
    if (ws.url().includes('/api/')) apiSockets.push(ws.url());
  });
  await openWall(page, null);
  expect(apiSockets).toHaveLength(1);
  // Opened by the classic script before the bundle, and taken over by it.
  expect(
    await page.evaluate(() =>
      performance.getEntriesByType('resource').some((r) => r.name.endsWith('/early-start.js')),
    ),
  ).toBe(true);
});

test('a reload plays again with the hashed bundle from the cache; the page itself is fetched anew', async ({
  page,
}) => {
  await openWall(page, null);
  await page.reload();
  await waitForLive(page, installed);
  await expectPlaying(page, installed);
  const fetched = await page.evaluate(() => ({
    page: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
      .transferSize,
    assets: performance
      .getEntriesByType('resource')
      .filter((r) => new URL(r.name).pathname.startsWith('/assets/'))
      .map((r) => ({
        name: r.name.split('/').pop(),
        bytes: (r as PerformanceResourceTiming).transferSize,
      })),
  }));
  // Bytes over the wire: none for an asset read from the cache (immutable, content-hashed),
  // some for index.html (never cached, so an update shows at the next load).
  expect(fetched.page).toBeGreaterThan(0);
  expect(fetched.assets.map((a) => a.name)).toEqual(
    expect.arrayContaining([expect.stringMatching(/^index-.+\.js$/)]),
  );
  for (const asset of fetched.assets) expect(asset, asset.name).toMatchObject({ bytes: 0 });
});

test('?engine=mse plays the same wall from the FLV stream through mpegts.js', async ({ page }) => {
  const streams = await openWall(page, 'mse');
  expect(streams.length).toBeGreaterThanOrEqual(installed.length);
  for (const path of streams) expect(path).toMatch(/\.flv$/);
  expect((await loadedScripts(page)).some((name) => name.startsWith('mpegts-engine'))).toBe(true);
  // The feed worker the page's head started is ended: this engine has no use for it.
  await expect.poll(() => page.workers().length).toBe(0);
  for (const video of await tileVideos(page)) {
    expect(video.source).toBe('page');
    expect(video.behind).toBeLessThan(1);
  }
});

test('?msein=page keeps the fragmented-MP4 feeds in the page, as where no worker can', async ({
  page,
}) => {
  const streams = await openWall(page, null, { msein: 'page' });
  for (const path of streams) expect(path).toMatch(/\.au$/);
  const videos = await tileVideos(page);
  expect(videos).toHaveLength(installed.length);
  for (const video of videos) {
    expect(video.source).toBe('page');
    expect(video.behind).toBeGreaterThanOrEqual(0);
    expect(video.behind).toBeLessThan(1);
  }
});

test.describe('a camera that sends B-frames', () => {
  let server: MediaServer;
  let bframes: StartedPreview;
  test.beforeAll(async () => {
    const flv = join(mkdtempSync(join(tmpdir(), 'bframes-')), 'bframes.flv');
    // prettier-ignore
    execFileSync('ffmpeg', [
      '-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25', '-t', '4',
      '-c:v', 'libx264', '-profile:v', 'high', '-bf', '3', '-g', '50', '-pix_fmt', 'yuv420p',
      '-f', 'flv', flv,
    ]);
    server = await startMediaServer();
    server.publish('bcam', flv);
    bframes = await startPreview({
      schemaVersion: 1,
      locale: 'vi',
      sites: [{ id: 'site-b', name: 'Xã Thử B', shortName: 'Điểm B' }],
      cameras: [
        {
          id: 'bcam',
          siteId: 'site-b',
          name: 'Quầy 1',
          streams: {
            sub: {
              url: server.wsFlvUrl('bcam'),
              auth: { type: 'nms-sign', secret: server.secret },
            },
          },
        },
      ],
      layout: { preset: '1x1', cameraIds: ['bcam'] },
    } as WallSettingsFile);
  });
  test.afterAll(async () => {
    await bframes?.host.close();
    await server?.close();
  });

  test('plays with the default engine, in order, near the live edge', async ({ page }) => {
    await page.goto(bframes.host.url);
    await waitForLive(page, ['bcam']);
    await expectPlaying(page, ['bcam']);
    const [video] = await tileVideos(page);
    expect(video!.source).toBe('worker');
    expect(video!.behind).toBeLessThan(1);
    // Pictures shown in order do not come late: a B-frame stream placed out of order would.
    const quality = await page.evaluate(() => {
      const v = document.querySelector<HTMLVideoElement>('[data-testid="tile"] video')!;
      const q = v.getVideoPlaybackQuality();
      return { total: q.totalVideoFrames, dropped: q.droppedVideoFrames };
    });
    expect(quality.total).toBeGreaterThan(25);
    expect(quality.dropped).toBeLessThanOrEqual(quality.total / 10);
  });
});
