// The settings screens in the preview host, against the real GStreamer RTSP server (Digest):
// a centre and a camera added through the screens, Test finding the wrong password and then the
// picture, the save applied at once while the other tiles keep their players, the Hikvision
// form, errors beside their fields, and a configuration exported and imported on a fresh PC.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { test } from './support/guarded-test';
import type { WallSettingsFile } from '../../electron/settings/settings-model';
import { settingsVi } from '../../renderer/src/i18n/settings-vi';
import { translate } from '../../renderer/src/i18n/translate';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server/start-rtsp-server';
import { startPreview, type StartedPreview } from './support/preview-fixture';
import { downloadedText, openSettings } from './support/settings-page';
import { markVideo, videoMark } from './support/staff-page';
import { waitForLive } from './support/wall-page';

// A password no other string in the app contains, so finding it anywhere is a leak.
const PASSWORD = 'Kh0a-Thu-9137';
const PASSPHRASE = 'đèn xanh 42 ngõ nhỏ';

/** A new, empty data folder: a PC the wall has never run on. */
const freshDataDir = () => mkdtempSync(join(tmpdir(), 'wall-data-'));

let rtsp: RtspServer;
let preview: StartedPreview;
let addedCameraId = '';

const fileSettings = (): WallSettingsFile => ({
  schemaVersion: 1,
  locale: 'vi',
  sites: [
    { id: 'huyen', name: 'Bộ phận Một cửa huyện', shortName: 'Huyện' },
    { id: 'cam-doai', name: 'Xã Cẩm Đoài', shortName: 'Cẩm Đoài' },
  ],
  cameras: [
    { id: 'demo-huyen', siteId: 'huyen', name: 'Quầy 1', streams: { sub: { url: 'demo:clip-1' } } },
    {
      id: 'demo-doai',
      siteId: 'cam-doai',
      name: 'Quầy 1',
      streams: { sub: { url: 'demo:clip-2' } },
    },
  ],
  layout: { preset: '3x3', cameraIds: ['demo-huyen', 'demo-doai'] },
});

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  rtsp = await startRtspServer({ auth: 'digest', user: 'admin', password: PASSWORD });
  preview = await startPreview(fileSettings(), { dataDir: freshDataDir() });
});
test.afterAll(async () => {
  await preview?.host.close();
  await rtsp?.stop();
});

/** The centres' full names as the list shows them, in order (they sit in inputs). */
const centreNames = (page: Page) =>
  page
    .getByTestId('centre-row')
    .getByTestId('centre-name')
    .locator('input')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));

const cameraForm = (page: Page) => page.getByTestId('camera-form');
const subResult = (page: Page) => page.getByTestId('camera-test-sub').getByTestId('test-result');

