// The WebCodecs tile player against a fake socket, decoder and canvas: what it decodes and
// drops, that every decoded frame is painted and closed, the watchdog's reports, recovery from a
// closed socket, and the fallback to mpegts.js when the codec has no decoder here.
import { describe, expect, it } from 'vitest';
import { encodeAuConfig, encodeAuFrame } from '../../../electron/contract/access-unit-wire';
import { readEngineChoice } from '../../../renderer/src/player/engine-choice';
import { STALL_LIMIT_MS } from '../../../renderer/src/player/feed-gate';
import type { FeedPlatform } from '../../../renderer/src/player/webcodecs-engine';
import { canvasSink } from '../../../renderer/src/player/frame-sink';
import {
  WebCodecsTilePlayer,
  type FallbackPlayer,
} from '../../../renderer/src/player/webcodecs-tile-player';
import type { PlayerFreshness } from '../../../renderer/src/status/display-state';
import { AVC_RECORD, FakeAuSocket, FLV_URL as URL_FLV } from './fake-au-socket';

class FakeDecoder {
  state = 'unconfigured';
  decodeQueueSize = 0;
  configs: VideoDecoderConfig[] = [];
  chunks: EncodedVideoChunkInit[] = [];
  constructor(readonly init: VideoDecoderInit) {}
  configure(config: VideoDecoderConfig) {
    this.state = 'configured';
    this.configs.push(config);
  }
  decode(chunk: EncodedVideoChunkInit) {
    this.chunks.push(chunk);
  }
  reset() {}
  close() {
    this.state = 'closed';
  }
  /** The decoder hands out a picture for the oldest chunk. */
  output() {
    const chunk = this.chunks.shift()!;
    const frame = {
      timestamp: chunk.timestamp,
      displayWidth: 640,
      displayHeight: 360,
      closed: false,
      close() {
        this.closed = true;
      },
    };
    this.init.output(frame as unknown as VideoFrame);
    return frame;
  }
}

