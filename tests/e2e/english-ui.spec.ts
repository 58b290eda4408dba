// The wall in English, as staff choose it (the L key): a camera whose password is wrong says so
// in the wording table's English, and every settings screen (the PIN dialog, the tabs, the
// camera form and its Test against the real GStreamer RTSP server) speaks English. Apart from
// the centres' and cameras' own names, no Vietnamese letter is left on the screen.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator } from '@playwright/test';
import { test } from './support/guarded-test';
import type { WallSettingsFile } from '../../electron/settings/settings-model';
import { en } from '../../renderer/src/i18n/en';
import { settingsEn } from '../../renderer/src/i18n/settings-en';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server/start-rtsp-server';
import { startPreview, type StartedPreview } from './support/preview-fixture';
import { openSettings, type Tab } from './support/settings-page';
import { waitForLive, waitForState } from './support/wall-page';

const PASSWORD = 'Dung-Mat-Khau-31';

/** Words that are Vietnamese on purpose: the centres' and cameras' names, and examples. */
const NAMES = [
  'Bộ phận Một cửa huyện',
  'Huyện',
  'Xã Cẩm Đoài',
  'Cẩm Đoài',
  'Quầy 1',
  'Quầy 2',
  'TT Lai Cách',
  'Tiếng Việt',
];
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

let rtsp: RtspServer;
let preview: StartedPreview;

test.beforeAll(async () => {
  rtsp = await startRtspServer({ auth: 'digest', user: 'admin', password: PASSWORD });
  const settings: WallSettingsFile = {
    schemaVersion: 2,
    locale: 'vi',
    sites: [
      { id: 'huyen', name: 'Bộ phận Một cửa huyện', shortName: 'Huyện' },
      { id: 'cam-doai', name: 'Xã Cẩm Đoài', shortName: 'Cẩm Đoài' },
    ],
    cameras: [
      {
        id: 'demo-huyen',
        siteId: 'huyen',
        name: 'Quầy 1',
        streams: { sub: { url: 'demo:clip-1' } },
      },
      {
        id: 'wrong-password',
        siteId: 'cam-doai',
        name: 'Quầy 1',
        streams: {
          sub: {
            url: rtsp.url('/cam1'),
            auth: { type: 'password', username: 'admin', password: 'not-the-password' },
          },
        },
      },
    ],
    layout: { preset: '2x2', cameraIds: ['demo-huyen', 'wrong-password'] },
  };
  preview = await startPreview(settings, { dataDir: mkdtempSync(join(tmpdir(), 'wall-data-')) });
});
test.afterAll(async () => {
  await preview?.host.close();
  await rtsp?.stop();
});

/** The Vietnamese words left in an element once the names are taken out. */
async function vietnameseLeft(scope: Locator): Promise<string[]> {
  let text = await scope.evaluate((el) => {
    const values = [...el.querySelectorAll('input, select, textarea')].map(
      (input) => (input as HTMLInputElement).value,
    );
    const labels = [...el.querySelectorAll('[aria-label], [title], [placeholder]')].map((node) =>
      ['aria-label', 'title', 'placeholder'].map((a) => node.getAttribute(a) ?? '').join(' '),
    );
    return [(el as HTMLElement).innerText, ...values, ...labels].join('\n');
  });
  for (const name of NAMES) text = text.split(name).join(' ');
  return text.split(/\s+/).filter((word) => VIETNAMESE_LETTER.test(word));
}

test('in English: a failure tile and every settings screen use the English words', async ({
  page,
}, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(name) });
  await page.goto(preview.host.url);
  await waitForLive(page, ['demo-huyen']);
  await page.keyboard.press('l');
  await expect(page.getByTestId('wall')).toHaveAttribute('data-locale', 'en');

  // The wrong password, as the wording table says it in English.
  await waitForState(page, 'wrong-password', ['auth-failed']);
  const failed = page.locator('[data-testid="tile"][data-camera-id="wrong-password"]');
  await expect(failed).toContainText(en['state.authFailed']);
  await expect(failed).toContainText(en['cause.authFailed']);
  await expect(failed).toContainText(/since \d\d:\d\d/);
  expect(await vietnameseLeft(page.getByTestId('wall'))).toEqual([]);
  // The file's plain-text password, counted as English counts it.
  await expect(page.locator('[data-notice-id="plain-text-secrets"]')).toHaveText(
    'The configuration file holds 1 password in plain text. Staff can move it into the vault in Settings.',
  );
  await expect(page.getByTestId('toolbar')).toBeHidden();
  await shot('wall-auth-failed-tile.png');

  await openSettings(page, 'general');
  const panel = page.getByTestId('settings-panel');
  const tabs: Tab[] = ['general', 'centres', 'cameras', 'transfer'];
  for (const tab of tabs) {
    await page.getByTestId(`settings-tab-${tab}`).click();
    await expect(page.getByTestId(`settings-tab-${tab}`)).toHaveText(settingsEn[`tab.${tab}`]);
    if (tab === 'centres') await expect(page.getByTestId('from-file')).toBeVisible();
    if (tab === 'transfer') await expect(page.getByTestId('vault-offer')).toBeVisible();
    expect(await vietnameseLeft(panel), `the ${tab} tab`).toEqual([]);
    await shot(`settings-${tab}.png`);
  }

  // A new camera, tested with a wrong password: the answer reads as the tile would say it.
  await page.getByTestId('settings-tab-cameras').click();
  await page.getByTestId('camera-add').click();
  const form = page.getByTestId('camera-form');
  await expect(form.getByRole('heading')).toHaveText(settingsEn['camera.new']);
  await form.getByTestId('camera-name').locator('input').fill('Quầy 2');
  await form.getByTestId('mode-url').check();
  await form.getByTestId('sub-url').locator('input').fill(rtsp.url('/cam1'));
  await form.getByTestId('sub-username').locator('input').fill('admin');
  await form.getByTestId('sub-secret-input').fill('still-wrong');
  await form.getByTestId('test-sub').click();
  const result = page.getByTestId('camera-test-sub').getByTestId('test-result');
  await expect(result).toHaveAttribute('data-ok', 'false', { timeout: 30_000 });
  await expect(result).toContainText(en['state.authFailed']);
  await expect(result).toContainText(settingsEn['check.auth-failed']);
  expect(await vietnameseLeft(panel), 'the camera form').toEqual([]);
  await result.scrollIntoViewIfNeeded();
  await shot('camera-form-test-failed-en.png');

  await form.getByTestId('sub-secret-input').fill(PASSWORD);
  await form.getByTestId('test-sub').click();
  await expect(result).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
  expect(await vietnameseLeft(panel), 'the camera form after a good Test').toEqual([]);
  await result.scrollIntoViewIfNeeded();
  await shot('camera-form-test-ok-en.png');

  // Back to Vietnamese with the same key, for anyone sharing the host.
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await page.keyboard.press('l');
  await expect(page.getByTestId('wall')).toHaveAttribute('data-locale', 'vi');
});
