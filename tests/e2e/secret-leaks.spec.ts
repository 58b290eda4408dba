// No camera password leaves the vault. The preview host runs in its own process (its real
// stdout and stderr) against the real GStreamer RTSP server (Digest), with IT's file holding a
// plain-text password. Staff add a centre and a camera, Test it with a wrong password and the
// right one, save it, edit its URL (once with the password typed into the URL), add a
// Hikvision camera, export without secrets and with a passphrase, and move the file's password
// into the vault. Meanwhile every WebSocket frame both ways, request URL, console line, the
// DOM, form values and storage are scanned; at the end the host's output, every file in its
// data folder, IT's folder (the file alone, no copy of it) and the exports. Each secret is looked for as typed, URL-encoded,
// base64, and as the user:password pair a login sends.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { test } from './support/guarded-test';
import { settingsVi } from '../../renderer/src/i18n/settings-vi';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server/start-rtsp-server';
import { recordPage, type PageRecord } from './support/page-recorder';
import { startPreviewProcess, type PreviewProcess } from './support/preview-process';
import { filesUnder, findIn, findInFile, needlesFor, type Finding } from './support/secret-scan';
import { downloadedText, openSettings } from './support/settings-page';
import { waitForLive, waitForState } from './support/wall-page';

const USER = 'admin';
// Distinctive secrets, each with characters a URL must encode: finding one anywhere is a leak.
const SECRETS = {
  'camera password': 'Vang#Sen@5581',
  'wrong password tried': 'Sai7/Cua?Ngo 2046',
  'Hikvision password': 'Hik5&Dong=Thap+7719',
  "IT file's password": 'Tep3:Plain%Xa-6402',
  'export passphrase': 'Cum Mat Khau 8830!',
};
const GOOD = SECRETS['camera password'];
const needles = needlesFor(SECRETS, USER);

let rtsp: RtspServer;
let host: PreviewProcess | undefined;

test.beforeAll(async () => {
  rtsp = await startRtspServer({ auth: 'digest', user: USER, password: GOOD });
});
test.afterAll(async () => {
  await host?.stop();
  await rtsp?.stop();
});

const form = (page: Page) => page.getByTestId('camera-form');
const result = (page: Page, quality: 'sub' | 'main') =>
  page.getByTestId(`camera-test-${quality}`).getByTestId('test-result');

/** Saves the camera form and waits for main's answer (the status line may already say "saved"). */
async function saveForm(page: Page, record: PageRecord): Promise<void> {
  const answered = record.nextReceived('"saved":true');
  await form(page).getByTestId('camera-name').locator('input').press('Enter');
  await answered;
  await expect(page.getByTestId('settings-status').last()).toHaveText(settingsVi.saved);
  await expect(
    form(page).getByTestId('sub-secret-saved').or(form(page).getByTestId('brand-password-saved')),
  ).toBeVisible();
}

