// Staff verbs the service decides itself: quitting (refused while locked, and where the host
// cannot quit) and deleting a layout (a display's tour forgets it; the last layout stays).
import { afterEach, describe, expect, it } from 'vitest';
import { STAFF_LOCKED_ERROR } from '../../../electron/contract/staff-status';
import { WallService } from '../../../electron/services/wall-service';
import { demoSettings } from '../../../electron/settings/demo-config';
import { SettingsMemory, type KeyValueStore } from '../../../electron/settings/settings-store';

let service: WallService | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
});

function memory(): SettingsMemory {
  const data = new Map<string, unknown>();
  const store: KeyValueStore = { get: (k) => data.get(k), set: (k, v) => void data.set(k, v) };
  return new SettingsMemory(store, 'demo');
}

async function start(options: { quit?: () => void; log?: string[] } = {}): Promise<WallService> {
  service = await WallService.start({
    settings: demoSettings(),
    configSource: 'demo',
    memory: memory(),
    assetsDir: '/nonexistent',
    allowedOrigins: () => ['app://wall'],
    log: (line) => options.log?.push(line),
    ...(options.quit ? { quit: options.quit } : {}),
  });
  return service;
}

const layout = (id: string) => ({
  id,
  name: id,
  template: '2x2',
  grid: { columns: 1, rows: 1, tiles: [] },
  cameras: 'all',
});

describe('quitting', () => {
  it('is refused while locked, then quits once unlocked, and says so in the log', async () => {
    let quits = 0;
    const log: string[] = [];
    const wall = await start({ quit: () => quits++, log });
    await expect(wall.handle('wall:quit', undefined)).resolves.toEqual({
      ok: false,
      error: STAFF_LOCKED_ERROR,
    });
    await wall.handle('staff:set-pin', { pin: '2468' });
    await wall.handle('staff:lock', undefined);
    await expect(wall.handle('wall:quit', undefined)).resolves.toMatchObject({ ok: false });
    expect(quits).toBe(0);
    await wall.handle('staff:unlock', { pin: '2468' });
    await expect(wall.handle('wall:quit', undefined)).resolves.toEqual({ ok: true, value: true });
    expect(quits).toBe(1);
    expect(log).toContain('wall: quit by staff');
  });

  it('says so where the host cannot quit', async () => {
    const wall = await start();
    await wall.handle('staff:set-pin', { pin: '2468' });
    await expect(wall.handle('wall:quit', undefined)).resolves.toEqual({
      ok: false,
      error: 'This host cannot quit.',
    });
  });
});

describe('deleting a layout', () => {
  it('drops it from every tour, ends a tour of it alone, and keeps the last layout', async () => {
    const wall = await start();
    await wall.handle('staff:set-pin', { pin: '2468' });
    for (const id of ['a', 'b']) await wall.handle('layouts:save', layout(id));
    const choose = (displayId: string, layoutId: string, layoutIds: string[]) =>
      wall.handle('displays:choose', {
        displayId,
        choice: { index: 0, layoutId, tour: { seconds: 15, layoutIds } },
      });
    await choose('display-0', 'a', ['a', 'b']);
    await choose('display-1', 'b', ['b']);
    await choose('display-2', 'all', []);

    const deleted = await wall.handle('layouts:delete', { id: 'b' });
    expect(deleted).toMatchObject({ ok: true });
    const { displays, layouts } = wall.snapshot();
    expect(layouts.map((l) => l.id)).toEqual(['all', 'a']);
    expect(displays['display-0']?.tour).toEqual({ seconds: 15, layoutIds: ['a'] });
    expect(displays['display-1']?.tour).toBeNull();
    expect(displays['display-2']?.tour).toEqual({ seconds: 15, layoutIds: [] });

    await expect(wall.handle('layouts:delete', { id: 'ghost' })).resolves.toMatchObject({
      ok: false,
    });
    await wall.handle('layouts:delete', { id: 'a' });
    await expect(wall.handle('layouts:delete', { id: 'all' })).resolves.toEqual({
      ok: false,
      error: 'The last layout stays.',
    });
  });
});
