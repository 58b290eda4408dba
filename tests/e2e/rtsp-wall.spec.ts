// RTSP tiles (our own RTSP client in the main process, Digest auth, against GStreamer's real
// RTSP server) beside gateway tiles (Node-Media-Server), in Debian's Chromium.
import { expect } from '@playwright/test';
import { test } from './support/guarded-test';
import type { WallSettingsFile } from '../../electron/settings/settings-model';
import { startMediaServer, type MediaServer } from '../fixtures/media-server/media-server';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server/start-rtsp-server';
import { startPreview, type StartedPreview } from './support/preview-fixture';
import { expectPlaying, waitForLive, waitForState } from './support/wall-page';

let rtsp: RtspServer;
let gateway: MediaServer;
let preview: StartedPreview;

function settings(): WallSettingsFile {
  const sites = [
    { id: 'cam-doai', name: 'Xã Cẩm Đoài', shortName: 'Cẩm Đoài' },
    { id: 'cao-an', name: 'Xã Cao An', shortName: 'Cao An' },
    { id: 'lai-cach', name: 'Thị trấn Lai Cách', shortName: 'Lai Cách' },
    { id: 'dinh-son', name: 'Xã Định Sơn', shortName: 'Định Sơn' },
    { id: 'ngoc-lien', name: 'Xã Ngọc Liên', shortName: 'Ngọc Liên' },
    { id: 'tan-truong', name: 'Xã Tân Trường', shortName: 'Tân Trường' },
    { id: 'thach-loi', name: 'Xã Thạch Lỗi', shortName: 'Thạch Lỗi' },
  ];
  return {
    schemaVersion: 1,
    locale: 'vi',
    sites,
    cameras: [
      {
        id: 'rtsp-ok',
        siteId: 'cam-doai',
        name: 'Quầy 1',
        streams: {
          sub: {
            url: rtsp.url('/cam1'),
            auth: { type: 'password', username: 'admin', password: 'secret' },
          },
        },
      },
      {
        id: 'rtsp-wrong',
        siteId: 'cao-an',
        name: 'Quầy 1',
        streams: {
          sub: {
            url: rtsp.url('/cam1'),
            auth: { type: 'password', username: 'admin', password: 'wrong-password' },
          },
        },
      },
      {
        id: 'gw-1',
        siteId: 'lai-cach',
        name: 'Quầy 1',
        streams: {
          sub: { url: gateway.wsFlvUrl('gw1'), auth: { type: 'nms-sign', secret: gateway.secret } },
        },
      },
      {
        id: 'gw-2',
        siteId: 'dinh-son',
        name: 'Quầy 1',
        streams: {
          sub: {
            url: gateway.httpFlvUrl('gw2'),
            auth: { type: 'nms-sign', secret: gateway.secret },
          },
        },
      },
      {
        // An H.265 main stream, as many cameras send by default: Chromium cannot decode it.
        id: 'rtsp-h265',
        siteId: 'ngoc-lien',
        name: 'Quầy 1',
        streams: {
          sub: {
            url: rtsp.url('/cam2'),
            auth: { type: 'password', username: 'admin', password: 'secret' },
          },
        },
      },
      {
        // H.264 (with B-frames) in the grid, H.265 when maximised: the maximised tile must
        // stay on the sub stream.
        id: 'rtsp-mixed',
        siteId: 'thach-loi',
        name: 'Quầy 1',
        streams: {
          sub: {
            url: rtsp.url('/bframes'),
            auth: { type: 'password', username: 'admin', password: 'secret' },
          },
          main: {
            url: rtsp.url('/cam2'),
            auth: { type: 'password', username: 'admin', password: 'secret' },
          },
        },
      },
      {
        // A wrong port: nothing listens on port 1 (tcpmux), so the connection is refused.
        id: 'rtsp-refused',
        siteId: 'tan-truong',
        name: 'Quầy 1',
        streams: { sub: { url: 'rtsp://127.0.0.1:1/cam1' } },
      },
    ],
    // rtsp-ok is shown twice: both tiles must share one RTSP session.
    layout: {
      preset: '3x3',
      cameraIds: [
        'rtsp-ok',
        'gw-1',
        'rtsp-wrong',
        'rtsp-ok',
        'gw-2',
        'rtsp-h265',
        'rtsp-refused',
        'rtsp-mixed',
      ],
    },
  };
}

test.beforeAll(async () => {
  rtsp = await startRtspServer({ auth: 'digest', user: 'admin', password: 'secret' });
  gateway = await startMediaServer();
  gateway.publish('gw1');
  gateway.publish('gw2');
  preview = await startPreview(settings());
});

test.afterAll(async () => {
  await preview?.host.close();
  await gateway?.close();
  await rtsp?.stop();
});