test('no test password appears anywhere but the vault', async ({ page, context }, testInfo) => {
  test.setTimeout(300_000);
  const configDir = mkdtempSync(join(tmpdir(), 'wall-config-'));
  const configFile = join(configDir, 'wall.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      schemaVersion: 2,
      locale: 'vi',
      sites: [{ id: 'huyen', name: 'Bộ phận Một cửa huyện', shortName: 'Huyện' }],
      cameras: [
        {
          id: 'demo-huyen',
          siteId: 'huyen',
          name: 'Quầy 1',
          streams: { sub: { url: 'demo:clip-1' } },
        },
        {
          id: 'it-camera',
          siteId: 'huyen',
          name: 'Quầy 2',
          streams: {
            sub: {
              url: rtsp.url('/cam1'),
              auth: { type: 'password', username: USER, password: SECRETS["IT file's password"] },
            },
          },
        },
      ],
      layout: { preset: '3x3', cameraIds: ['demo-huyen', 'it-camera'] },
      // Round the clock: the cameras must play whenever the suite runs.
      schedule: { always: true },
    }),
  );
  // The scan finds what it looks for: IT's file holds its password in clear until it moves.
  expect(findInFile(configFile, 'wall.json', needles).map((f) => f.needle)).toContain(
    "IT file's password (as typed)",
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'wall-data-'));
  host = await startPreviewProcess({ configFile, dataDir });
  const record = recordPage(page, context, needles);

  await page.goto(host.url);
  await waitForLive(page, ['demo-huyen']);
  // IT's camera has the wrong password for this server: its tile says so.
  await waitForState(page, 'it-camera', ['auth-failed']);
  await record.look('the wall at start');

  await openSettings(page, 'centres');
  await page.getByTestId('centre-new-name').locator('input').fill('Xã Cẩm Vũ');
  await page.getByTestId('centre-new-short-name').locator('input').fill('Cẩm Vũ');
  await page.getByTestId('centre-new-short-name').locator('input').press('Enter');
  await expect(page.getByTestId('settings-status')).toHaveText(settingsVi.saved);

  // An RTSP camera by URL: Test with a wrong password, then the right one, then save.
  await page.getByTestId('settings-tab-cameras').click();
  await page.getByTestId('camera-add').click();
  await form(page).getByTestId('camera-name').locator('input').fill('Quầy 1');
  await form(page)
    .getByTestId('camera-centre')
    .locator('select')
    .selectOption({ label: 'Xã Cẩm Vũ' });
  await form(page).getByTestId('mode-url').check();
  await form(page).getByTestId('sub-url').locator('input').fill(rtsp.url('/cam1'));
  await form(page).getByTestId('sub-username').locator('input').fill(USER);
  await form(page).getByTestId('sub-secret-input').fill(SECRETS['wrong password tried']);
  await form(page).getByTestId('test-sub').click();
  await expect(result(page, 'sub')).toHaveAttribute('data-ok', 'false', { timeout: 30_000 });
  await record.look('the form after a failed Test');
  await form(page).getByTestId('sub-secret-input').fill(GOOD);
  await form(page).getByTestId('test-sub').click();
  await expect(result(page, 'sub')).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
  await record.look('the form after a successful Test');
  await saveForm(page, record);
  await record.look('the form after saving');
  const cameraId =
    (await page
      .getByTestId('camera-pick')
      .filter({ hasText: 'Quầy 1' })
      .last()
      .getAttribute('data-camera-id')) ?? '';
  expect(cameraId).not.toBe('');

  // Its URL edited, the stored password kept; then the password typed into the URL itself.
  await form(page).getByTestId('sub-url').locator('input').fill(rtsp.url('/bframes'));
  await form(page).getByTestId('test-sub').click();
  await expect(result(page, 'sub')).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
  await saveForm(page, record);
  await form(page).getByTestId('sub-auth').locator('select').selectOption('none');
  await form(page)
    .getByTestId('sub-url')
    .locator('input')
    .fill(rtsp.url('/cam1', { user: USER, password: GOOD }));
  await saveForm(page, record);
  await expect(form(page).getByTestId('sub-url').locator('input')).toHaveValue(rtsp.url('/cam1'));
  await record.look('the form after the URL edits');

  // A Hikvision camera: the form builds its URLs, Test fails (not this server's password).
  await page.getByTestId('camera-add').click();
  await form(page).getByTestId('camera-name').locator('input').fill('Quầy 3');
  await form(page)
    .getByTestId('camera-centre')
    .locator('select')
    .selectOption({ label: 'Xã Cẩm Vũ' });
  await form(page).getByTestId('brand-address').locator('input').fill(`127.0.0.1:${rtsp.port}`);
  await form(page).getByTestId('brand-username').locator('input').fill(USER);
  await form(page).getByTestId('brand-password-input').fill(SECRETS['Hikvision password']);
  await form(page).getByTestId('brand-brand').locator('select').selectOption('dahua');
  await expect(form(page).getByTestId('brand-url-sub')).toContainText('subtype=1');
  await form(page).getByTestId('brand-brand').locator('select').selectOption('hikvision');
  await form(page).getByTestId('test-sub').click();
  await expect(result(page, 'sub')).toHaveAttribute('data-ok', 'false', { timeout: 30_000 });
  await record.look('the Hikvision form after a failed Test');
  await saveForm(page, record);
  const hikvisionId =
    (await page
      .getByTestId('camera-pick')
      .filter({ hasText: 'Quầy 3' })
      .last()
      .getAttribute('data-camera-id')) ?? '';

  // Exports: without secrets, and with them sealed by a passphrase.
  await openSettings(page, 'transfer');
  const plainExport = await downloadedText(
    Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()]).then(
      ([download]) => download,
    ),
  );
  await page.getByTestId('export-with-secrets').check();
  await page.getByTestId('export-passphrase').fill(SECRETS['export passphrase']);
  const sealedExport = await downloadedText(
    Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()]).then(
      ([download]) => download,
    ),
  );
  await expect(page.getByTestId('settings-status').last()).toContainText('one-stop-wall-');
  await record.look('the transfer screen after the exports');

  // IT's plain-text password moves into the vault.
  await page.getByTestId('vault-move').click();
  await expect(page.getByTestId('settings-status').last()).toContainText('Đã chuyển 1');
  await record.look('the transfer screen after the vault move');

  await page.keyboard.press('Escape');
  await waitForLive(page, ['demo-huyen', cameraId]);
  await waitForState(page, hikvisionId, ['auth-failed']);
  await record.look('the wall at the end');
  await page.screenshot({ path: testInfo.outputPath('wall-after-leak-run.png') });
  await page.close();
  await host.stop();

  const findings: Finding[] = [...record.findings];
  findings.push(...findIn('preview host stdout', host.stdout(), needles));
  findings.push(...findIn('preview host stderr', host.stderr(), needles));
  findings.push(...findIn('export without secrets', plainExport, needles));
  findings.push(...findIn('export with a passphrase', sealedExport, needles));
  // IT's folder after the vault move: the file and nothing else (no copy of it in clear).
  const itFiles = filesUnder(configDir);
  for (const file of itFiles)
    findings.push(...findInFile(file.path, `IT's folder: ${file.relative}`, needles));
  const files = filesUnder(dataDir);
  for (const file of files)
    findings.push(...findInFile(file.path, `data folder: ${file.relative}`, needles));
  expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);

  // The scans saw real traffic and real files, not nothing.
  const names = files.map((f) => f.relative);
  expect(names).toContain('vault.json');
  expect(record.counts.textFramesReceived).toBeGreaterThan(20);
  expect(record.counts.framesReceived).toBeGreaterThan(record.counts.textFramesReceived);
  expect(record.counts.domLooks).toBe(9);
  expect(record.socketUrls.some((url) => !new URL(url).pathname.startsWith('/api/'))).toBe(true);
  // What staff typed went to main (four passwords, the passphrase), and nowhere else.
  expect(record.typedSecretsSent).toBeGreaterThanOrEqual(5);
  // The frames that carried them were seen by the scan: two Tests with the URL camera's
  // passwords, its saves, the Hikvision Test and save, the passphrase export.
  expect(record.framesWithSecretsSent).toBeGreaterThanOrEqual(6);
  // The vault holds the secrets (the camera's, the Hikvision one, IT's), none in clear.
  const vault = JSON.parse(readFileSync(join(dataDir, 'vault.json'), 'utf8')) as unknown;
  expect(JSON.stringify(vault).length).toBeGreaterThan(200);
  expect(JSON.parse(plainExport)).toMatchObject({ format: 'one-stop-wall-settings' });
  expect(JSON.parse(sealedExport)).toHaveProperty('secrets');
  // IT's file was rewritten in place with vault references; no copy of it was left behind.
  expect(itFiles.map((f) => f.relative)).toEqual([basename(configFile)]);
  expect(readFileSync(configFile, 'utf8')).toContain('vault:it-camera/sub/password');
  expect(statSync(configFile).mode & 0o777).toBe(0o600);
  testInfo.annotations.push({
    type: 'scanned',
    description: `${names.length} data files (${names.join(', ')}), ${record.counts.framesSent} frames sent, ${record.counts.framesReceived} received, ${record.counts.requests} requests, ${record.counts.console} console lines`,
  });
});
