// The login back-off survives a restart through the host's settings store: startWall hands the
// service the store's 'loginBackoff' slot, and a camera refused before the restart is not
// logged in to again until its back-off ends.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOGIN_BACKOFF_KEY, startWall } from '../../../electron/services/start-wall';
import { ROUND_THE_CLOCK } from '../../../electron/settings/schedule-field';
import type { KeyValueStore } from '../../../electron/settings/settings-store';
import { LoginGate } from '../../../electron/streams/core/login-gate';
import { loginIdentity } from '../../../electron/streams/core/login-identity';

const URL = 'rtsp://127.0.0.1:9/Streaming/Channels/102';
const AUTH = { type: 'password' as const, username: 'admin', password: 'wrong' };
const sink = { send: () => {}, bufferedBytes: () => 0, close: () => {} };
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

function configFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'login-backoff-')), 'wall.json');
  const config = {
    schemaVersion: 1,
    locale: 'vi',
    sites: [{ id: 'doai', name: 'Xã Cẩm Đoài' }],
    cameras: [
      { id: 'gate', siteId: 'doai', name: 'Cổng', streams: { sub: { url: URL, auth: AUTH } } },
    ],
    layout: { preset: '1x1', cameraIds: [null] },
    // Outside office hours the wall opens nothing at all; this is about the gate, at any hour.
    schedule: ROUND_THE_CLOCK,
  };
  writeFileSync(file, JSON.stringify(config));
  return file;
}

describe('login back-off across a restart', () => {
  it('keeps a refused camera gated, with its countdown, and opens no connection', async () => {
    const data = new Map<string, unknown>();
    const store: KeyValueStore = { get: (k) => data.get(k), set: (k, v) => void data.set(k, v) };
    // The run before the restart: one refused login, written to the store's slot.
    const before = new LoginGate({
      store: { get: () => data.get(LOGIN_BACKOFF_KEY), set: (v) => data.set(LOGIN_BACKOFF_KEY, v) },
    });
    const admission = before.admit(loginIdentity(URL, AUTH)!);
    if (!admission.go) throw new Error('expected a turn');
    const retryAt = admission.turn.refused();

    const wall = await startWall({
      log: () => {},
      config: { argument: configFile(), environment: undefined, dataFolderFile: null },
      secretCodec: null,
      store: { open: () => store, file: join(tmpdir(), 'unused-settings.json') },
      assetsDir: 'assets',
      allowedOrigins: () => [],
      serve: async () => ({ push: () => {}, close: async () => {} }),
    });
    stops.push(() => wall.close());
    const attached = wall.service.broker.attach('gate', 'sub', sink);
    expect('detach' in attached).toBe(true);
    expect(wall.service.broker.totalConnections).toBe(0);
    expect(wall.service.broker.session('gate', 'sub')!.currentStatus).toMatchObject({
      state: 'auth-failed',
      retryAt,
    });
    expect(JSON.stringify(data.get(LOGIN_BACKOFF_KEY))).not.toContain('wrong');
  });
});
