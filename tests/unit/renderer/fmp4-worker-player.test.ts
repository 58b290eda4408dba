// The page's side of the worker-fed fragmented-MP4 players against a fake Worker: each player
// opens a feed by number, attaches the MediaSource handle the worker sends, hears the feed's
// events as mpegts.js's players emit them, carries out its seeks, reports where every <video>
// plays four times a second in one message, and closes its feed on teardown. A worker that
// fails turns every player it served into an error (their tiles make new players) and the next
// players feed in the page. The worker itself runs in the browser end-to-end tests.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker, ToWorker } from '../../../renderer/src/player/fmp4-worker-protocol';

class FakeWorker {
  static made: FakeWorker[] = [];
  posted: ToWorker[] = [];
  onmessage: ((event: { data: FromWorker }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  constructor(readonly url: URL) {
    FakeWorker.made.push(this);
  }
  postMessage(message: ToWorker) {
    this.posted.push(message);
  }
  say(message: FromWorker) {
    this.onmessage?.({ data: message });
  }
}

const fakeVideo = () => ({
  srcObject: null as unknown,
  currentTime: 3,
  paused: false,
  playbackRate: 1.2,
  loads: 0,
  load() {
    this.loads += 1;
  },
});

async function freshModule() {
  vi.resetModules();
  return import('../../../renderer/src/player/fmp4-worker-player');
}

beforeEach(() => {
  FakeWorker.made = [];
  vi.useFakeTimers();
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('MediaSource', { canConstructInDedicatedWorker: true });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a worker-fed fragmented-MP4 player', () => {
  it('opens its feed, attaches the handle, and hears the feed as an mpegts.js player would', async () => {
    const { Fmp4WorkerPlayer, workerFeedsAvailable } = await freshModule();
    expect(workerFeedsAvailable()).toBe(true);
    const dataErrors: unknown[] = [];
    const player = new Fmp4WorkerPlayer('ws://gw/s/live/cam/sub.flv', {
      onDataError: (e) => dataErrors.push(e),
    });
    const heard: unknown[][] = [];
    for (const name of ['media_info', 'script_data', 'error']) {
      player.on(name, (...args) => heard.push([name, ...args]));
    }
    const video = fakeVideo();
    player.attachMediaElement(video as unknown as HTMLMediaElement);
    player.load();
    player.load(); // once only
    const [worker] = FakeWorker.made;
    expect(FakeWorker.made).toHaveLength(1);
    expect(worker!.posted).toEqual([{ kind: 'open', id: 1, url: 'ws://gw/s/live/cam/sub.flv' }]);

    const handle = { kind: 'handle' };
    worker!.say({ kind: 'handle', id: 1, handle: handle as unknown as MediaSourceHandle });
    expect(video.srcObject).toBe(handle);
    const info = { videoCodec: 'avc1.42c01e', width: 640, height: 360 };
    worker!.say({ kind: 'media-info', id: 1, info });
    worker!.say({ kind: 'mark', id: 1, data: { onWallClock: { t: 0, at: 5 } }, leadS: 0.04 });
    worker!.say({ kind: 'seek', id: 1, to: 9.5 });
    worker!.say({ kind: 'error', id: 1, type: 'NetworkError', detail: 'closed' });
    worker!.say({ kind: 'data-error', id: 1, message: 'RangeError' });
    worker!.say({ kind: 'media-info', id: 99, info }); // another player's: not ours
    expect(heard).toEqual([
      ['media_info', info],
      ['script_data', { onWallClock: { t: 0, at: 5 } }],
      ['error', 'NetworkError', 'closed'],
    ]);
    expect(player.liveEdgeLead()).toBe(0.04);
    expect(video.currentTime).toBe(9.5);
    expect(dataErrors).toHaveLength(1);

    // Teardown: the feed is closed, the handle let go of, and nothing is heard after.
    player.unload();
    player.detachMediaElement();
    player.destroy();
    expect(worker!.posted.at(-1)).toEqual({ kind: 'close', id: 1 });
    expect(video.srcObject).toBeNull();
    expect(video.loads).toBe(1);
    worker!.say({ kind: 'media-info', id: 1, info });
    expect(heard).toHaveLength(3);
  });

  it('reports every playing <video> in one message four times a second, and stops when none is left', async () => {
    const { Fmp4WorkerPlayer } = await freshModule();
    const players = [1, 2].map(() => new Fmp4WorkerPlayer('ws://gw/a.flv', { onDataError() {} }));
    for (const player of players) {
      player.attachMediaElement(fakeVideo() as unknown as HTMLMediaElement);
      player.load();
    }
    const worker = FakeWorker.made[0]!;
    vi.advanceTimersByTime(250);
    const report = worker.posted.at(-1);
    expect(report).toMatchObject({ kind: 'playheads' });
    const list = (report as Extract<ToWorker, { kind: 'playheads' }>).list;
    expect(list.map((p) => [p.id, p.currentTime, p.paused, p.playbackRate])).toEqual([
      [1, 3, false, 1.2],
      [2, 3, false, 1.2],
    ]);
    for (const player of players) player.destroy();
    const count = worker.posted.length;
    vi.advanceTimersByTime(1_000);
    expect(worker.posted).toHaveLength(count);
  });

  it('a failed worker fails the players it served, and the next players feed in the page', async () => {
    const { Fmp4WorkerPlayer, workerFeedsAvailable } = await freshModule();
    const player = new Fmp4WorkerPlayer('ws://gw/a.flv', { onDataError() {} });
    const errors: unknown[][] = [];
    player.on('error', (...args) => errors.push(args));
    player.attachMediaElement(fakeVideo() as unknown as HTMLMediaElement);
    player.load();
    FakeWorker.made[0]!.onerror?.({ message: 'SyntaxError' });
    expect(errors).toEqual([['NetworkError', 'the stream worker failed']]);
    expect(workerFeedsAvailable()).toBe(false);
  });

  it('is not offered where MediaSource cannot live in a worker', async () => {
    vi.stubGlobal('MediaSource', { canConstructInDedicatedWorker: false });
    const { workerFeedsAvailable } = await freshModule();
    expect(workerFeedsAvailable()).toBe(false);
  });
});
