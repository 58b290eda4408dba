// The fragmented-MP4 player against a fake socket, MediaSource and SourceBuffer: the stream opens
// before the source does, the init segment goes first, frames that arrive while the buffer is
// busy go in one append, the codec is reported (and refused when MSE cannot play it), a closed
// stream or refused append is an error the tile player recovers from, and teardown lets go of
// the socket and the object URL. Real bytes: fmp4-boxes.test.ts, fmp4-ffprobe.test.ts; a real
// browser: the end-to-end tests, which run this engine.
import { describe, expect, it } from 'vitest';
import { encodeAuConfig, encodeAuFrame } from '../../../electron/contract/access-unit-wire';
import {
  FMP4_ERRORS,
  Fmp4Player,
  type Fmp4Platform,
} from '../../../renderer/src/player/fmp4-engine';
import { FRAGMENT_HEADER_BYTES } from '../../../renderer/src/player/fmp4-boxes';
import { Fmp4Feed } from '../../../renderer/src/player/fmp4-feed';
import { AVC_RECORD as RECORD, FakeAuSocket, FLV_URL } from './fake-au-socket';

class FakeRanges {
  constructor(private readonly ranges: [number, number][]) {}
  get length() {
    return this.ranges.length;
  }
  start(i: number) {
    return this.ranges[i]![0];
  }
  end(i: number) {
    return this.ranges[i]![1];
  }
}

class FakeBuffer extends EventTarget {
  mode = 'segments';
  updating = false;
  appended: Uint8Array[] = [];
  removed: [number, number][] = [];
  ranges: [number, number][] = [];
  refuse = false;
  get buffered() {
    return new FakeRanges(this.ranges);
  }
  appendBuffer(data: Uint8Array) {
    if (this.refuse) throw new Error('QuotaExceededError');
    this.appended.push(data);
    this.updating = true;
  }
  remove(start: number, end: number) {
    this.removed.push([start, end]);
    this.updating = true;
  }
  /** The media thread finished the last append or removal. */
  finish() {
    this.updating = false;
    this.dispatchEvent(new Event('updateend'));
  }
}

class FakeSource extends EventTarget {
  readyState = 'closed';
  buffers: FakeBuffer[] = [];
  private durationS = Number.NaN;
  get duration() {
    return this.durationS;
  }
  /** As a browser does: no duration change while a buffer is busy. */
  set duration(value: number) {
    if (this.buffers.some((b) => b.updating)) {
      throw new Error("Failed to set the 'duration' property on 'MediaSource'");
    }
    this.durationS = value;
  }
  types: string[] = [];
  addSourceBuffer(type: string) {
    this.types.push(type);
    const buffer = new FakeBuffer();
    this.buffers.push(buffer);
    return buffer;
  }
  open() {
    this.readyState = 'open';
    this.dispatchEvent(new Event('sourceopen'));
  }
  /** The browser opened the source; its `sourceopen` task has not run yet. */
  openQuietly() {
    this.readyState = 'open';
  }
}

class FakeVideo {
  src = '';
  currentTime = 0;
  paused = false;
  loads = 0;
  getAttribute(name: string) {
    return name === 'src' ? this.src : null;
  }
  removeAttribute(name: string) {
    if (name === 'src') this.src = '';
  }
  load() {
    this.loads += 1;
  }
  play() {
    this.paused = false;
    return Promise.resolve();
  }
  pause() {
    this.paused = true;
  }
}

