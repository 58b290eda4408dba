// The heartbeat on a started wall: on from IT's file (key into the vault, URL logged without
// its query), on once a refused file is fixed, off without the field; repeated failures on the
// status line every window reads; the provisioning hook in the beat.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SettingsStatus } from '../../../../electron/contract/settings-view';
import type { HeartbeatRequest } from '../../../../electron/services/heartbeat/heartbeat-post';
import { wallHeartbeat } from '../../../../electron/services/heartbeat/wall-heartbeat';
import {
  startWall,
  type HostServing,
  type StartedWall,
  type WallHost,
} from '../../../../electron/services/start-wall';
import type { KeyValueStore } from '../../../../electron/settings/settings-store';
import { settings } from './runner-fixture';

const KEY = 'k9f3-2b7c-one-stop-wall';
const dirs: string[] = [];
const walls: StartedWall<HostServing>[] = [];
afterEach(async () => {
  for (const wall of walls.splice(0)) await wall.close();
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const config = (heartbeat?: object) => ({
  schemaVersion: 2,
  sites: [{ id: 'huyen', name: 'Bộ phận Một cửa huyện' }],
  cameras: [],
  layout: { preset: '1x1', cameraIds: [] },
  // Round the clock: the beat's office-hours part must not depend on when the suite runs.
  schedule: { always: true },
  ...(heartbeat ? { heartbeat } : {}),
});

async function startWith(content: string) {
  const dir = mkdtempSync(join(tmpdir(), 'heartbeat-wiring-'));
  dirs.push(dir);
  const file = join(dir, 'wall.json');
  writeFileSync(file, content);
  const data = new Map<string, unknown>();
  const store: KeyValueStore = { get: (k) => data.get(k), set: (k, v) => void data.set(k, v) };
  const log: string[] = [];
  const host: WallHost<HostServing> = {
    log: (line) => log.push(line),
    config: { argument: file, environment: undefined, dataFolderFile: null },
    secretCodec: null,
    store: { open: () => store, file: join(dir, 'settings.json') },
    assetsDir: 'assets',
    allowedOrigins: () => ['app://wall'],
    appVersion: '9.8.7',
    serve: async () => ({ push: () => {}, close: async () => {} }),
  };
  const wall = await startWall(host);
  walls.push(wall);
  return { wall, log, dir, file };
}

describe('the heartbeat on a started wall', () => {
  it('starts from IT’s file; the key goes to the vault, the URL to the log without its query', async () => {
    const url = 'http://127.0.0.1:9/beat?key=query-value';
    const { log, dir } = await startWith(JSON.stringify(config({ url, secret: KEY })));
    expect(log).toContain(
      `heartbeat: every 5 min to http://127.0.0.1:9/beat?key=*** as "${hostname()}"`,
    );
    expect(log.join('\n')).not.toContain('query-value');
    const lastGood = readFileSync(join(dir, 'last-good-config.json'), 'utf8');
    expect(lastGood).toContain('vault:heartbeat/secret');
    expect(lastGood).not.toContain(KEY);
  });

  it('stays off without the field, and starts once a refused file is fixed', async () => {
    const { log, file } = await startWith('{ not json');
    expect(log.some((line) => line.startsWith('heartbeat:'))).toBe(false);
    writeFileSync(
      file,
      JSON.stringify(config({ url: 'https://it.example.vn/b', secret: KEY, wallName: 'P.CT' })),
    );
    await expect
      .poll(() => log.filter((line) => line.startsWith('heartbeat:')), { timeout: 15_000 })
      .toEqual(['heartbeat: every 5 min to https://it.example.vn/b as "P.CT"']);
  });

  it('puts repeated failures on the status line and takes them off once a beat gets through', async () => {
    const { wall } = await startWith(JSON.stringify(config()));
    const pushed: SettingsStatus[] = [];
    wall.service.onEvent((channel, payload) => {
      if (channel === 'settings:status') pushed.push(payload as SettingsStatus);
    });
    const timers: (() => void)[] = [];
    const posts: HeartbeatRequest[] = [];
    let answer = { ok: false, problem: 'HTTP 503' } as
      { ok: false; problem: string } | { ok: true; status: number };
    const heartbeat = wallHeartbeat({
      service: wall.service,
      appVersion: '9.8.7',
      log: () => {},
      post: async (request) => (posts.push(request), answer),
      timers: { set: (run) => timers.push(run), clear: () => {} },
    });
    heartbeat.setProvisioningSequence(() => 41);
    heartbeat.configure(settings());
    const fire = async () => {
      timers.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    };
    const ids = async () => {
      const status = (await wall.service.handle('settings:get-status', undefined)) as {
        value: SettingsStatus;
      };
      return status.value.notices.map((n) => n.id);
    };
    await fire();
    await fire();
    expect(await ids()).not.toContain('heartbeat-failing');
    await fire();
    expect(await ids()).toContain('heartbeat-failing');
    expect(pushed.at(-1)?.notices.map((n) => n.id)).toContain('heartbeat-failing');
    answer = { ok: true, status: 204 };
    await fire();
    expect(await ids()).not.toContain('heartbeat-failing');
    expect(pushed.at(-1)?.notices.map((n) => n.id)).not.toContain('heartbeat-failing');
    const body = JSON.parse(posts.at(-1)!.body);
    expect(body).toMatchObject({
      appVersion: '9.8.7',
      provisioningSequence: 41,
      healthRecord: true,
      officeHours: { showing: true },
    });
    expect(posts.at(-1)!.userAgent).toBe('One-Stop-Wall/9.8.7');
    heartbeat.close();
  });
});