test('a centre and an RTSP camera added through the screens: Test, save, and the tile plays at once', async ({
  page,
}, testInfo) => {
  await page.goto(preview.host.url);
  await waitForLive(page, ['demo-huyen', 'demo-doai']);
  await markVideo(page, 'demo-huyen', 'kept');
  await markVideo(page, 'demo-doai', 'kept');

  await openSettings(page, 'centres');
  // The file's centres are shown read-only, and the screen says where they come from.
  await expect(page.getByTestId('from-file')).toBeVisible();
  await expect(
    page.locator('[data-centre-id="huyen"]').getByTestId('centre-name').locator('input'),
  ).toHaveAttribute('readonly', '');
  await page.getByTestId('centre-new-name').locator('input').fill('Xã Cẩm Vũ');
  await page.getByTestId('centre-new-short-name').locator('input').fill('Cẩm Vũ');
  await page.getByTestId('centre-new-short-name').locator('input').press('Enter');
  await expect
    .poll(() => centreNames(page))
    .toEqual(['Bộ phận Một cửa huyện', 'Xã Cẩm Đoài', 'Xã Cẩm Vũ']);
  await expect(page.getByTestId('settings-status')).toHaveText(settingsVi.saved);

  await page.getByTestId('settings-tab-cameras').click();
  await page.getByTestId('camera-add').click();
  const form = cameraForm(page);
  await form.getByTestId('camera-centre').locator('select').selectOption({ label: 'Xã Cẩm Vũ' });
  await form.getByTestId('mode-url').check();
  await form.getByTestId('sub-url').locator('input').fill(rtsp.url('/cam1'));
  await form.getByTestId('sub-username').locator('input').fill('admin');
  await form.getByTestId('sub-secret-input').fill('wrong-password');
  // No name: main's own rule answers, and the message sits by the name field.
  await form.getByTestId('sub-url').locator('input').press('Enter');
  await expect(form.getByTestId('camera-name').getByTestId('field-error')).toBeVisible();

  await form.getByTestId('camera-name').locator('input').fill('Quầy 1');
  await form.getByTestId('test-sub').click();
  await expect(subResult(page)).toHaveAttribute('data-ok', 'false', { timeout: 30_000 });
  await expect(subResult(page)).toContainText(translate('vi', 'state.authFailed'));
  await expect(subResult(page)).toContainText(settingsVi['check.auth-failed']);
  await subResult(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('camera-form-test-failed.png') });

  await form.getByTestId('sub-secret-input').fill(PASSWORD);
  await form.getByTestId('test-sub').click();
  await expect(subResult(page)).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
  await expect(subResult(page)).toContainText('H.264 · 640×360');
  await subResult(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('camera-form-test-ok.png') });

  await form.getByTestId('camera-name').locator('input').press('Enter');
  await expect(page.getByTestId('settings-status').last()).toHaveText(settingsVi.saved);
  const pick = page.getByTestId('camera-pick').filter({ hasText: 'Quầy 1' }).last();
  addedCameraId = (await pick.getAttribute('data-camera-id')) ?? '';
  expect(addedCameraId).not.toBe('');
  // The form opens again on what main stored: the password only as "saved".
  await expect(cameraForm(page).getByTestId('sub-secret-saved')).toHaveText('đã lưu');
  expect(await page.content()).not.toContain(PASSWORD);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('settings-panel')).toHaveCount(0);
  await waitForLive(page, [addedCameraId]);
  expect(await videoMark(page, 'demo-huyen')).toBe('kept');
  expect(await videoMark(page, 'demo-doai')).toBe('kept');
});

test('the Hikvision form builds both URLs without the password, and tests them', async ({
  page,
}) => {
  await page.goto(preview.host.url);
  await openSettings(page, 'cameras');
  await page.getByTestId('camera-add').click();
  const form = cameraForm(page);
  await expect(form.getByTestId('mode-brand')).toBeChecked();
  await form.getByTestId('camera-name').locator('input').fill('Quầy 2');
  // The contract's builder checks the address as it is typed into the form.
  await form.getByTestId('brand-address').locator('input').fill('not an address!');
  await form.getByTestId('brand-username').locator('input').fill('admin');
  await form.getByTestId('test-sub').click();
  await expect(form.getByTestId('brand-address').getByTestId('field-error')).toContainText(
    'Nhập địa chỉ IP hoặc tên máy của camera',
  );
  await form.getByTestId('brand-address').locator('input').fill(`127.0.0.1:${rtsp.port}`);
  await form.getByTestId('brand-password-input').fill(PASSWORD);
  await expect(form.getByTestId('brand-url-sub')).toHaveText(
    `rtsp://127.0.0.1:${rtsp.port}/Streaming/Channels/102`,
  );
  await expect(form.getByTestId('brand-url-main')).toHaveText(
    `rtsp://127.0.0.1:${rtsp.port}/Streaming/Channels/101`,
  );
  await expect(form.getByTestId('brand-urls')).not.toContainText(PASSWORD);
  await form.getByTestId('test-main').click();
  const mainResult = page.getByTestId('camera-test-main').getByTestId('test-result');
  await expect(mainResult).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
  await expect(mainResult).toContainText('640×360');
});

