import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STAFF_LOCKED_ERROR } from '../../../electron/contract/staff-status';
import { WallService } from '../../../electron/services/wall-service';
import { demoSettings } from '../../../electron/settings/demo-config';
import { SettingsMemory, type KeyValueStore } from '../../../electron/settings/settings-store';

function memoryWith(remembered: unknown): SettingsMemory {
  const data = new Map<string, unknown>([['remembered', { demo: remembered }]]);
  const store: KeyValueStore = { get: (k) => data.get(k), set: (k, v) => void data.set(k, v) };
  return new SettingsMemory(store, 'demo');
}

let service: WallService | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
});

async function start(memory: SettingsMemory | null): Promise<WallService> {
  service = await WallService.start({
    settings: demoSettings(),
    configSource: 'demo',
    memory,
    assetsDir: '/nonexistent',
    allowedOrigins: () => ['app://wall'],
    log: () => {},
  });
  return service;
}

const LOCKED = { ok: false, error: STAFF_LOCKED_ERROR };
const oneByOne = {
  id: 'one',
  name: 'Huyện',
  template: '1',
  grid: { columns: 1, rows: 1, tiles: [{ col: 0, row: 0, colSpan: 1, rowSpan: 1 }] },
  cameras: ['huyen-quay-1'],
};

