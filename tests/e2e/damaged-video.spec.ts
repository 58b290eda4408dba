// The wall in Chromium against a local HTTP-FLV server that sends each broken AVC decoder
// configuration of the bug report after a valid FLV header: each tile says the picture is
// damaged, the banner counts those centres, and the page never throws.
import { expect } from '@playwright/test';
import { test } from './support/guarded-test';
import type { WallSettingsFile } from '../../electron/settings/settings-model';
import {
  BROKEN_CASES,
  startBrokenFlvServer,
  type BrokenFlvServer,
} from '../fixtures/broken-video/broken-flv-server';
import { startPreview, type StartedPreview } from './support/preview-fixture';
import { waitForLive, waitForState } from './support/wall-page';

const BROKEN = Object.keys(BROKEN_CASES);
const VALID = 'valid';

function settings(server: BrokenFlvServer): WallSettingsFile {
  const cameras = [...BROKEN, VALID].map((slug, index) => ({
    id: slug,
    siteId: `site-${index + 1}`,
    name: 'Quầy 1',
    streams: { sub: { url: server.url(slug) } },
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
  };
}

let server: BrokenFlvServer;
let preview: StartedPreview;

test.beforeAll(async () => {
  server = await startBrokenFlvServer();
  preview = await startPreview(settings(server));
});

test.afterAll(async () => {
  await preview?.host.close();
  await server?.close();
});

test('each broken configuration reads as a damaged picture, counted in the banner, no page error', async ({
  page,
}, testInfo) => {
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto(preview.host.url);

  await waitForLive(page, [VALID]);
  for (const slug of BROKEN) await waitForState(page, slug, ['damaged']);
  for (const slug of BROKEN) {
    const tile = page.locator(`[data-testid="tile"][data-camera-id="${slug}"]`);
    await expect(tile).toContainText('Hình bị lỗi');
    // Since when, in HH:mm and minutes (the wall started moments ago).
    await expect(tile.getByTestId('tile-since')).toHaveText(
      /^từ \d\d:\d\d \((vừa xong|\d+ phút)\)$/,
    );
    await expect(tile).toContainText('Camera gửi video hỏng hoặc không giải mã được');
    const status = preview.host.service.broker.session(slug, 'sub')?.currentStatus;
    expect(status).toMatchObject({ state: 'error', reason: 'damaged-video', lastFrameAt: null });
    expect(status?.detail).toMatch(/the stream is damaged/);
  }
  // The banner counts and names them, in the configuration's order, five at most.
  const named = BROKEN.map((_, i) => `Điểm ${i + 1}`);
  const list =
    named.length > 6 ? `${named.slice(0, 5).join(', ')} +${named.length - 5}` : named.join(', ');
  await expect(page.getByTestId('banner')).toHaveText(`Không có hình (${BROKEN.length}): ${list}`);
  await page.screenshot({ path: testInfo.outputPath('damaged-video.png') });

  // Main retries each camera with backoff: the second refusal is the same, still no page error.
  for (const slug of BROKEN) {
    await expect
      .poll(() => preview.host.service.broker.session(slug, 'sub')?.connections ?? 0, {
        timeout: 30_000,
      })
      .toBeGreaterThan(1);
  }
  for (const slug of BROKEN) await waitForState(page, slug, ['damaged']);

  // Maximising the one good camera keeps the banner, small, still counting the others.
  await page.locator(`[data-testid="tile"][data-camera-id="${VALID}"]`).dblclick();
  await expect(page.getByTestId('maximised')).toBeVisible();
  const banner = page.getByTestId('banner');
  await expect(banner).toHaveClass(/banner--compact/);
  await expect(banner).toContainText(`Không có hình (${BROKEN.length}): Điểm 1, Điểm 2`);
  await page.screenshot({ path: testInfo.outputPath('damaged-video-maximised.png') });
  expect(pageErrors.map((e) => e.message)).toEqual([]);
});
