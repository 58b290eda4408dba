// District IT provisions a running wall over HTTPS: keys made and bundles signed with the
// provisioning tool's own code, served by a local HTTPS server whose certificate comes from a
// "district CA" made here with openssl and trusted through the configuration's
// `provisioning.ca`. The wall takes a signed bundle without a restart (a centre renamed, the
// layout changed, the players kept), then refuses a bundle with one flipped byte: it says so
// on the status line, changes nothing, and its tiles keep decoding frames.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { test } from './support/guarded-test';
import { runProvisionCli } from '../../electron/provisioning/provision-cli';
import { demoSettings } from '../../electron/settings/demo-config';
import type { WallSettingsFile } from '../../electron/settings/settings-model';
import { startPreview, type StartedPreview } from './support/preview-fixture';
import { markVideo, videoMark } from './support/staff-page';
import { expectPlaying, waitForLive } from './support/wall-page';

// A token in the bundle's URL path, as some servers use: it must never reach the log.
const TOKEN = 'tk-7f3a9c1e55';
const dir = mkdtempSync(join(tmpdir(), 'wall-provisioning-'));
const keys = join(dir, 'keys');

const demo = demoSettings();
const shown = demo.cameras.filter((c) => c.availability === 'installed').slice(0, 4);
const ids = shown.map((c) => c.id);
const sites = demo.sites.filter((s) => shown.some((c) => c.siteId === s.id));
const renamed = { ...sites[0]!, shortName: 'Trung tâm mới' };

/** IT's file on the PC, or the configuration IT signs next (without its provisioning). */
const wallFile = (next = false): WallSettingsFile => ({
  schemaVersion: 2,
  locale: 'vi',
  sites: next ? [renamed, ...sites.slice(1)] : sites,
  cameras: shown,
  layout: { preset: next ? '3x3' : '2x2', cameraIds: ids },
});

let server: Server;
let served: string | null = null;
let preview: StartedPreview;

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** The district's CA, and the bundle server's certificate it signs (for 127.0.0.1). */
function makeCertificates(): void {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=District IT CA',
  );
  openssl('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1\n');
  openssl(
    'x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key',
    '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'server.ext',
  ); // prettier-ignore
}

async function provision(...argv: string[]): Promise<void> {
  const lines: string[] = [];
  const code = await runProvisionCli(argv, {
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
    now: () => new Date(),
  });
  expect(code, lines.join('\n')).toBe(0);
}

/** Signs IT's next configuration with the tool's `sign` command; answers the bundle text. */
async function signNext(sequence: number): Promise<string> {
  const config = join(dir, `next-${sequence}.json`);
  const out = join(dir, `wall-${sequence}.owb`);
  writeFileSync(config, JSON.stringify(wallFile(true)));
  await provision(
    'sign', '--key', join(keys, 'signing-key.pem'), '--fleet-key', join(keys, 'fleet.key'),
    '--config', config, '--manages', 'sites,layouts', '--sequence', String(sequence),
    '--expires-days', '7', '--out', out,
  ); // prettier-ignore
  return readFileSync(out, 'utf8');
}

/** One byte of the signed payload flipped, the envelope otherwise as signed. */
function flipOneByte(bundle: string): string {
  const envelope = JSON.parse(bundle) as Record<string, string>;
  const bytes = Buffer.from(envelope.payload!, 'base64url');
  bytes[60]! ^= 0x20;
  return JSON.stringify({ ...envelope, payload: bytes.toString('base64url') }, null, 2);
}

test.beforeAll(async () => {
  mkdirSync(keys);
  await provision('keygen', '--out', keys);
  makeCertificates();
  server = createServer(
    { key: readFileSync(join(dir, 'server.key')), cert: readFileSync(join(dir, 'server.pem')) },
    (request, response) => {
      if (request.url !== `/wall/${TOKEN}/fleet.owb` || served === null) {
        response.writeHead(404).end();
        return;
      }
      const etag = `"${createHash('sha256').update(served).digest('hex').slice(0, 16)}"`;
      if (request.headers['if-none-match'] === etag) return void response.writeHead(304).end();
      response.writeHead(200, { 'content-type': 'application/json', etag }).end(served);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const config: WallSettingsFile = {
    ...wallFile(),
    provisioning: {
      source: `https://127.0.0.1:${port}/wall/${TOKEN}/fleet.owb`,
      publicKeys: [join(keys, 'public-key.pem')],
      fleetKey: readFileSync(join(keys, 'fleet.key'), 'utf8').trim(),
      ca: join(dir, 'ca.pem'),
    },
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'wall-data-'));
  // Polls every second instead of every 5 minutes, so the test does not wait.
  preview = await startPreview(config, { dataDir, provisioning: { intervalMs: 1_000 } });
});

test.afterAll(async () => {
  await preview?.host.close();
  await new Promise((resolve) => server?.close(resolve));
});

test('a signed bundle changes the running wall; a tampered one is refused while tiles play', async ({
  page,
}, testInfo) => {
  await page.goto(preview.host.url);
  await waitForLive(page, ids);
  await expect(page.getByTestId('tile')).toHaveCount(4);
  for (const id of ids) await markVideo(page, id, `before-${id}`);
  // Nothing published yet: the wall says it could not read a bundle, and keeps playing.
  const notice = page.locator('[data-notice-id="provisioning"]');
  await expect(notice).toContainText('Chưa đọc được gói cấu hình');

  served = await signNext(1);
  await expect(notice).toHaveText('Đã áp dụng gói cấu hình số 1 của bộ phận CNTT.');
  await expect(page.getByText('Trung tâm mới', { exact: true })).toBeVisible();
  await expect(page.getByTestId('tile')).toHaveCount(9);
  // Only centres and the layout changed: every camera kept its player.
  for (const id of ids) expect(await videoMark(page, id)).toBe(`before-${id}`);
  await expectPlaying(page, ids);

  served = flipOneByte(await signNext(2));
  await expect(notice).toHaveText(
    'Từ chối gói cấu hình: sai chữ ký (tệp bị sửa hoặc hỏng). Máy giữ cấu hình cũ, báo CNTT.',
  );
  await expect(notice).toHaveClass(/settings-notice--warning/);
  await expect(page.getByText('Trung tâm mới', { exact: true })).toBeVisible();
  await expect(page.getByTestId('tile')).toHaveCount(9);
  await expectPlaying(page, ids);
  for (const id of ids) expect(await videoMark(page, id)).toBe(`before-${id}`);
  await page.screenshot({ path: testInfo.outputPath('provisioning-refused.png') });

  // In English, the reason for IT.
  const status = preview.host.service.settingsControl!.status();
  const refused = status.notices.find((n) => n.id === 'provisioning');
  expect(refused?.message.en).toContain('the signature does not match');

  const log = preview.logLines.join('\n');
  // The log has IT's full sentence: what to do next.
  expect(log).toMatch(/provisioning: refused \(bad-signature\): .*copy it again from the source/);
  expect(log).toContain(`provisioning: reading signed bundles from https://127.0.0.1:`);
  expect(log).not.toContain(TOKEN);
  expect(log).not.toContain(readFileSync(join(keys, 'fleet.key'), 'utf8').trim());
});
