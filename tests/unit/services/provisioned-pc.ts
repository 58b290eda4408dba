// A provisioned PC for the wiring tests: IT's configuration file reading bundles from a folder
// (a USB stick), its data folder with a centre and camera staff added, and a fake host whose
// poller runs only when a test asks, on the bundle fixtures' clock.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BundlePayload } from '../../../electron/provisioning/bundle-format';
import { encryptConfigSecrets } from '../../../electron/provisioning/fleet-secrets';
import { startWall, type HostServing, type WallHost } from '../../../electron/services/start-wall';
import type { KeyValueStore } from '../../../electron/settings/settings-store';
import { T0, days, fleetKey, signer } from '../provisioning/bundle-fixtures';

export const started: { close(): Promise<void> }[] = [];
export const SECRET = 'Fleet-Pass-42';
export const site = (id: string, name: string) => ({ id, name });
export const camera = (id: string, siteId: string, password?: string) => ({
  id,
  siteId,
  name: `Quầy ${id}`,
  // Not installed: the wall does not try to reach these test addresses.
  availability: 'not-installed',
  streams: {
    sub: {
      url: `rtsp://192.0.2.10:554/${id}`,
      ...(password ? { auth: { type: 'password', username: 'viewer', password } } : {}),
    },
  },
});

/**
 * A PC: IT's file (provisioned from a folder), its data folder, staff's own centre.
 * `filePassword`: IT wrote huyen-1's password in the file in plain text.
 */
export function pc(filePassword?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'prov-wall-'));
  const dataDir = join(dir, 'data');
  const bundles = join(dir, 'usb');
  const keyFile = join(dir, 'public-key.pem');
  writeFileSync(keyFile, signer.publicKey.export({ type: 'spki', format: 'pem' }));
  const config = join(dir, 'wall.json');
  writeFileSync(
    config,
    JSON.stringify({
      schemaVersion: 2,
      locale: 'vi',
      sites: [site('huyen', 'Bộ phận Một cửa huyện')],
      cameras: [camera('huyen-1', 'huyen', filePassword)],
      layout: { preset: '2x2', cameraIds: ['huyen-1'] },
      provisioning: {
        source: bundles,
        publicKeys: [keyFile],
        fleetKey: fleetKey.toString('base64url'),
      },
    }),
  );
  mkdirSync(dataDir);
  mkdirSync(bundles);
  // Staff added their own centre on this PC: a bundle must keep it.
  writeFileSync(
    join(dataDir, 'settings-local.json'),
    JSON.stringify({
      schemaVersion: 2,
      sites: [site('staff-site', 'Phòng họp')],
      cameras: [camera('staff-1', 'staff-site')],
    }),
  );
  // The PC's settings store outlives a restart, as electron-store's file does (staff's centre
  // moves into it from settings-local.json at the first start).
  const storeData = new Map<string, unknown>();
  return { dir, dataDir, bundles, config, storeData };
}

export function host(place: ReturnType<typeof pc>, log: string[]): WallHost<HostServing> {
  const data = place.storeData;
  const store: KeyValueStore = { get: (k) => data.get(k), set: (k, v) => void data.set(k, v) };
  return {
    log: (line) => log.push(line),
    config: { argument: place.config, environment: undefined, dataFolderFile: null },
    secretCodec: null,
    store: { open: () => store, file: join(place.dataDir, 'settings.json') },
    assetsDir: 'assets',
    allowedOrigins: () => ['app://wall'],
    // Polls only when a test asks; the bundles' clock is the fixtures' T0.
    provisioning: { now: () => T0, timers: { set: () => 0, clear: () => undefined } },
    serve: async () => ({ push: () => undefined, close: async () => undefined }),
  };
}

export async function start(place: ReturnType<typeof pc>, log: string[] = []) {
  const wall = await startWall(host(place, log));
  started.push(wall);
  // The poll the start-up runs at once (empty folder): done before the test writes a bundle.
  await wall.provisioning?.pollOnce();
  return wall;
}

export function bundle(overrides: Partial<BundlePayload> = {}): BundlePayload {
  return {
    issuedAt: T0.toISOString(),
    expiresAt: days(30).toISOString(),
    sequence: 7,
    fleet: 'cam-giang',
    manages: ['sites', 'cameras'],
    config: encryptConfigSecrets(
      {
        sites: [site('huyen', 'Trung tâm Phục vụ hành chính công')],
        cameras: [camera('huyen-1', 'huyen', SECRET), camera('huyen-2', 'huyen')],
      },
      fleetKey,
    ),
    ...overrides,
  };
}

export const names = (wall: Awaited<ReturnType<typeof start>>) =>
  wall.service.snapshot().sites.map((s) => s.name);
export const notice = async (wall: Awaited<ReturnType<typeof start>>) =>
  wall.service.settingsControl!.status().notices.find((n) => n.id === 'provisioning');