describe('WallService', () => {
  it('migrates a remembered preset layout into a named layout on display 0', async () => {
    const memory = memoryWith({
      locale: 'en',
      layout: { preset: '1x1', cameraIds: ['cao-an-quay-1'] },
    });
    const wall = await start(memory);
    const snapshot = wall.snapshot();
    expect(snapshot.locale).toBe('en');
    expect(snapshot.layouts).toEqual([
      expect.objectContaining({ id: 'remembered', template: '1', cameras: ['cao-an-quay-1'] }),
    ]);
    expect(snapshot.displays['display-0']).toEqual({
      index: 0,
      layoutId: 'remembered',
      tour: null,
    });
    // Written back in the new form.
    expect(memory.read().layouts).toHaveLength(1);
  });

  it('keeps a migrated layout naming a removed camera (its cell says so calmly)', async () => {
    const wall = await start(
      memoryWith({ layout: { preset: '2x2', cameraIds: ['removed-camera', null] } }),
    );
    expect(wall.snapshot().layouts[0]!.cameras).toEqual(['removed-camera', null]);
  });

  it('offers "All centres" on the configured preset when nothing is remembered', async () => {
    const wall = await start(memoryWith({ locale: 'fr', layout: { preset: '7x7' } }));
    expect(wall.snapshot()).toMatchObject({ locale: 'vi', displays: {} });
    expect(wall.snapshot().layouts).toEqual([
      expect.objectContaining({ id: 'all', template: '5x4', cameras: 'all' }),
    ]);
  });

  it('answers a bad request with an error result, not an exception', async () => {
    const wall = await start(null);
    await wall.handle('staff:set-pin', { pin: '2468' });
    await expect(wall.handle('layouts:save', { id: 'toString' })).resolves.toMatchObject({
      ok: false,
    });
    await expect(wall.handle('nope', null)).resolves.toEqual({
      ok: false,
      error: 'Unknown request "nope".',
    });
    await expect(wall.handle({}, null)).resolves.toMatchObject({ ok: false });
  });

  it('refuses staff verbs while locked, and allows them after the PIN', async () => {
    const memory = memoryWith({});
    const wall = await start(memory);
    const pushed: string[] = [];
    wall.onEvent((channel) => void (channel !== 'streams:status' && pushed.push(channel)));
    await expect(wall.handle('layouts:save', oneByOne)).resolves.toEqual(LOCKED);
    const choice = { displayId: 'display-1', choice: { index: 1, layoutId: 'one', tour: null } };
    await expect(wall.handle('displays:choose', choice)).resolves.toEqual(LOCKED);
    await expect(wall.handle('wall:quit', undefined)).resolves.toEqual(LOCKED);

    await expect(wall.handle('staff:set-pin', { pin: '12' })).resolves.toMatchObject({ ok: false });
    await expect(wall.handle('staff:set-pin', { pin: '2468' })).resolves.toMatchObject({
      ok: true,
      value: { pinSet: true },
    });
    await expect(wall.handle('layouts:save', oneByOne)).resolves.toMatchObject({ ok: true });
    await expect(wall.handle('displays:choose', choice)).resolves.toMatchObject({ ok: true });
    expect(memory.read().displays?.['display-1']?.layoutId).toBe('one');
    expect(memory.read().layouts?.map((l) => l.id)).toEqual(['all', 'one']);
    expect(memory.readStaff().pinHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(memory.readStaff())).not.toContain('2468');
    // Every PIN answer, refused or not, tells all windows the lock's state.
    expect(pushed).toEqual(['staff:changed', 'staff:changed', 'wall:snapshot', 'wall:snapshot']);

    await wall.handle('staff:lock', undefined);
    await expect(wall.handle('layouts:delete', { id: 'one' })).resolves.toEqual(LOCKED);
    await expect(wall.handle('staff:unlock', { pin: '1111' })).resolves.toMatchObject({
      ok: false,
    });
    // Slowed down: even the right PIN waits out the second.
    await expect(wall.handle('staff:unlock', { pin: '2468' })).resolves.toMatchObject({
      ok: false,
      error: expect.stringMatching(/wait/),
    });
  });

  it('refuses a display choice naming a layout that does not exist', async () => {
    const wall = await start(null);
    await wall.handle('staff:set-pin', { pin: '2468' });
    const result = await wall.handle('displays:choose', {
      displayId: 'display-0',
      choice: { index: 0, layoutId: 'ghost', tour: null },
    });
    expect(result).toEqual({ ok: false, error: 'There is no layout "ghost".' });
  });

  it('forgets the PIN with --reset-pin', async () => {
    const memory = memoryWith({});
    memory.writeStaff({ pinHash: 'scrypt$1$1$1$a$b', failures: 3, retryAt: 1 });
    service = await WallService.start({
      settings: demoSettings(),
      configSource: 'demo',
      memory,
      assetsDir: '/nonexistent',
      allowedOrigins: () => ['app://wall'],
      log: () => {},
      resetPin: true,
    });
    expect(service.staff.status()).toMatchObject({ pinSet: false, failures: 0 });
  });

  it('counts availability against office hours applied on the running wall', async () => {
    service = await WallService.start({
      settings: { ...demoSettings(), schedule: { timeZone: 'Asia/Ho_Chi_Minh' } },
      configSource: 'file',
      memory: null,
      assetsDir: '/nonexistent',
      allowedOrigins: () => ['app://wall'],
      log: () => {},
      healthDir: mkdtempSync(join(tmpdir(), 'wall-health-')),
    });
    expect(service.health?.summary().timeZone).toBe('Asia/Ho_Chi_Minh');
    const settings = { ...demoSettings(), schedule: { always: true, timeZone: 'Asia/Tokyo' } };
    service.applySettings(settings, []);
    // The controller's schedule object itself: parsed once for both the wall and its figures.
    expect(service.health?.summary().timeZone).toBe('Asia/Tokyo');
    expect(service.hours.current()).toMatchObject({ timeZone: 'Asia/Tokyo', inHours: true });
  });
});

describe('WallService start-up', () => {
  it('opens the sub upstream of every installed camera before any tile asks, on the wall or not', async () => {
    service = await WallService.start({
      settings: {
        ...demoSettings(),
        layout: { preset: '2x2', cameraIds: ['huyen-quay-1', 'cam-vu-quay-1', null, null] },
      },
      configSource: 'demo',
      memory: null,
      assetsDir: 'assets',
      allowedOrigins: () => ['app://wall'],
      log: () => {},
    });
    expect(service.broker.session('huyen-quay-1', 'sub')?.connections).toBe(1);
    // Off the wall but installed: watched all the same, so its centre has a real status.
    expect(service.broker.session('cao-an-quay-1', 'sub')?.connections).toBe(1);
    const installed = demoSettings().cameras.filter((c) => c.availability === 'installed');
    expect(service.watch.holding()).toHaveLength(installed.length);
    // Not installed: no connection, and no main stream until a tile is maximised.
    expect(service.broker.session('cam-vu-quay-1', 'sub')).toBeUndefined();
    expect(service.broker.session('huyen-quay-1', 'main')).toBeUndefined();
  });
});