test('export without secrets and with a passphrase; import on a fresh PC gives the same wall', async ({
  page,
  browser,
  pageErrors,
}) => {
  test.skip(addedCameraId === '', 'needs the camera the first test added');
  await page.goto(preview.host.url);
  await openSettings(page, 'transfer');
  const plain = await downloadedText(
    Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()]).then(
      ([download]) => download,
    ),
  );
  expect(plain).toContain(addedCameraId);
  expect(plain).not.toContain(PASSWORD);

  await page.getByTestId('export-with-secrets').check();
  await page.getByTestId('export-passphrase').fill(PASSPHRASE);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-button').click(),
  ]);
  const sealed = await downloadedText(Promise.resolve(download));
  expect(sealed).not.toContain(PASSWORD);
  await expect(page.getByTestId('settings-status').last()).toContainText('1');

  const fresh = await startPreview(null, { dataDir: freshDataDir() });
  try {
    const other = await browser.newPage();
    pageErrors.watch(other);
    await other.goto(fresh.host.url);
    await openSettings(other, 'transfer');
    await other.getByTestId('import-file').setInputFiles({
      name: 'one-stop-wall.json',
      mimeType: 'application/json',
      buffer: Buffer.from(sealed),
    });
    await other.getByTestId('import-passphrase').fill('not the passphrase');
    await other.getByTestId('import-button').click();
    await expect(other.getByTestId('import-form').getByTestId('field-error')).toBeVisible();
    await other.getByTestId('import-passphrase').fill(PASSPHRASE);
    await other.getByTestId('import-button').click();
    await expect(other.getByTestId('settings-status').last()).toHaveText(settingsVi['import.done']);
    const ids = async (host: StartedPreview) => {
      const snapshot = await host.host.service.handle('wall:get-snapshot', undefined);
      if (!snapshot.ok) throw new Error(snapshot.error);
      return (snapshot.value as { cameras: { id: string }[] }).cameras.map((c) => c.id);
    };
    expect(await ids(fresh)).toEqual(await ids(preview));
    // A PC set up through the screens keeps the default office hours (the schedule is IT's
    // file's); staff, still unlocked, look outside them (a no-op in hours) to see it play.
    const look = await fresh.host.service.handle('hours:show-outside', { show: true });
    expect(look).toMatchObject({ ok: true, value: { showing: true } });
    await other.keyboard.press('Escape');
    // The imported password came through the passphrase: the RTSP camera logs in and plays.
    await waitForLive(other, [addedCameraId]);
    await other.close();
  } finally {
    await fresh.host.close();
  }
});

test('plain-text passwords in IT file: the screens offer the vault, and the file loses them', async ({
  page,
}) => {
  const settings = fileSettings();
  settings.cameras.push({
    id: 'rtsp-plain',
    siteId: 'cam-doai',
    name: 'Quầy 2',
    streams: {
      sub: {
        url: rtsp.url('/cam1'),
        auth: { type: 'password', username: 'admin', password: PASSWORD },
      },
    },
  });
  const plain = await startPreview(settings, { dataDir: freshDataDir() });
  try {
    await page.goto(plain.host.url);
    await openSettings(page, 'transfer');
    const offer = page.getByTestId('vault-offer');
    await expect(offer).toContainText('(1)');
    await page.getByTestId('vault-move').click();
    await expect(page.getByTestId('settings-status').last()).toContainText('Đã chuyển 1');
    await expect(offer).toHaveCount(0);
    const view = await plain.host.service.handle('settings:get', undefined);
    if (!view.ok) throw new Error(view.error);
    const file = (view.value as { configFile: string }).configFile;
    expect(readFileSync(file, 'utf8')).not.toContain(PASSWORD);
    // The camera still logs in: its password now comes from the vault.
    await page.keyboard.press('Escape');
    await waitForLive(page, ['rtsp-plain']);
  } finally {
    await plain.host.close();
  }
});
