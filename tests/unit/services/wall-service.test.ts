import { afterEach, describe, expect, it } from 'vitest';
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

describe('WallService', () => {
  it('applies a remembered layout and language', async () => {
    const wall = await start(
      memoryWith({ locale: 'en', layout: { preset: '1x1', cameraIds: ['cao-an-quay-1'] } }),
    );
    expect(wall.snapshot()).toMatchObject({
      locale: 'en',
      layout: { preset: '1x1', cameraIds: ['cao-an-quay-1'] },
    });
  });

  it('ignores a remembered layout that names cameras the configuration no longer has', async () => {
    const wall = await start(
      memoryWith({ layout: { preset: '2x2', cameraIds: ['removed-camera', null] } }),
    );
    expect(wall.snapshot().layout).toEqual(demoSettings().layout);
  });

  it('ignores a remembered layout or language of the wrong shape', async () => {
    const wall = await start(memoryWith({ locale: 'fr', layout: { preset: '7x7' } }));
    expect(wall.snapshot()).toMatchObject({ locale: 'vi', layout: demoSettings().layout });
  });

  it('answers a bad request with an error result, not an exception', async () => {
    const wall = await start(null);
    await expect(wall.handle('wall:set-layout', { preset: 'toString' })).resolves.toMatchObject({
      ok: false,
    });
    await expect(wall.handle('nope', null)).resolves.toEqual({
      ok: false,
      error: 'Unknown request "nope".',
    });
    await expect(wall.handle({}, null)).resolves.toMatchObject({ ok: false });
  });

  it('remembers a new layout and pushes the new snapshot', async () => {
    const memory = memoryWith({});
    const wall = await start(memory);
    const pushed: unknown[] = [];
    wall.onEvent((channel, payload) => pushed.push([channel, payload]));
    const result = await wall.handle('wall:set-layout', {
      preset: '1x1',
      cameraIds: ['huyen-quay-1'],
    });
    expect(result).toMatchObject({ ok: true, value: { layout: { preset: '1x1' } } });
    expect(memory.read().layout).toEqual({ preset: '1x1', cameraIds: ['huyen-quay-1'] });
    expect(pushed).toHaveLength(1);
  });
});

describe('WallService start-up', () => {
  it('opens the upstreams of the cameras on the wall before any tile asks, and only those', async () => {
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
    // Not on the wall, or not installed: no connection.
    expect(service.broker.session('cao-an-quay-1', 'sub')).toBeUndefined();
    expect(service.broker.session('cam-vu-quay-1', 'sub')).toBeUndefined();
  });
});
