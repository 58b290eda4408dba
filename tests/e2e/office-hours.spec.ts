// Office hours and the wall's clock in Chromium against the preview host. The configuration is
// the demo's centres with a schedule in which today is a public holiday, so "now" is outside
// working hours whenever the test runs, without touching any clock. The wall then shows the
// dark screen with its large clock, holds no player and no MediaSource, and main holds no
// stream; staff key O with the PIN shows the wall (the look lasts 30 minutes; its end is
// unit-tested with a fake clock), and O again ends it. A file without a schedule keeps the
// default hours (dark in a zone where now is a night or a weekend); the demo is on round the
// clock.
import { expect, type Page } from '@playwright/test';
import { test } from './support/guarded-test';
import { demoSettings } from '../../electron/settings/demo-config';
import { settingsFile } from '../../electron/settings/settings-model';
import { zoneOutsideOfficeHours } from './support/office-hours-zone';
import { startPreview, type StartedPreview } from './support/preview-fixture';
import { answerPin } from './support/staff-page';
import { waitForLive } from './support/wall-page';

const demo = demoSettings();
const installed = demo.cameras.filter((c) => c.availability === 'installed').map((c) => c.id);
const ZONE = 'Asia/Ho_Chi_Minh';
const CLOCK = /^\d{2}:\d{2} · (Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), \d{2}\/\d{2}\/\d{4}$/;

/** Today's date in the schedule's zone, 'YYYY-MM-DD' (en-CA formats dates that way). */
function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(Date.now());
}

/** Counts the page's MediaSources and those still open (an init script, before the app runs). */
async function countMediaSources(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const created: WeakRef<MediaSource>[] = [];
    const Original = window.MediaSource;
    class Counted extends Original {
      constructor() {
        super();
        created.push(new WeakRef(this));
      }
    }
    window.MediaSource = Counted;
    (window as unknown as { mediaSources: () => { created: number; open: number } }).mediaSources =
      () => ({
        created: created.length,
        open: created.filter((ref) => {
          const source = ref.deref();
          return source !== undefined && source.readyState !== 'closed';
        }).length,
      });
  });
}

const mediaSources = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { mediaSources: () => { created: number; open: number } }).mediaSources(),
  );

test.describe('a wall outside working hours', () => {
  let preview: StartedPreview;
  test.beforeAll(async () => {
    preview = await startPreview({
      ...settingsFile(demo),
      schedule: { timeZone: ZONE, holidays: [todayIn(ZONE)] },
    });
  });
  test.afterAll(async () => preview?.host.close());

  test('is dark with a large clock, plays nothing, holds no stream; staff key O shows it', async ({
    page,
  }, testInfo) => {
    const { service } = preview.host;
    await countMediaSources(page);
    await page.goto(preview.host.url);

    const dark = page.getByTestId('outside-hours');
    await expect(dark).toBeVisible();
    await expect(dark).toContainText('Ngoài giờ làm việc');
    await expect(dark).toContainText(
      /Làm việc lại lúc 07:00, Thứ (Hai|Ba|Tư|Năm|Sáu) \d{2}\/\d{2}/,
    );
    const clock = dark.getByTestId('wall-clock');
    // The clock's words come once the boot is over (hooks/use-when-idle.ts).
    await expect(clock).toHaveAttribute('aria-label', CLOCK);
    const digits = await clock
      .locator('.wall-clock__time')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(digits).toBeGreaterThanOrEqual(200); // 24 % of 1080 px
    // No tile, no player, no MediaSource ever made; main holds no session and opened nothing.
    await expect(page.getByTestId('tile')).toHaveCount(0);
    await expect(page.locator('video')).toHaveCount(0);
    expect(await mediaSources(page)).toEqual({ created: 0, open: 0 });
    expect(service.broker.held).toBe(true);
    expect(service.statuses()).toEqual([]);
    expect(service.broker.totalConnections).toBe(0);
    await page.screenshot({ path: testInfo.outputPath('outside-hours.png') });

    // Staff: O, the PIN (set on first use), and the wall shows for 30 minutes.
    await page.keyboard.press('o');
    await answerPin(page);
    await expect(page.getByTestId('wall')).toBeVisible();
    await waitForLive(page, installed);
    await expect(page.getByTestId('outside-hours-look')).toHaveText(
      /^Đang xem ngoài giờ, đến \d{2}:\d{2}$/,
    );
    expect(service.broker.held).toBe(false);
    expect(service.statuses().filter((s) => s.state === 'live')).toHaveLength(installed.length);
    await page.screenshot({ path: testInfo.outputPath('outside-hours-staff-look.png') });

    // O again (still unlocked) ends the look: dark again, every player and stream gone.
    await page.keyboard.press('o');
    await expect(dark).toBeVisible();
    await expect(page.locator('video')).toHaveCount(0);
    expect(service.broker.held).toBe(true);
    expect(service.statuses()).toEqual([]);
    // Released players are destroyed after the pool's grace period; so are their sources.
    await expect(dark).toHaveAttribute('data-player-count', '0', { timeout: 30_000 });
    await expect.poll(async () => (await mediaSources(page)).open, { timeout: 30_000 }).toBe(0);
  });
});

