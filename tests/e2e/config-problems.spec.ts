// IT's configuration file is wrong. On a PC where no configuration has ever worked, the wall's
// window shows every field's problem full screen, in Vietnamese, and starts by itself once the
// file on disk is fixed (the host watches it). Where a last good configuration exists, the wall
// plays on it and the clock's strip says what is wrong with the file. The host runs as people
// start it (its own process), on a data folder of its own.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { test } from './support/guarded-test';
import { ConfigFileError, loadConfigFile } from '../../electron/settings/load-config-file';
import { settingsVi } from '../../renderer/src/i18n/settings-vi';
import { startPreviewProcess, type PreviewProcess } from './support/preview-process';
import { waitForLive } from './support/wall-page';

const VALID = {
  schemaVersion: 2,
  locale: 'vi',
  sites: [
    { id: 'huyen', name: 'Bộ phận Một cửa huyện', shortName: 'Huyện' },
    { id: 'cao-an', name: 'Xã Cao An', shortName: 'Cao An' },
  ],
  cameras: [
    { id: 'huyen-1', siteId: 'huyen', name: 'Quầy 1', streams: { sub: { url: 'demo:clip-1' } } },
    { id: 'cao-an-1', siteId: 'cao-an', name: 'Quầy 1', streams: { sub: { url: 'demo:clip-2' } } },
  ],
  layout: { preset: '2x2', cameraIds: ['huyen-1', 'cao-an-1'] },
  // Round the clock: the fixed file must show its cameras whenever the suite runs.
  schedule: { always: true },
};

/** The same file with three fields wrong: a URL, a centre that does not exist, a preset. */
function invalid(): unknown {
  const doc = structuredClone(VALID) as unknown as {
    cameras: { siteId: string; streams: { sub: { url: string } } }[];
    layout: { preset: string };
  };
  doc.cameras[0]!.streams.sub.url = 'ftp://10.0.0.5/live';
  doc.cameras[1]!.siteId = 'cam-vu';
  doc.layout.preset = '5x7';
  return doc;
}

function writeConfig(file: string, doc: unknown): void {
  writeFileSync(file, JSON.stringify(doc, null, 2));
}

/** What main finds wrong with the file: "field message" per problem, in Vietnamese. */
function expectedProblems(file: string): string[] {
  try {
    loadConfigFile(file);
  } catch (error) {
    if (error instanceof ConfigFileError) {
      return error.fieldProblems.map((p) => `${p.field} ${p.message.vi}`);
    }
    throw error;
  }
  throw new Error('the file is valid');
}

let host: PreviewProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const problemLines = (page: Page, scope: string) =>
  page
    .getByTestId(scope)
    .locator('li li, .settings-problems > li')
    .evaluateAll((items) => items.map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim()));

test('no configuration ever worked here: the problems fill the screen in Vietnamese, and the fixed file starts the wall', async ({
  page,
}, testInfo) => {
  const file = join(mkdtempSync(join(tmpdir(), 'wall-config-')), 'wall.json');
  writeConfig(file, invalid());
  const problems = expectedProblems(file);
  expect(problems.length).toBeGreaterThanOrEqual(3);
  host = await startPreviewProcess({
    configFile: file,
    dataDir: mkdtempSync(join(tmpdir(), 'wall-data-')),
  });
  await page.goto(host.url);

  const screen = page.getByTestId('settings-blocking');
  await expect(screen).toBeVisible();
  await expect(screen.getByRole('heading')).toHaveText(settingsVi['blocking.title']);
  await expect(screen).toContainText(settingsVi['blocking.hint'].replace('{file}', file));
  await expect.poll(() => problemLines(page, 'settings-blocking')).toEqual(problems);
  // Full screen: it covers the window, and no tile is behind it.
  const box = await screen.boundingBox();
  expect(box).toMatchObject({ x: 0, y: 0, width: 1920, height: 1080 });
  await expect(page.getByTestId('tile')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('blocking-problems.png') });

  writeConfig(file, VALID);
  await waitForLive(page, ['huyen-1', 'cao-an-1']);
  await expect(screen).toHaveCount(0);
  await expect(page.locator('[data-notice-id="config-file-invalid"]')).toHaveCount(0);
  await expect(page.getByTestId('toolbar')).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('blocking-fixed.png') });
});

test('a last good configuration exists: the wall plays on it and the clock strip says what is wrong', async ({
  page,
}, testInfo) => {
  const file = join(mkdtempSync(join(tmpdir(), 'wall-config-')), 'wall.json');
  const dataDir = mkdtempSync(join(tmpdir(), 'wall-data-'));
  writeConfig(file, VALID);
  // A first run on the valid file: it becomes this PC's last good configuration.
  host = await startPreviewProcess({ configFile: file, dataDir });
  await page.goto(host.url);
  await waitForLive(page, ['huyen-1', 'cao-an-1']);
  await host.stop();

  writeConfig(file, invalid());
  const problems = expectedProblems(file);
  host = await startPreviewProcess({ configFile: file, dataDir });
  await page.goto(host.url);
  await waitForLive(page, ['huyen-1', 'cao-an-1']);
  await expect(page.getByTestId('settings-blocking')).toHaveCount(0);
  const notice = page.locator('[data-notice-id="config-file-invalid"]');
  await expect(notice).toContainText(
    `Tệp cấu hình có ${problems.length} lỗi; màn hình giám sát đang chạy theo cấu hình tốt gần nhất. Hãy sửa tệp ${file}`,
  );
  // The line sits in the clock's strip, under the grid, not over a tile.
  const strip = await page.getByTestId('clock-strip').boundingBox();
  const line = await notice.boundingBox();
  expect(strip && line).toBeTruthy();
  expect(line!.y).toBeGreaterThanOrEqual(strip!.y - 1);
  await expect(page.getByTestId('toolbar')).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('last-good-notice.png') });
  // Its details name every field's problem.
  // At its left end: with the mouse moving, the toolbar shows over the strip's middle.
  await notice.locator('summary').click({ position: { x: 12, y: 8 } });
  await expect(notice.locator('details')).toHaveAttribute('open', '');
  await expect.poll(() => problemLines(page, 'settings-notices')).toEqual(problems);
  await expect(notice.locator('.settings-problems')).toBeVisible();
  await expect(page.getByTestId('toolbar')).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('last-good-notice-details.png') });

  writeConfig(file, VALID);
  await expect(notice).toHaveCount(0, { timeout: 30_000 });
  await waitForLive(page, ['huyen-1', 'cao-an-1']);
});
