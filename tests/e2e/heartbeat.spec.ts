// IT's heartbeat failing, seen from the room: the wall posts signed beats to a real receiver
// (heartbeat-receiver.ts on a local HTTP server) that holds another key and refuses each one.
// After three failures in a row the status line under the grid says so, calmly, in Vietnamese,
// while the tile keeps playing; once the receiver takes the beats, the notice goes. The beat's
// waits (30-60 s first, retries from 30 s) run on short timers injected through the preview host.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { test } from './support/guarded-test';
import { heartbeatReceiver } from '../../electron/services/heartbeat/heartbeat-receiver';
import { demoSettings } from '../../electron/settings/demo-config';
import type { WallSettingsFile } from '../../electron/settings/settings-model';
import { startPreview, type StartedPreview } from './support/preview-fixture';
import { expectPlaying, waitForLive } from './support/wall-page';

const SECRET = 'heartbeat-key-for-e2e-0123456789';
const demo = demoSettings();
const shown = demo.cameras.filter((c) => c.availability === 'installed').slice(0, 1);
const ids = shown.map((c) => c.id);

let server: Server;
let preview: StartedPreview;
const answers: number[] = [];
let receiver = heartbeatReceiver({ secret: 'not-the-key-this-wall-has-0000', onBeat: () => {} });

test.beforeAll(async () => {
  server = createServer((req, res) => {
    res.on('finish', () => answers.push(res.statusCode));
    receiver(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const config: WallSettingsFile = {
    schemaVersion: 2,
    locale: 'vi',
    sites: demo.sites.filter((s) => shown.some((c) => c.siteId === s.id)),
    cameras: shown,
    layout: { preset: '1x1', cameraIds: ids },
    heartbeat: {
      url: `http://127.0.0.1:${port}/wall-heartbeat`,
      secret: SECRET,
      everyMinutes: 1,
      enabled: true,
    },
  };
  preview = await startPreview(config, {
    dataDir: mkdtempSync(join(tmpdir(), 'wall-data-')),
    // Every wait of the beat (first beat, retry, period) becomes 300 ms.
    heartbeat: {
      timers: {
        set: (run) => setTimeout(run, 300).unref(),
        clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
      },
    },
  });
});

test.afterAll(async () => {
  await preview?.host.close();
  await new Promise((resolve) => server?.close(resolve));
});

test('repeated heartbeat failures reach the status line; a delivered beat clears it', async ({
  page,
}, testInfo) => {
  await page.goto(preview.host.url);
  await waitForLive(page, ids);
  const notice = page.locator('[data-notice-id="heartbeat-failing"]');
  await expect(notice).toContainText('Không gửi được báo cáo tình trạng cho CNTT từ');
  await expect(notice).toContainText(/\(\d+ lần liền\)\. Máy vẫn chạy bình thường; chi tiết/);
  await expect(notice).toHaveClass(/settings-notice--warning/);
  // The receiver refused each beat (wrong key): at least the three the notice waits for.
  expect(answers.filter((code) => code === 401).length).toBeGreaterThanOrEqual(3);
  expect(preview.logLines).toContainEqual(
    expect.stringMatching(/^heartbeat: 3 beats in a row not delivered; IT does not see this wall/),
  );
  // The key never reaches the log or the page.
  expect(preview.logLines.join('\n')).not.toContain(SECRET);
  expect(await page.content()).not.toContain(SECRET);
  await expectPlaying(page, ids);
  await page.screenshot({ path: testInfo.outputPath('heartbeat-failing.png') });

  // IT fixes its receiver: the next beat is taken and the notice goes.
  receiver = heartbeatReceiver({ secret: SECRET, onBeat: () => {} });
  await expect(notice).toHaveCount(0);
  expect(answers).toContain(204);
});
