// The camera form's Test and the camera's login back-off, in the preview host against the real
// GStreamer RTSP server (Digest), its failed logins counted at the server: a wrong password is
// tried once; testing it again is held back, spends no failed login (a camera locks the PC out
// after a few) and says, in the form's words, why and until when; the right one is tried at once.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { test } from './support/guarded-test';
import type { WallSettingsFile } from '../../electron/settings/settings-model';
import { settingsVi } from '../../renderer/src/i18n/settings-vi';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server/start-rtsp-server';
import { startPreview, type StartedPreview } from './support/preview-fixture';
import { openSettings } from './support/settings-page';
import { waitForLive } from './support/wall-page';

const PASSWORD = 'Kh0a-Cho-5821';

let rtsp: RtspServer;
let preview: StartedPreview;

const fileSettings = (): WallSettingsFile => ({
  schemaVersion: 2,
  locale: 'vi',
  sites: [{ id: 'huyen', name: 'Bộ phận Một cửa huyện', shortName: 'Huyện' }],
  cameras: [
    { id: 'demo-huyen', siteId: 'huyen', name: 'Quầy 1', streams: { sub: { url: 'demo:clip-1' } } },
  ],
  layout: { preset: '2x2', cameraIds: ['demo-huyen'] },
});

test.beforeAll(async () => {
  rtsp = await startRtspServer({ auth: 'digest', user: 'admin', password: PASSWORD });
  preview = await startPreview(fileSettings(), {
    dataDir: mkdtempSync(join(tmpdir(), 'wall-data-')),
  });
});
test.afterAll(async () => {
  await preview?.host.close();
  await rtsp?.stop();
});

const subResult = (page: Page) => page.getByTestId('camera-test-sub').getByTestId('test-result');

test('Test waits out the login back-off it shares with the tiles, and says until when', async ({
  page,
}, testInfo) => {
  await page.goto(preview.host.url);
  await waitForLive(page, ['demo-huyen']);
  await openSettings(page, 'cameras');
  await page.getByTestId('camera-add').click();
  const form = page.getByTestId('camera-form');
  await form.getByTestId('mode-url').check();
  await form.getByTestId('sub-url').locator('input').fill(rtsp.url('/cam1'));
  await form.getByTestId('sub-username').locator('input').fill('admin');
  await form.getByTestId('sub-secret-input').fill('wrong-password');

  await form.getByTestId('test-sub').click();
  await expect(subResult(page)).toHaveAttribute('data-ok', 'false', { timeout: 30_000 });
  await expect(subResult(page)).toContainText('lần đăng nhập tiếp theo bằng tài khoản này');
  expect(rtsp.failedLogins()).toBe(1);

  // The same wrong password again: not tried, no failed login spent, and the form says why.
  await form.getByTestId('test-sub').click();
  await expect(subResult(page)).toContainText(settingsVi['test.held-back']);
  await expect(subResult(page)).toContainText(/hãy đợi đến \d\d:\d\d \(còn 5 phút\)/);
  expect(rtsp.failedLogins()).toBe(1);
  await subResult(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('camera-test-held-back.png') });

  // The corrected password is tried at once.
  await form.getByTestId('sub-secret-input').fill(PASSWORD);
  await form.getByTestId('test-sub').click();
  await expect(subResult(page)).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
  expect(rtsp.failedLogins()).toBe(1);
});