test('RTSP tiles play beside gateway tiles; two tiles of one camera share one RTSP session', async ({
  page,
}, testInfo) => {
  await page.goto(preview.host.url);
  await waitForLive(page, ['rtsp-ok', 'gw-1', 'gw-2']);
  await expect(page.locator('[data-testid="tile"][data-camera-id="rtsp-ok"]')).toHaveCount(2);
  await expectPlaying(page, ['rtsp-ok', 'gw-1', 'gw-2']);
  // One upstream session for the two rtsp-ok tiles: in the broker, and on the server (the
  // good camera made exactly one PLAY; the wrong password never got that far).
  expect(preview.host.service.broker.session('rtsp-ok', 'sub')?.connections).toBe(1);
  expect(rtsp.requests.filter((r) => r.method === 'PLAY' && r.path.includes('cam1'))).toHaveLength(
    1,
  );

  await waitForState(page, 'rtsp-wrong', ['auth-failed']);
  await expect(page.locator('[data-testid="tile"][data-camera-id="rtsp-wrong"]')).toContainText(
    'Sai tên đăng nhập hoặc mật khẩu',
  );
  // No retry storm: the refused camera asked a handful of times at most, then waits minutes.
  const describes = rtsp.requests.filter(
    (r) => r.method === 'DESCRIBE' && r.path.includes('cam1'),
  ).length;
  expect(describes).toBeLessThanOrEqual(6);
  expect(preview.host.service.broker.session('rtsp-wrong', 'sub')?.connections).toBe(1);
  await page.screenshot({ path: testInfo.outputPath('rtsp-beside-gateway.png') });
});

test('an H.265 camera says this display cannot decode it, instead of showing black', async ({
  page,
}) => {
  await page.goto(preview.host.url);
  const supported = await page.evaluate(() =>
    MediaSource.isTypeSupported('video/mp4; codecs="hvc1.1.6.L93.B0"'),
  );
  test.skip(supported, 'this Chromium decodes H.265, so there is no codec message to show');
  await waitForState(page, 'rtsp-h265', ['unsupported-codec']);
  await expect(page.locator('[data-testid="tile"][data-camera-id="rtsp-h265"]')).toContainText(
    'H.265',
  );
  const session = preview.host.service.broker.session('rtsp-h265', 'sub')!;
  expect(session.currentStatus.codec).toBe('h265');
  // The tile holds no player while it cannot decode: the only viewer left is the wall's
  // background watch, which keeps the camera's status real (the banner counts it) without
  // relaying anything to the page.
  await expect.poll(() => session.viewerCount, { timeout: 40_000, intervals: [500] }).toBe(1);
  expect(preview.host.service.watch.holding()).toContain('rtsp-h265');
  // …and the tile does not come back for it: it checks again only minutes later. The window
  // spans three of the fixture's 2 s lingers, each of which the reconnect-at-every-idle loop
  // this guards used.
  const connections = session.connections;
  await page.waitForFunction((until) => Date.now() > until, Date.now() + 6_000);
  expect(session.connections).toBe(connections);
  expect(session.viewerCount).toBe(1);
  await expect(page.locator('[data-testid="tile"][data-camera-id="rtsp-h265"]')).toContainText(
    'H.265',
  );
});

test('a maximised tile whose main stream is H.265 stays on the sub stream here, and says so', async ({
  page,
}) => {
  await page.goto(preview.host.url);
  const supported = await page.evaluate(() =>
    MediaSource.isTypeSupported('video/mp4; codecs="hvc1.1.6.L93.B0"'),
  );
  test.skip(supported, 'this Chromium decodes H.265, so the main stream would play');
  await waitForLive(page, ['rtsp-mixed']);
  await page.locator('.grid [data-testid="tile"][data-camera-id="rtsp-mixed"]').dblclick();
  const large = page.getByTestId('maximised').getByTestId('tile');
  await expect(large).toHaveAttribute('data-quality', 'sub', { timeout: 30_000 });
  await expect(large).toContainText('đang xem hình nhỏ');
  await expect(large).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
  // The main stream was tried once (that is how its codec became known), then left alone.
  expect(preview.host.service.broker.session('rtsp-mixed', 'main')?.currentStatus.codec).toBe(
    'h265',
  );
});

test('RTSP tiles come back by themselves after the camera restarts', async ({ page }) => {
  await page.goto(preview.host.url);
  await waitForLive(page, ['rtsp-ok']);
  const connections = preview.host.service.broker.session('rtsp-ok', 'sub')!.connections;
  await rtsp.kill();
  await waitForState(page, 'rtsp-ok', ['stalled', 'unreachable', 'error', 'no-media']);
  await rtsp.restart();
  await waitForLive(page, ['rtsp-ok'], 60_000);
  await expectPlaying(page, ['rtsp-ok']);
  expect(preview.host.service.broker.session('rtsp-ok', 'sub')!.connections).toBeGreaterThan(
    connections,
  );
});

test('a camera on a wrong port says the connection was refused, not just that it failed', async ({
  page,
}) => {
  await page.goto(preview.host.url);
  await waitForState(page, 'rtsp-refused', ['unreachable']);
  const tile = page.locator('[data-testid="tile"][data-camera-id="rtsp-refused"]');
  await expect(tile).toContainText('Không kết nối được tới camera');
  await expect(tile).toContainText('Camera từ chối kết nối');
});
