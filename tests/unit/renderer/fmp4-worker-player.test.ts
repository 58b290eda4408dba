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
  terminated = false;
  postMessage(message: ToWorker) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
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
    // It claims the worker's first spare source without waiting for it to be in the page.
    expect(worker!.posted).toEqual([
      { kind: 'open', id: 1, url: 'ws://gw/s/live/cam/sub.flv', spare: 1 },
    ]);

    const handle = { kind: 'handle' };
    worker!.say({
      kind: 'spares',
      sources: [{ spare: 1, handle: handle as unknown as MediaSourceHandle }],
    });
    expect(video.srcObject).toBe(handle);
    // A handle the worker sends for the feed itself (a source of its own) replaces it.
    const own = { kind: 'own' };
    worker!.say({ kind: 'handle', id: 1, handle: own as unknown as MediaSourceHandle });
    expect(video.srcObject).toBe(own);
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
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    expect(workerFeedsAvailable()).toBe(false);
  });

  it('is not offered where MediaSource cannot live in a worker', async () => {
    vi.stubGlobal('MediaSource', { canConstructInDedicatedWorker: false });
    const { workerFeedsAvailable } = await freshModule();
    expect(workerFeedsAvailable()).toBe(false);
  });
});

const handle = (name: string) => ({ name }) as unknown as MediaSourceHandle;

describe('spare sources', () => {
  it('a spare already in the page goes to the <video> within load(), in claim order', async () => {
    const { Fmp4WorkerPlayer, startFeedWorker } = await freshModule();
    startFeedWorker();
    const worker = FakeWorker.made[0]!;
    worker.say({
      kind: 'spares',
      sources: [
        { spare: 1, handle: handle('one') },
        { spare: 2, handle: handle('two') },
      ],
    });
    const videos = [fakeVideo(), fakeVideo(), fakeVideo()];
    for (const video of videos) {
      const player = new Fmp4WorkerPlayer('ws://gw/a.flv', { onDataError() {} });
      player.attachMediaElement(video as unknown as HTMLMediaElement);
      player.load();
    }
    expect(videos.map((v) => v.srcObject)).toEqual([handle('one'), handle('two'), null]);
    expect(worker.posted.map((m) => (m.kind === 'open' ? m.spare : null))).toEqual([1, 2, 3]);
    worker.say({ kind: 'spares', sources: [{ spare: 3, handle: handle('three') }] });
    expect(videos[2]!.srcObject).toEqual(handle('three'));
  });

  it('a player closed before its spare came leaves it unused; the next player takes the next', async () => {
    const { Fmp4WorkerPlayer } = await freshModule();
    const first = new Fmp4WorkerPlayer('ws://gw/a.flv', { onDataError() {} });
    const firstVideo = fakeVideo();
    first.attachMediaElement(firstVideo as unknown as HTMLMediaElement);
    first.load();
    first.destroy();
    const worker = FakeWorker.made[0]!;
    worker.say({
      kind: 'spares',
      sources: [
        { spare: 1, handle: handle('one') },
        { spare: 2, handle: handle('two') },
      ],
    });
    expect(firstVideo.srcObject).toBeNull();
    const second = new Fmp4WorkerPlayer('ws://gw/b.flv', { onDataError() {} });
    const secondVideo = fakeVideo();
    second.attachMediaElement(secondVideo as unknown as HTMLMediaElement);
    second.load();
    expect(secondVideo.srcObject).toEqual(handle('two'));
  });
});

describe('the worker the page head started (early-start.js)', () => {
  class EarlyWorker extends FakeWorker {}

  it('is taken over with the spares it sent; no second worker starts', async () => {
    const early = new EarlyWorker(new URL('http://wall/assets/fmp4-worker-x.js'));
    FakeWorker.made = [];
    vi.stubGlobal('__earlyFeedWorker', {
      worker: early,
      received: [{ kind: 'spares', sources: [{ spare: 1, handle: handle('early') }] }],
      failed: null,
    });
    const { Fmp4WorkerPlayer, startFeedWorker } = await freshModule();
    startFeedWorker();
    const player = new Fmp4WorkerPlayer('ws://gw/a.flv', { onDataError() {} });
    const video = fakeVideo();
    player.attachMediaElement(video as unknown as HTMLMediaElement);
    player.load();
    expect(FakeWorker.made).toEqual([]);
    expect(video.srcObject).toEqual(handle('early'));
    expect(early.posted).toEqual([{ kind: 'open', id: 1, url: 'ws://gw/a.flv', spare: 1 }]);
    expect((globalThis as Record<string, unknown>).__earlyFeedWorker).toBeUndefined();
  });

  it('that failed to start: it is ended, and the page feeds its tiles itself', async () => {
    const early = new EarlyWorker(new URL('http://wall/w.js'));
    vi.stubGlobal('__earlyFeedWorker', { worker: early, received: [], failed: 'SyntaxError' });
    const { startFeedWorker, workerFeedsAvailable } = await freshModule();
    startFeedWorker();
    expect(workerFeedsAvailable()).toBe(false);
    expect(early.terminated).toBe(true);
  });

  it('is ended by a page whose tiles play with another engine', async () => {
    const early = new EarlyWorker(new URL('http://wall/w.js'));
    vi.stubGlobal('__earlyFeedWorker', { worker: early, received: [], failed: null });
    const { endEarlyFeedWorker } = await import('../../../renderer/src/player/early-feed-worker');
    endEarlyFeedWorker(globalThis as unknown as Window);
    expect(early.terminated).toBe(true);
    expect((globalThis as Record<string, unknown>).__earlyFeedWorker).toBeUndefined();
  });
});