test.describe('a wall whose file has no schedule', () => {
  // The default hours in the PC's zone; this process's zone is one where now is outside them.
  const zone = zoneOutsideOfficeHours(Date.now());
  const savedTz = process.env.TZ;
  let preview: StartedPreview;
  test.beforeAll(async () => {
    process.env.TZ = zone;
    const { schedule: _roundTheClock, ...withoutSchedule } = settingsFile(demo);
    preview = await startPreview(withoutSchedule, { officeHours: 'as-written' });
  });
  test.afterAll(async () => {
    await preview?.host.close();
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  test('keeps Monday–Friday office hours: dark now, back at 07:00 or 13:30 on a weekday', async ({
    page,
  }, testInfo) => {
    await page.goto(preview.host.url);
    const dark = page.getByTestId('outside-hours');
    await expect(dark).toContainText('Ngoài giờ làm việc');
    // The zone picked may be at night (back at 07:00) or at lunch (back at 13:30).
    await expect(dark).toContainText(/Làm việc lại lúc (07:00|13:30), Thứ (Hai|Ba|Tư|Năm|Sáu)/);
    const hours = await preview.host.service.handle('hours:get-status', undefined);
    expect(hours).toMatchObject({ ok: true, value: { inHours: false, showing: false } });
    expect(preview.host.service.broker.held).toBe(true);
    expect(preview.host.service.broker.totalConnections).toBe(0);
    await expect(page.getByTestId('tile')).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('no-schedule-outside-hours.png') });
  });
});

test.describe('a wall in working hours', () => {
  let preview: StartedPreview;
  test.beforeAll(async () => {
    preview = await startPreview(null); // the demo: "always": true, so it shows at any hour
  });
  test.afterAll(async () => preview?.host.close());

  test('shows its clock in a strip under the grid that covers no tile', async ({
    page,
  }, testInfo) => {
    await page.goto(preview.host.url);
    await waitForLive(page, installed);
    const clock = page.getByTestId('clock-strip').getByTestId('wall-clock');
    await expect(clock).toBeVisible();
    await expect(clock).toHaveAttribute('aria-label', CLOCK);
    await expect(clock).toHaveText(CLOCK);
    const layout = await page.evaluate(() => {
      const box = (el: Element) => el.getBoundingClientRect().toJSON() as DOMRect;
      const tiles = [...document.querySelectorAll('[data-testid="tile"]')].map(box);
      const strip = box(document.querySelector('[data-testid="clock-strip"]')!);
      const time = document.querySelector('.clock-strip .wall-clock__time')!;
      const names = [...document.querySelectorAll('.name-band')].map((el) =>
        parseFloat(getComputedStyle(el).fontSize),
      );
      return { tiles, strip, clockFont: parseFloat(getComputedStyle(time).fontSize), names };
    });
    for (const tile of layout.tiles) {
      expect(tile.bottom).toBeLessThanOrEqual(layout.strip.top + 0.5);
    }
    expect(layout.strip.bottom).toBeCloseTo(1080, 0);
    // Read from across a room: larger than any centre's name on a tile.
    expect(layout.clockFont).toBeGreaterThan(Math.max(...layout.names));
    await page.screenshot({ path: testInfo.outputPath('wall-with-clock.png') });
  });
});
