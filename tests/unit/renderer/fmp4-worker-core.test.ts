// The feed worker's logic (fmp4-worker-core.ts) on a fake scope: the spare sources it makes
// before any tile asks and replaces as they are claimed, a feed opened into a claimed spare (no
// handle sent back, the page already has it) or, for an unknown spare, into a source of its own
// whose handle it sends, the page's play positions carried forward to now at the playback rate,
// the feed's seeks sent to the page, and close. The feed itself: fmp4-engine.test.ts; a real
// worker in a real browser: the end-to-end tests, where it is the default engine.
import { beforeEach, describe, expect, it } from 'vitest';
import type { FeedEvents, Playhead } from '../../../renderer/src/player/fmp4-feed';
import {
  playheadAt,
  serveFeeds,
  SPARE_SOURCES,
  type FeedLike,
  type WorkerScope,
} from '../../../renderer/src/player/fmp4-worker-core';
import type { FromWorker, ToWorker } from '../../../renderer/src/player/fmp4-worker-protocol';

interface FakeSource {
  n: number;
}

class FakeFeed implements FeedLike {
  opened = 0;
  closed = 0;
  lastFrameDurationS = 0.04;
  constructor(
    readonly url: string,
    readonly source: FakeSource,
    readonly events: FeedEvents,
    readonly playhead: () => Playhead | null,
  ) {}
  open() {
    this.opened += 1;
  }
  close() {
    this.closed += 1;
  }
}

let posted: { message: FromWorker; transfer: unknown[] }[];
let feeds: FakeFeed[];
let made: number;
let clock: number;
let scope: WorkerScope;

const send = (data: ToWorker) => scope.onmessage?.({ data } as MessageEvent<ToWorker>);
const handleOf = (source: FakeSource) => `handle-${source.n}` as unknown as MediaSourceHandle;
const sparesPosted = () =>
  posted.flatMap(({ message }) => (message.kind === 'spares' ? message.sources : []));

beforeEach(() => {
  posted = [];
  feeds = [];
  made = 0;
  clock = 10_000;
  scope = {
    onmessage: null,
    postMessage: (message, transfer = []) => posted.push({ message, transfer }),
  };
  serveFeeds(scope, {
    newSource: () => ({ n: ++made }) as unknown as MediaSource,
    handleOf: (source) => handleOf(source as unknown as FakeSource),
    newFeed: (url, source, events, playhead) => {
      const feed = new FakeFeed(url, source as unknown as FakeSource, events, playhead);
      feeds.push(feed);
      return feed;
    },
    now: () => clock,
  });
});