function setup(supported = true) {
  const sockets: FakeAuSocket[] = [];
  const sources: FakeSource[] = [];
  const revoked: string[] = [];
  const clock = { now: 0 };
  const platform: Fmp4Platform = {
    now: () => clock.now,
    openSocket: (url) => {
      const socket = new FakeAuSocket(url);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
    createMediaSource: () => {
      const source = new FakeSource();
      sources.push(source);
      return source as unknown as MediaSource;
    },
    isTypeSupported: () => supported,
    objectUrl: () => `blob:source-${sources.length}`,
    revokeObjectUrl: (url) => revoked.push(url),
  };
  const dataErrors: unknown[] = [];
  const player = new Fmp4Player(FLV_URL, { onDataError: (e) => dataErrors.push(e) }, platform);
  const events: { name: string; args: unknown[] }[] = [];
  for (const name of ['error', 'media_info', 'script_data']) {
    player.on(name, (...args) => events.push({ name, args }));
  }
  const video = new FakeVideo();
  player.attachMediaElement(video as unknown as HTMLMediaElement);
  player.load();
  return {
    player,
    video,
    events,
    dataErrors,
    revoked,
    advance: (ms: number) => (clock.now += ms),
    socket: () => sockets.at(-1)!,
    source: () => sources.at(-1)!,
    buffer: () => sources.at(-1)!.buffers[0]!,
  };
}

const frame = (dts: number, keyframe = false) =>
  encodeAuFrame({
    keyframe,
    dts,
    pts: dts,
    receivedAt: 1_700_000_000_000 + dts,
    data: Uint8Array.of(0, 0, 0, 1, 0x65),
  });

const boxType = (bytes: Uint8Array, at = 0) =>
  String.fromCharCode(...bytes.subarray(at + 4, at + 8));

describe('the fragmented-MP4 player', () => {
  it('opens the .au stream at once, before the MediaSource opens, and holds what arrives', () => {
    const t = setup();
    expect(t.socket().url).toBe('ws://127.0.0.1:1/s/live/cam/sub.au');
    expect(t.socket().binaryType).toBe('arraybuffer');
    expect(t.video.src).toBe('blob:source-1');
    t.socket().send(encodeAuConfig('avc1.42c01e', RECORD, { width: 640, height: 360 }));
    t.socket().send(frame(1000, true));
    t.socket().send(frame(1040));
    expect(t.source().buffers).toHaveLength(0);
    t.source().open();
    expect(t.source().duration).toBe(Infinity);
    expect(t.source().types).toEqual(['video/mp4; codecs="avc1.42c01e"']);
    // One append: the init segment, then both fragments.
    const [first] = t.buffer().appended;
    expect(t.buffer().appended).toHaveLength(1);
    expect(boxType(first!)).toBe('ftyp');
    expect(t.events.find((e) => e.name === 'media_info')?.args[0]).toMatchObject({
      videoCodec: 'avc1.42c01e',
      width: 640,
      height: 360,
    });
  });

  it('a configuration that arrives between the source opening and its event starts at once, and the late event changes nothing', () => {
    const t = setup();
    t.source().openQuietly();
    t.socket().send(encodeAuConfig('avc1.42c01e', RECORD, { width: 640, height: 360 }));
    t.socket().send(frame(1000, true));
    expect(t.source().duration).toBe(Infinity);
    expect(t.buffer().updating).toBe(true);
    // The queued event now runs while the first append is under way: it must not touch the
    // duration (a browser throws) nor add a second buffer.
    expect(() => t.source().dispatchEvent(new Event('sourceopen'))).not.toThrow();
    expect(t.source().buffers).toHaveLength(1);
    expect(t.events.filter((e) => e.name === 'error')).toEqual([]);
  });

  it('with half a second of picture ahead: a keyframe at once, then two frames an append', () => {
    const t = setup();
    t.source().open();
    t.socket().send(encodeAuConfig('avc1.42c01e', RECORD));
    t.buffer().ranges = [[0, 1]];
    t.video.currentTime = 0.5;
    t.buffer().finish();
    t.socket().send(frame(0, true));
    expect(t.buffer().appended).toHaveLength(2);
    expect(boxType(t.buffer().appended[1]!)).toBe('moof');
    t.buffer().finish();
    // A delta frame waits for the next: one append for the two.
    t.socket().send(frame(40));
    expect(t.buffer().appended).toHaveLength(2);
    t.socket().send(frame(80));
    expect(t.buffer().appended).toHaveLength(3);
    expect(t.buffer().appended[2]!.length).toBe(2 * (FRAGMENT_HEADER_BYTES + 5));
    // While the buffer is busy, frames wait, and go in one append when it is free.
    t.socket().send(frame(120));
    t.socket().send(frame(160));
    t.socket().send(frame(200));
    expect(t.buffer().appended).toHaveLength(3);
    t.buffer().finish();
    const batch = t.buffer().appended[3]!;
    expect(t.buffer().appended).toHaveLength(4);
    expect(batch.length).toBe(3 * (FRAGMENT_HEADER_BYTES + 5));
    expect(boxType(batch, 2 * (FRAGMENT_HEADER_BYTES + 5))).toBe('moof');
  });

  it('with a thin buffer, or before it is known, every frame goes at once', () => {
    const t = setup();
    t.source().open();
    t.socket().send(encodeAuConfig('avc1.42c01e', RECORD));
    t.buffer().finish();
    t.socket().send(frame(0, true));
    t.buffer().finish();
    t.socket().send(frame(40));
    expect(t.buffer().appended).toHaveLength(3);
    t.buffer().finish();
    // 0.1 s buffered ahead, of which 0.04 s is the newest frame's guessed duration: thin.
    t.advance(250);
    t.buffer().ranges = [[0, 0.6]];
    t.video.currentTime = 0.5;
    t.socket().send(frame(80));
    t.buffer().finish();
    t.socket().send(frame(120));
    expect(t.buffer().appended).toHaveLength(5);
  });

  it('sends clock marks a few times a second on the track timeline, from the frame times', () => {
    const t = setup();
    t.source().open();
    t.socket().send(encodeAuConfig('avc1.42c01e', RECORD));
    for (let dts = 5000; dts < 6000; dts += 40) t.socket().send(frame(dts, dts === 5000));
    const marks = t.events.filter((e) => e.name === 'script_data').map((e) => e.args[0]);
    expect(marks[0]).toEqual({ onWallClock: { t: 0, at: 1_700_000_005_000 } });
    expect(marks.length).toBeGreaterThanOrEqual(4);
    expect(marks.length).toBeLessThanOrEqual(5);
  });

  it('chases a live buffer over 0.6 s with a seek, and trims what is long played, 4 times a second', () => {
    const t = setup();
    t.source().open();
    t.socket().send(encodeAuConfig('avc1.42c01e', RECORD));
    t.buffer().ranges = [[0, 2]];
    t.buffer().finish();
    expect(t.video.currentTime).toBeCloseTo(1.8);
    // Looked at again only after a quarter of a second.
    t.video.currentTime = 45;
    t.buffer().ranges = [[0, 45.1]];
    t.buffer().finish();
    expect(t.buffer().removed).toEqual([]);
    t.advance(250);
    t.buffer().finish();
    expect(t.buffer().removed).toEqual([[0, 35]]);
    // A paused (hidden) tile is not chased: its player moves it itself.
    t.video.paused = true;
    t.buffer().ranges = [[10, 50]];
    t.video.currentTime = 20;
    t.advance(250);
    t.buffer().finish();
    expect(t.video.currentTime).toBe(20);
  });

  it('says the codec cannot be played here when MSE refuses it, and stops', () => {
    const t = setup(false);
    t.source().open();
    t.socket().send(encodeAuConfig('hvc1.1.6.L93.B0', RECORD));
    expect(t.events.find((e) => e.name === 'media_info')).toBeDefined();
    expect(t.events.find((e) => e.name === 'error')?.args).toEqual([
      FMP4_ERRORS.media,
      FMP4_ERRORS.codecUnsupported,
    ]);
    expect(t.socket().closed).toBe(true);
    expect(t.source().buffers).toHaveLength(0);
  });

  it('reports a closed stream, a refused append and a codec change as errors, once', () => {
    const closed = setup();
    closed.socket().onclose?.();
    expect(closed.events.filter((e) => e.name === 'error').map((e) => e.args[0])).toEqual([
      FMP4_ERRORS.network,
    ]);

    const refused = setup();
    refused.source().open();
    refused.socket().send(encodeAuConfig('avc1.42c01e', RECORD));
    refused.buffer().finish();
    refused.buffer().refuse = true;
    refused.socket().send(frame(0, true));
    expect(refused.events.filter((e) => e.name === 'error').map((e) => e.args)).toEqual([
      [FMP4_ERRORS.media, FMP4_ERRORS.mse],
    ]);

    const changed = setup();
    changed.socket().send(encodeAuConfig('avc1.42c01e', RECORD));
    changed.socket().send(encodeAuConfig('hvc1.1.6.L93.B0', RECORD));
    expect(changed.events.filter((e) => e.name === 'error')).toHaveLength(1);
    expect(changed.socket().closed).toBe(true);
  });

  it('ignores frames before a configuration and messages it cannot read', () => {
    const t = setup();
    t.source().open();
    t.socket().send(frame(0, true));
    t.socket().send(Uint8Array.of(9, 9, 9));
    expect(t.source().buffers).toHaveLength(0);
    expect(t.events).toHaveLength(0);
    expect(t.dataErrors).toHaveLength(0);
  });

  it('lets go of the socket, the source and its URL on teardown, and is silent after', () => {
    const t = setup();
    t.source().open();
    t.socket().send(encodeAuConfig('avc1.42c01e', RECORD));
    t.player.pause();
    t.player.unload();
    t.player.detachMediaElement();
    t.player.destroy();
    expect(t.video.paused).toBe(true);
    expect(t.socket().closed).toBe(true);
    expect(t.video.src).toBe('');
    expect(t.video.loads).toBe(1);
    expect(t.revoked).toEqual(['blob:source-1']);
    t.socket().onclose?.();
    expect(t.events.filter((e) => e.name === 'error')).toHaveLength(0);
  });
});

describe('a feed in the worker', () => {
  it('given a source the page already opened (a spare), starts when its configuration comes', () => {
    // The page attached the spare before the worker read 'open': the source's `sourceopen`
    // went by with no feed listening.
    const source = new FakeSource();
    source.open();
    const sockets: FakeAuSocket[] = [];
    const errors: string[] = [];
    const feed = new Fmp4Feed(
      FLV_URL,
      source as unknown as MediaSource,
      {
        now: () => 0,
        openSocket: (url) => {
          sockets.push(new FakeAuSocket(url));
          return sockets.at(-1) as unknown as WebSocket;
        },
        isTypeSupported: () => true,
      },
      {
        mediaInfo: () => undefined,
        mark: () => undefined,
        error: (type, detail) => errors.push(`${type} ${detail}`),
        dataError: (error) => errors.push(String(error)),
      },
      () => null,
    );
    feed.open();
    sockets[0]!.send(encodeAuConfig('avc1.42c01e', RECORD, { width: 640, height: 360 }));
    sockets[0]!.send(frame(1000, true));
    expect(source.duration).toBe(Infinity);
    expect(source.buffers).toHaveLength(1);
    expect(boxType(source.buffers[0]!.appended[0]!)).toBe('ftyp');
    expect(errors).toEqual([]);
  });
});
