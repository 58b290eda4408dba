// Saving in the settings screens applies at once: the changed camera's session is replaced,
// every other camera keeps its session (and its viewers), and nothing needs a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STAFF_LOCKED_ERROR } from '../../../electron/contract/staff-status';
import { startSettings } from '../../../electron/services/start-settings';
import { WallService } from '../../../electron/services/wall-service';

let dir: string;
let service: WallService | null = null;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'settings-apply-'))));
afterEach(async () => {
  await service?.close();
  service = null;
  rmSync(dir, { recursive: true, force: true });
});

const sink = { send: () => {}, bufferedBytes: () => 0, close: () => {} };
const demoCamera = (id: string, clip: string) => ({
  id,
  siteId: 'xa-a',
  name: id,
  availability: 'installed',
  streams: { sub: { url: `demo:${clip}`, auth: { type: 'none' } } },
});

async function startService(): Promise<WallService> {
  const { control } = startSettings({
    configFile: null,
    dataDir: dir,
    pcCodec: null,
    log: () => {},
  });
  service = await WallService.start({
    settings: control.book.settings,
    configSource: control.book.source,
    settingsControl: control,
    memory: null,
    assetsDir: resolve(__dirname, '../../../assets'),
    allowedOrigins: () => ['app://wall'],
    log: () => {},
  });
  await service.handle('staff:set-pin', { pin: '2468' });
  return service;
}

describe('settings applied at once', () => {
  it('refuses the staff verbs while locked, but always answers the status line', async () => {
    const wall = await startService();
    await wall.handle('staff:lock', undefined);
    expect(await wall.handle('settings:get', undefined)).toEqual({
      ok: false,
      error: STAFF_LOCKED_ERROR,
    });
    expect(await wall.handle('settings:get-status', undefined)).toMatchObject({ ok: true });
  });

  it('reconnects only the camera whose settings changed', async () => {
    const wall = await startService();
    expect(await wall.handle('settings:save-centre', { name: 'Xã A' })).toMatchObject({
      ok: true,
      value: { saved: true },
    });
    await wall.handle('settings:save-camera', demoCamera('cam-a', 'clip-1'));
    const added = await wall.handle('settings:save-camera', demoCamera('cam-b', 'clip-2'));
    expect(added).toMatchObject({ ok: true, value: { saved: true, reconnected: [] } });
    expect(wall.snapshot().cameras.map((c) => c.id)).toEqual(['cam-a', 'cam-b']);
    expect(wall.snapshot().configSource).toBe('store');

    // Staff's own settings (no IT file, no demo) run on the default office hours: look outside
    // them, so the cameras play whenever the suite runs (inside hours this changes nothing).
    await wall.handle('hours:show-outside', { show: true });
    wall.broker.attach('cam-a', 'sub', sink);
    wall.broker.attach('cam-b', 'sub', sink);
    const before = {
      a: wall.broker.session('cam-a', 'sub'),
      b: wall.broker.session('cam-b', 'sub'),
    };
    expect(before.a && before.b).toBeTruthy();

    const edited = await wall.handle('settings:save-camera', {
      ...demoCamera('cam-b', 'clip-3'),
      id: 'cam-b',
    });
    expect(edited).toMatchObject({ ok: true, value: { saved: true, reconnected: ['cam-b'] } });
    expect(wall.broker.session('cam-a', 'sub')).toBe(before.a);
    expect(wall.broker.session('cam-b', 'sub')).toBeUndefined();
    // The tile's next connection takes the new URL, without a restart.
    wall.broker.attach('cam-b', 'sub', sink);
    expect(wall.broker.session('cam-b', 'sub')).not.toBe(before.b);
  });

  it('answers a refused save with field errors and changes nothing on the wall', async () => {
    const wall = await startService();
    const refused = await wall.handle('settings:save-camera', {
      ...demoCamera('cam-x', 'clip-1'),
      siteId: 'nowhere',
    });
    expect(refused).toMatchObject({
      ok: true,
      value: { saved: false, errors: [{ field: 'siteId', code: 'unknown-site' }] },
    });
    expect(wall.snapshot().configSource).toBe('demo');
  });

  it('names a centre that is too long or misordered in words of its own, both languages', async () => {
    const wall = await startService();
    const refused = await wall.handle('settings:save-centre', {
      name: 'X'.repeat(201),
      order: 'first',
    });
    expect(refused).toMatchObject({
      ok: true,
      value: {
        saved: false,
        errors: [
          { field: 'name', code: 'too-long', message: { vi: 'Tối đa 200 ký tự.' } },
          {
            field: 'order',
            code: 'invalid-order',
            message: { en: 'must be a whole number, 0 or more' },
          },
        ],
      },
    });
  });

  it('pushes the status line on a change, and Test refuses what the schema refuses', async () => {
    const wall = await startService();
    const pushed: string[] = [];
    wall.onEvent((channel) => pushed.push(channel));
    await wall.handle('settings:save-centre', { name: 'Xã A' });
    expect(pushed).toEqual(expect.arrayContaining(['wall:snapshot', 'settings:status']));
    const invalid = await wall.handle('settings:test-camera', {
      quality: 'sub',
      endpoint: {
        url: 'ftp://cam/1',
        auth: { type: 'password', username: 'u', password: { keep: true } },
      },
    });
    expect(invalid).toMatchObject({
      ok: true,
      value: {
        ok: false,
        state: 'invalid',
        errors: [{ field: 'endpoint.auth.password', code: 'secret-missing' }],
      },
    });
    const badUrl = await wall.handle('settings:test-camera', {
      quality: 'sub',
      endpoint: { url: 'ftp://cam/1', auth: { type: 'none' } },
    });
    expect(badUrl).toMatchObject({
      ok: true,
      value: {
        ok: false,
        state: 'invalid',
        errors: [{ field: 'endpoint.url', code: 'unsupported-url' }],
      },
    });
  });
});