describe('the feed worker', () => {
  it('makes its spare sources at once, numbered from 1, handles transferred', () => {
    expect(posted).toHaveLength(1);
    const spares = sparesPosted();
    expect(spares.map((s) => s.spare)).toEqual(
      Array.from({ length: SPARE_SOURCES }, (_, i) => i + 1),
    );
    expect(spares[0]!.handle).toBe(handleOf({ n: 1 }));
    expect(posted[0]!.transfer).toEqual(spares.map((s) => s.handle));
  });

  it('opens a feed into the claimed spare, sends no handle, and makes one more spare', () => {
    send({ kind: 'open', id: 7, url: 'ws://gw/a.flv', spare: 2 });
    expect(feeds).toHaveLength(1);
    expect(feeds[0]!.source.n).toBe(2);
    expect(feeds[0]!.opened).toBe(1);
    expect(posted.filter(({ message }) => message.kind === 'handle')).toEqual([]);
    // The next number, so the page can keep claiming without asking.
    expect(sparesPosted().at(-1)!.spare).toBe(SPARE_SOURCES + 1);
    // A spare is claimed once: naming it again gets a source of the worker's own.
    send({ kind: 'open', id: 8, url: 'ws://gw/b.flv', spare: 2 });
    expect(feeds[1]!.source.n).toBe(SPARE_SOURCES + 2);
    expect(posted.at(-1)!.message).toEqual({
      kind: 'handle',
      id: 8,
      handle: handleOf({ n: SPARE_SOURCES + 2 }),
    });
    expect(posted.at(-1)!.transfer).toEqual([handleOf({ n: SPARE_SOURCES + 2 })]);
  });

  it('opens a feed with no spare named into a new source and sends its handle', () => {
    send({ kind: 'open', id: 3, url: 'ws://gw/a.flv' });
    expect(feeds[0]!.source.n).toBe(SPARE_SOURCES + 1);
    expect(posted.at(-1)!.message).toMatchObject({ kind: 'handle', id: 3 });
    expect(sparesPosted()).toHaveLength(SPARE_SOURCES);
  });

  it("tells the page its feed's events under the feed's number", () => {
    send({ kind: 'open', id: 4, url: 'ws://gw/a.flv', spare: 1 });
    const events = feeds[0]!.events;
    events.mediaInfo({ videoCodec: 'avc1.42c01e', width: 640, height: 360 });
    events.mark({ onWallClock: { t: 0, at: 5 } });
    events.error('NetworkError', 'closed');
    events.dataError(new RangeError('bad box'));
    expect(posted.slice(-4).map((p) => p.message)).toEqual([
      { kind: 'media-info', id: 4, info: { videoCodec: 'avc1.42c01e', width: 640, height: 360 } },
      { kind: 'mark', id: 4, data: { onWallClock: { t: 0, at: 5 } }, leadS: 0.04 },
      { kind: 'error', id: 4, type: 'NetworkError', detail: 'closed' },
      { kind: 'data-error', id: 4, message: 'RangeError: bad box' },
    ]);
  });

  it('carries the reported play position forward to now, at the playback rate, unless paused', () => {
    send({ kind: 'open', id: 1, url: 'ws://gw/a.flv', spare: 1 });
    const feed = feeds[0]!;
    expect(feed.playhead()).toBeNull(); // nothing reported yet
    send({
      kind: 'playheads',
      list: [
        { id: 1, currentTime: 3, paused: false, playbackRate: 1.5, at: 10_000 },
        { id: 99, currentTime: 1, paused: false, playbackRate: 1, at: 10_000 }, // not a feed
      ],
    });
    clock += 200;
    expect(feed.playhead()!.currentTime).toBeCloseTo(3.3);
    expect(feed.playhead()!.paused).toBe(false);
    send({
      kind: 'playheads',
      list: [{ id: 1, currentTime: 4, paused: true, playbackRate: 1, at: 10_200 }],
    });
    clock += 5_000;
    expect(feed.playhead()!.currentTime).toBe(4);
    expect(playheadAt({ id: 1, currentTime: 2, paused: false, playbackRate: 1, at: 0 }, 500)).toBe(
      2.5,
    );
  });

  it("sends a feed's seek to the page and plays on from the seek's position meanwhile", () => {
    send({ kind: 'open', id: 1, url: 'ws://gw/a.flv', spare: 1 });
    send({
      kind: 'playheads',
      list: [{ id: 1, currentTime: 1, paused: false, playbackRate: 1, at: clock }],
    });
    feeds[0]!.playhead()!.seek(9.5);
    expect(posted.at(-1)!.message).toEqual({ kind: 'seek', id: 1, to: 9.5 });
    clock += 100;
    expect(feeds[0]!.playhead()!.currentTime).toBeCloseTo(9.6);
  });

  it('closes a feed for good; a close for an unknown feed does nothing', () => {
    send({ kind: 'open', id: 1, url: 'ws://gw/a.flv', spare: 1 });
    send({ kind: 'close', id: 1 });
    send({ kind: 'close', id: 1 });
    send({ kind: 'close', id: 42 });
    expect(feeds[0]!.closed).toBe(1);
    send({
      kind: 'playheads',
      list: [{ id: 1, currentTime: 1, paused: false, playbackRate: 1, at: clock }],
    });
    expect(feeds[0]!.playhead()).toBeNull();
  });
});
