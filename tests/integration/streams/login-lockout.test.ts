// Lock-out safety against a real GStreamer RTSP server with Digest auth, counted AT THE SERVER
// (each request with credentials it refused is one failed login, as a camera counts them).
// A layout that flips a camera with a wrong password on and off screen every few seconds, and
// maximises it to its main stream now and then, for two minutes, through the wall's services
// with their real timings: the camera's login back-off is 5 minutes, so one failed login is
// all two minutes may cost. Then the wall restarts with the same settings store, and still
// spends none; then IT fixes the password, and the wall logs in at once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Quality, StreamStatus } from '../../../electron/contract/wall-contract';
import { WallService } from '../../../electron/services/wall-service';
import { ROUND_THE_CLOCK } from '../../../electron/settings/schedule-field';
import type { WallSettings } from '../../../electron/settings/settings-model';
import type { LoginBackoffStore } from '../../../electron/streams/core/login-records';
import { startRtspServer, type RtspServer } from '../../fixtures/rtsp-server/start-rtsp-server';

const CAMERA = 'gate-cam';
const sink = { send: () => {}, bufferedBytes: () => 0, close: () => {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: RtspServer;
let service: WallService | null = null;
const statuses: StreamStatus[] = [];
const logs: string[] = [];

beforeAll(async () => {
  server = await startRtspServer({ auth: 'digest', user: 'admin', password: 'secret-Pa55' });
});
afterAll(async () => {
  await server?.stop();
});
afterEach(async () => {
  await service?.close();
  service = null;
});

function settings(password: string): WallSettings {
  const endpoint = {
    url: server.url('/cam1'),
    kind: 'rtsp' as const,
    auth: { type: 'password' as const, username: 'admin', password },
  };
  return {
    schemaVersion: 2,
    locale: 'en',
    sites: [{ id: 'site', name: 'Xã Cẩm Đoài', shortName: 'Cẩm Đoài' }],
    cameras: [
      {
        id: CAMERA,
        siteId: 'site',
        name: 'Cổng',
        availability: 'installed',
        streams: { sub: endpoint, main: endpoint },
      },
    ],
    layout: { preset: '1x1', cameraIds: [CAMERA] },
    // Outside office hours the wall logs in to nothing; the back-off is tested at any hour.
    schedule: ROUND_THE_CLOCK,
  };
}

async function startWall(password: string, store: LoginBackoffStore): Promise<WallService> {
  service = await WallService.start({
    settings: settings(password),
    configSource: 'file',
    memory: null,
    assetsDir: '/nonexistent',
    allowedOrigins: () => [],
    log: (line) => logs.push(line),
    loginStore: store,
  });
  service.onEvent((channel, payload) => {
    if (channel === 'streams:status') statuses.push(payload as StreamStatus);
  });
  return service;
}

/** On screen for 3 s, off for 3 s; every third time the tile is maximised (main stream). */
async function flipFor(wall: WallService, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (let i = 0; Date.now() < until; i += 1) {
    const quality: Quality = i % 3 === 2 ? 'main' : 'sub';
    const attached = wall.broker.attach(CAMERA, quality, sink);
    if ('error' in attached) throw new Error(attached.error);
    await sleep(3_000);
    attached.detach();
    await sleep(3_000);
  }
}

function memoryStore(): LoginBackoffStore & { value: unknown } {
  const store = {
    value: undefined as unknown,
    get: () => store.value,
    set: (value: unknown) => void (store.value = value),
  };
  return store;
}

describe('a camera with a wrong password on a flipping layout', () => {
  it('costs one failed login in two minutes, and none more after a restart', async () => {
    const store = memoryStore();
    const wall = await startWall('wrong-password', store);
    await flipFor(wall, 120_000);
    expect(server.failedLogins()).toBe(1);

    // The tile says why, and when the next login will be tried (its countdown).
    const gated = statuses.filter((s) => s.state === 'auth-failed' && s.retryAt !== null).at(-1);
    expect(gated).toBeDefined();
    expect(gated!.retryAt! - Date.now()).toBeGreaterThan(2 * 60_000);
    expect(JSON.stringify(store.value)).not.toContain('wrong-password');

    // A restart of the wall's services with the same store.
    await wall.close();
    service = null;
    const restarted = await startWall('wrong-password', store);
    await flipFor(restarted, 30_000);
    expect(server.failedLogins()).toBe(1);
    expect(restarted.broker.session(CAMERA, 'sub')!.currentStatus.state).toBe('auth-failed');
  }, 240_000);

  it('logs in at once with the corrected password (IT fixed it), with no failed login', async () => {
    const store = memoryStore();
    const before = server.failedLogins();
    // A refusal on record from the wrong password…
    const wrong = await startWall('wrong-password-2', store);
    wrong.broker.attach(CAMERA, 'sub', sink);
    await server.waitFor(() => server.failedLogins() === before + 1, 15_000, 'the refusal');
    await wrong.close();
    service = null;
    // …does not hold back the new one.
    const plays = server.count('PLAY');
    const fixed = await startWall('secret-Pa55', store);
    fixed.broker.attach(CAMERA, 'sub', sink);
    await server.waitFor(() => server.count('PLAY') > plays, 15_000, 'PLAY');
    expect(server.failedLogins()).toBe(before + 1);
  }, 60_000);
});
