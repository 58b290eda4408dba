// The background watch against real sources: the embedded demo clips (real H.264 FLV read and
// paced by the demo source) and an RTSP camera on a port where nothing listens (a real refused
// connection). No tile is attached anywhere: the watch alone makes every installed camera's
// status real, and lets go when a camera is removed or disabled, on pause and on close.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { streamKey } from '../../../electron/contract/stream-path';
import type { StreamStatus } from '../../../electron/contract/wall-contract';
import { BackgroundWatch } from '../../../electron/services/background-watch';
import { WallService } from '../../../electron/services/wall-service';
import { ROUND_THE_CLOCK } from '../../../electron/settings/schedule-field';
import {
  SETTINGS_SCHEMA_VERSION,
  type WallSettings,
} from '../../../electron/settings/settings-model';
import { parseSettings } from '../../../electron/settings/validate-settings';
import { StreamBroker } from '../../../electron/streams/core/stream-broker';
import { createStreamResolver } from '../../../electron/streams/stream-resolver';
import { tempDir } from '../health/log/helpers';

const REFUSED = 'rtsp://127.0.0.1:9/Streaming/Channels/102';
const LINGER_MS = 50;

function settingsWith(cameras: { id: string; url: string; availability?: string }[]): WallSettings {
  const parsed = parseSettings({
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    locale: 'vi',
    sites: cameras.map(({ id }) => ({ id, name: `Xã ${id}` })),
    cameras: cameras.map(({ id, url, availability }) => ({
      id,
      siteId: id,
      name: 'Quầy',
      ...(availability ? { availability } : {}),
      streams: { sub: { url } },
    })),
    layout: { preset: '1x1', cameraIds: [null] },
    // The watch runs whenever the wall shows, so at any hour the test runs.
    schedule: ROUND_THE_CLOCK,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.settings;
}

const DEMO = settingsWith([
  { id: 'cao-an', url: 'demo:clip-1' },
  { id: 'cam-doai', url: 'demo:clip-2?offset=3' },
  { id: 'cam-vu', url: 'demo:none', availability: 'not-installed' },
  { id: 'cam-phuc', url: 'demo:clip-3', availability: 'disabled' },
]);

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function demoBroker() {
  const statuses = new Map<string, StreamStatus>();
  const broker = new StreamBroker({
    resolve: createStreamResolver(DEMO, { assetsDir: 'assets', log: () => {} }),
    onStatus: (status) => statuses.set(streamKey(status.cameraId, status.quality), status),
    log: () => {},
    timings: { lingerMs: LINGER_MS },
  });
  const watch = new BackgroundWatch({ broker, log: () => {}, reattachMs: 20 });
  cleanups.push(
    () => broker.close(),
    () => watch.close(),
  );
  const state = (id: string) => statuses.get(streamKey(id, 'sub'))?.state;
  const viewers = (id: string) => broker.session(id, 'sub')?.viewerCount ?? 0;
  return { broker, watch, state, viewers };
}

describe('BackgroundWatch', () => {
  it('holds the sub session of every installed camera, and real video makes it live', async () => {
    const { broker, watch, state, viewers } = demoBroker();
    watch.watch(DEMO.cameras);
    expect(watch.holding().sort()).toEqual(['cam-doai', 'cao-an']);
    // Not installed and disabled cameras have no session at all: they are not "without picture".
    expect(
      broker
        .statuses()
        .map((s) => `${s.cameraId}/${s.quality}`)
        .sort(),
    ).toEqual(['cam-doai/sub', 'cao-an/sub']);
    await vi.waitFor(() => expect([state('cao-an'), state('cam-doai')]).toEqual(['live', 'live']), {
      timeout: 15_000,
      interval: 50,
    });
    // One viewer each, and calling watch() again with the same cameras adds none.
    watch.watch(DEMO.cameras);
    expect([viewers('cao-an'), viewers('cam-doai')]).toEqual([1, 1]);
    expect(broker.totalConnections).toBe(2);
  });

  it('has nothing encoded for its viewers: the video reaches the session, not the watch', async () => {
    const { broker, state } = demoBroker();
    let sent = 0;
    // The broker as the watch sees it, counting what the sessions send the watch's viewers.
    const counting: Pick<StreamBroker, 'attach'> = {
      attach: (id, quality, sink) =>
        broker.attach(id, quality, { ...sink, send: (bytes) => (sent += bytes.length) }),
    };
    const watch = new BackgroundWatch({ broker: counting, log: () => {} });
    cleanups.push(() => watch.close());
    watch.watch(DEMO.cameras);
    await vi.waitFor(() => expect(state('cao-an')).toBe('live'), { timeout: 15_000, interval: 50 });
    expect(sent).toBe(0);
  });

  it('lets go of a camera removed or disabled, and its session goes idle', async () => {
    const { watch, state, viewers } = demoBroker();
    watch.watch(DEMO.cameras);
    await vi.waitFor(() => expect(state('cao-an')).toBe('live'), { timeout: 15_000 });
    const disabled = DEMO.cameras.map((c) =>
      c.id === 'cao-an' ? { ...c, availability: 'disabled' as const } : c,
    );
    watch.watch(disabled);
    expect(watch.holding()).toEqual(['cam-doai']);
    expect(viewers('cao-an')).toBe(0);
    await vi.waitFor(() => expect(state('cao-an')).toBe('idle'), { timeout: 5_000 });

    watch.watch(DEMO.cameras.filter((c) => c.id !== 'cam-doai'));
    expect(watch.holding()).toEqual(['cao-an']);
    expect(viewers('cam-doai')).toBe(0);
    expect(viewers('cao-an')).toBe(1);
  });

  it('pauses (every session let go, the list kept) and resumes', async () => {
    const { watch, state, viewers } = demoBroker();
    watch.watch(DEMO.cameras);
    watch.pause();
    expect(watch.isPaused).toBe(true);
    expect(watch.holding()).toEqual([]);
    expect([viewers('cao-an'), viewers('cam-doai')]).toEqual([0, 0]);
    await vi.waitFor(() => expect([state('cao-an'), state('cam-doai')]).toEqual(['idle', 'idle']), {
      timeout: 5_000,
    });
    // A configuration change while paused is remembered, not acted on.
    watch.watch(DEMO.cameras.filter((c) => c.id !== 'cam-doai'));
    expect(viewers('cao-an')).toBe(0);
    watch.resume();
    expect(watch.holding()).toEqual(['cao-an']);
    expect([viewers('cao-an'), viewers('cam-doai')]).toEqual([1, 0]);
    await vi.waitFor(() => expect(state('cao-an')).toBe('live'), { timeout: 15_000 });
  });

  it('watches the new session when the broker drops one, and nothing after close', async () => {
    const { broker, watch, viewers } = demoBroker();
    watch.watch(DEMO.cameras);
    const before = broker.session('cao-an', 'sub');
    broker.invalidate((id) => id === 'cao-an');
    expect(broker.session('cao-an', 'sub')).toBeUndefined();
    await vi.waitFor(() => expect(viewers('cao-an')).toBe(1), { timeout: 5_000, interval: 10 });
    expect(broker.session('cao-an', 'sub')).not.toBe(before);

    watch.close();
    expect(watch.holding()).toEqual([]);
    expect([viewers('cao-an'), viewers('cam-doai')]).toEqual([0, 0]);
    watch.watch(DEMO.cameras);
    watch.resume();
    expect(watch.holding()).toEqual([]);
  });
});

describe('the wall service with its background watch', () => {
  it('records a real outage of a camera no tile shows, instead of "unwatched"', async () => {
    const settings = settingsWith([
      { id: 'cong', url: REFUSED },
      { id: 'cao-an', url: 'demo:clip-1' },
    ]);
    const pushed: StreamStatus[] = [];
    const wall = await WallService.start({
      settings,
      configSource: 'file',
      memory: null,
      assetsDir: 'assets',
      allowedOrigins: () => [],
      log: () => {},
      healthDir: tempDir(),
      timings: { lingerMs: LINGER_MS },
    });
    cleanups.push(() => wall.close());
    wall.onEvent((channel, payload) => {
      if (channel === 'streams:status') pushed.push(payload as StreamStatus);
    });
    const cameraState = (id: string) =>
      wall
        .health!.summary()
        .sites.flatMap((s) => s.cameras)
        .find((c) => c.cameraId === id);
    await vi.waitFor(
      () => {
        expect(cameraState('cong')).toMatchObject({
          state: 'unreachable',
          reason: 'connection-refused',
        });
        expect(cameraState('cao-an')).toMatchObject({ state: 'live' });
      },
      { timeout: 15_000, interval: 50 },
    );
    // The renderer hears it too: the banner counts the centre whether or not it is on screen.
    expect(pushed.some((s) => s.cameraId === 'cong' && s.state === 'unreachable')).toBe(true);

    wall.watch.pause();
    await vi.waitFor(() => expect(cameraState('cong')).toMatchObject({ state: 'unwatched' }), {
      timeout: 15_000,
    });
  });
});
