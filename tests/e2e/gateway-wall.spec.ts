// The wall against a real Node-Media-Server fed by real ffmpeg publishers, with signed-URL
// auth, in Debian's Chromium decoding real H.264.
import { expect } from '@playwright/test';
import { test } from './support/guarded-test';
import { join } from 'node:path';
import type { WallSettingsFile } from '../../electron/settings/settings-model';
import {
  PROJECT_ROOT,
  startMediaServer,
  type MediaServer,
} from '../fixtures/media-server/media-server';
import { startPreview, type StartedPreview } from './support/preview-fixture';
import { expectPlaying, sampleTiles, waitForLive, waitForState } from './support/wall-page';

const PLAYING = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11'];
const WRONG_SECRET = 'c12';
/** Signed right, but nothing publishes it: the server answers 200 and sends no video. */
const NOT_PUBLISHED = 'c13';

function gatewaySettings(server: MediaServer): WallSettingsFile {
  const cameras = [...PLAYING, WRONG_SECRET, NOT_PUBLISHED].map((id, index) => ({
    id,
    siteId: `site-${index + 1}`,
    name: 'Quầy 1',
    streams: {
      sub: {
        // Alternate the two gateway transports: HTTP-FLV and WS-FLV.
        url: index % 2 === 0 ? server.httpFlvUrl(id) : server.wsFlvUrl(id),
        auth: {
          type: 'nms-sign' as const,
          secret: id === WRONG_SECRET ? 'not-the-secret' : server.secret,
        },
      },
    },
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
    layout: { preset: '4x4', cameraIds: cameras.map((c) => c.id) },
  };
}

let server: MediaServer;
let preview: StartedPreview;

test.beforeAll(async () => {
  server = await startMediaServer();
  [...PLAYING, WRONG_SECRET].forEach((id, i) =>
    server.publish(id, join(PROJECT_ROOT, 'assets', 'demo', `clip-${(i % 8) + 1}.flv`)),
  );
  preview = await startPreview(gatewaySettings(server));
});

test.afterAll(async () => {
  await preview?.host.close();
  await server?.close();
});

test('tiles decode real H.264 from the media server; a wrong secret shows auth failed', async ({
  page,
}, testInfo) => {
  await page.goto(preview.host.url);
  await waitForLive(page, PLAYING);

  await expectPlaying(page, PLAYING);

  await waitForState(page, WRONG_SECRET, ['auth-failed']);
  const wrongTile = page.locator(`[data-testid="tile"][data-camera-id="${WRONG_SECRET}"]`);
  await expect(wrongTile).toContainText('Sai tên đăng nhập hoặc mật khẩu');
  // Refused credentials are not retried in a fast loop.
  const session = preview.host.service.broker.session(WRONG_SECRET, 'sub');
  expect(session?.connections).toBe(1);
  expect(session?.currentStatus.retryAt ?? 0).toBeGreaterThan(Date.now() + 60_000);

  // One upstream session per camera, however the tiles were created.
  for (const id of PLAYING) {
    expect(preview.host.service.broker.session(id, 'sub')?.connections).toBe(1);
  }
  await page.screenshot({ path: testInfo.outputPath('gateway-wall.png') });
});

test('killing the server shows the loss, and tiles recover by themselves when it returns', async ({
  page,
}, testInfo) => {
  await page.goto(preview.host.url);
  await waitForLive(page, PLAYING);

  await server.stop();
  for (const id of PLAYING) await waitForState(page, id, ['stalled', 'unreachable', 'no-media']);
  const lost = await sampleTiles(page);
  expect(lost.filter((t) => PLAYING.includes(t.cameraId) && t.state === 'live')).toEqual([]);
  await expect(page.getByTestId('banner')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('gateway-wall-lost.png') });

  await server.start();
  await waitForLive(page, PLAYING, 90_000);
  await expectPlaying(page, PLAYING);
});

test('a stream the server accepts but never feeds says the server sends no video', async ({
  page,
}) => {
  await page.goto(preview.host.url);
  await waitForState(page, NOT_PUBLISHED, ['no-media']);
  await expect(
    page.locator(`[data-testid="tile"][data-camera-id="${NOT_PUBLISHED}"]`),
  ).toContainText('Không nhận được hình');
  const status = preview.host.service.broker.session(NOT_PUBLISHED, 'sub')?.currentStatus;
  expect(status?.detail).toMatch(/sent no video/);
});