function setup(supported = true) {
  let now = 1_000_000;
  let tick = () => {};
  const sockets: FakeAuSocket[] = [];
  const decoders: FakeDecoder[] = [];
  const draws: unknown[] = [];
  const reports: PlayerFreshness[] = [];
  const fallbacks: { url: string; mounted: unknown[]; suspended: boolean }[] = [];
  const answers: Promise<unknown>[] = [];
  const platform: FeedPlatform = {
    openSocket: (url) => {
      const socket = new FakeAuSocket(url);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
    isConfigSupported: (config) => {
      const answer = Promise.resolve({ supported: supported && config.codec.startsWith('avc1') });
      answers.push(answer);
      return answer;
    },
    createDecoder: (init) => {
      const decoder = new FakeDecoder(init);
      decoders.push(decoder);
      return decoder as unknown as VideoDecoder;
    },
    createChunk: (init) => init as unknown as EncodedVideoChunk,
  };
  const canvas = {
    width: 0,
    height: 0,
    className: '',
    parentElement: null as unknown,
    removed: 0,
    getContext: () => ({ drawImage: (frame: unknown) => draws.push(frame) }),
    remove() {
      this.removed += 1;
      this.parentElement = null;
    },
  };
  const container = {
    appendChild: (el: typeof canvas) => (el.parentElement = container),
    removeChild: (el: typeof canvas) => (el.parentElement = null),
  };
  const player = new WebCodecsTilePlayer(URL_FLV, (f) => reports.push(f), {
    platform,
    createSink: () => canvasSink(canvas as unknown as HTMLCanvasElement),
    fallback: (url) => {
      const made = { url, mounted: [] as unknown[], suspended: false };
      fallbacks.push(made);
      return {
        video: { tagName: 'VIDEO' },
        isSuspended: false,
        mountInto: (c: unknown) => made.mounted.push(c),
        unmountFrom: () => {},
        setSuspended: (on: boolean) => (made.suspended = on),
        hasPicture: () => true,
        frameTime: () => null,
        destroy: () => {},
      } as unknown as FallbackPlayer;
    },
    now: () => now,
    setInterval: (callback) => ((tick = callback), 1),
    clearInterval: () => {},
  });
  player.mountInto(container as unknown as HTMLElement);
  const socket = () => sockets.at(-1)!;
  const settle = () => Promise.all(answers);
  const frame = (keyframe: boolean, dts: number) =>
    socket().send(
      encodeAuFrame({
        keyframe,
        dts,
        pts: dts,
        receivedAt: 5e12 + dts,
        data: Uint8Array.of(0, 0, 0, 1, 0x65),
      }),
    );
  const quality = () =>
    (
      canvas as unknown as { getVideoPlaybackQuality(): VideoPlaybackQuality }
    ).getVideoPlaybackQuality();
  const advance = (ms: number) => {
    now += ms;
    tick();
  };
  return {
    player,
    sockets,
    decoders,
    draws,
    reports,
    fallbacks,
    canvas,
    container,
    socket,
    settle,
    frame,
    quality,
    advance,
  };
}

describe('WebCodecsTilePlayer', () => {
  it('opens the access-unit stream and configures a low-latency decoder from the config', async () => {
    const t = setup();
    expect(t.socket().url).toBe('ws://127.0.0.1:1/s/live/cam/sub.au');
    expect(t.socket().binaryType).toBe('arraybuffer');
    expect(t.canvas.parentElement).toBe(t.container);
    t.socket().send(encodeAuConfig('avc1.42c01e', AVC_RECORD));
    await t.settle();
    expect(t.decoders[0]!.configs).toEqual([
      {
        codec: 'avc1.42c01e',
        description: AVC_RECORD,
        optimizeForLatency: true,
        hardwareAcceleration: 'no-preference',
      },
    ]);
    // The same configuration again (a viewer's restart) does not reconfigure.
    t.socket().send(encodeAuConfig('avc1.42c01e', AVC_RECORD));
    await t.settle();
    expect(t.decoders[0]!.configs).toHaveLength(1);
  });

  it('starts at a keyframe, paints each decoded frame and closes it, and reports live', async () => {
    const t = setup();
    t.socket().send(encodeAuConfig('avc1.42c01e', AVC_RECORD));
    await t.settle();
    t.frame(false, 0);
    t.frame(true, 40);
    t.frame(false, 80);
    const decoder = t.decoders[0]!;
    expect(decoder.chunks.map((c) => [c.type, c.timestamp])).toEqual([
      ['key', 40_000],
      ['delta', 80_000],
    ]);
    const first = decoder.output();
    expect(first.closed).toBe(true);
    expect(t.draws).toEqual([first]);
    expect([t.canvas.width, t.canvas.height]).toEqual([640, 360]);
    expect(t.player.frameTime()).toBe(5e12 + 40);
    expect(t.player.hasPicture()).toBe(true);
    t.advance(1_000);
    expect(t.reports.at(-1)).toMatchObject({ health: 'live' });
    expect(t.quality()).toMatchObject({ totalVideoFrames: 2, droppedVideoFrames: 1 });
  });

  it('works off a burst, but drops to the next keyframe when the decoder stops', async () => {
    const t = setup();
    t.socket().send(encodeAuConfig('avc1.42c01e', AVC_RECORD));
    await t.settle();
    const decoder = t.decoders[0]!;
    for (let pts = 0; pts < 400; pts += 40) t.frame(pts === 0, pts); // ten at once
    decoder.decodeQueueSize = 10;
    while (decoder.chunks.length > 0) decoder.output();
    expect(t.quality()).toMatchObject({ totalVideoFrames: 10, droppedVideoFrames: 0 });
    // Then nothing comes out for longer than the stall limit.
    const stuck = 400 + STALL_LIMIT_MS;
    for (let pts = 400; pts <= stuck + 40; pts += 40) t.frame(false, pts);
    t.frame(false, stuck + 80); // needs the dropped one before it
    t.frame(true, stuck + 120);
    expect(decoder.chunks.at(-1)).toMatchObject({ type: 'key', timestamp: (stuck + 120) * 1_000 });
    expect(t.quality().droppedVideoFrames).toBeGreaterThanOrEqual(2);
  });

  it('decodes nothing while hidden, stays live on arriving frames, and resumes at a keyframe', async () => {
    const t = setup();
    t.socket().send(encodeAuConfig('avc1.42c01e', AVC_RECORD));
    await t.settle();
    t.frame(true, 0);
    t.decoders[0]!.output();
    t.advance(1_000);
    t.player.setSuspended(true);
    for (let s = 1; s <= 5; s++) {
      t.frame(s === 3, s * 1000);
      t.advance(1_000);
    }
    expect(t.reports.at(-1)).toMatchObject({ health: 'live' });
    t.player.setSuspended(false);
    t.frame(false, 6_000);
    t.frame(true, 7_000);
    expect(t.decoders[0]!.chunks.map((c) => c.timestamp)).toEqual([7_000_000]);
  });

  it('opens a new stream after the gateway closed one, with the watchdog’s backoff', async () => {
    const t = setup();
    t.socket().send(encodeAuConfig('avc1.42c01e', AVC_RECORD));
    await t.settle();
    t.frame(true, 0);
    t.decoders[0]!.output();
    t.advance(1_000);
    t.socket().onclose?.();
    expect(t.decoders[0]!.state).toBe('closed');
    expect(t.sockets).toHaveLength(1);
    for (let i = 0; i < 2 && t.sockets.length === 1; i++) t.advance(1_000);
    expect(t.sockets).toHaveLength(2);
    expect(t.socket().url).toMatch(/\.au$/);
  });

  it('hands the tile to mpegts.js for a codec WebCodecs cannot decode here', async () => {
    const t = setup(false);
    t.player.setSuspended(true);
    t.socket().send(encodeAuConfig('hvc1.1.6.L93.B0', Uint8Array.of(1, 2, 3)));
    await t.settle();
    expect(t.fallbacks).toEqual([{ url: URL_FLV, mounted: [t.container], suspended: true }]);
    expect(t.socket().closed).toBe(true);
    expect(t.canvas.parentElement).toBeNull();
    expect(t.player.fellBack).toBe(true);
    expect(t.player.video).toMatchObject({ tagName: 'VIDEO' });
    t.advance(20_000);
    expect(t.sockets).toHaveLength(1); // no new WebCodecs stream behind the fallback's back
  });
});

describe('readEngineChoice', () => {
  it('reads the engine from the query or the fragment, else the fragmented-MP4 default', () => {
    expect(readEngineChoice({ search: '?engine=webcodecs', hash: '' })).toBe('webcodecs');
    expect(readEngineChoice({ search: '', hash: '#key=abc&engine=webcodecs' })).toBe('webcodecs');
    expect(readEngineChoice({ search: '?engine=mse', hash: '' })).toBe('mse');
    expect(readEngineChoice({ search: '', hash: '#key=abc&engine=fmp4' })).toBe('fmp4');
    expect(readEngineChoice({ search: '?engine=vlc', hash: '' })).toBe('fmp4');
    expect(readEngineChoice({ search: '', hash: '#key=abc' })).toBe('fmp4');
  });
});
