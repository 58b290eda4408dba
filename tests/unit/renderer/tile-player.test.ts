// The tile player's lifecycle against a fake engine and a fake <video>: every mpegts player is
// torn down in the order mpegts.js needs, errors recreate with backoff, stalls recover in stages.
import { describe, expect, it } from 'vitest';
import type { EnginePlayer, PlayerEngine } from '../../../renderer/src/player/player-engine';
import { TilePlayer } from '../../../renderer/src/player/tile-player';
import type { PlayerFreshness } from '../../../renderer/src/status/display-state';

class FakeEnginePlayer implements EnginePlayer {
  calls: string[] = [];
  listeners = new Map<string, (...args: unknown[]) => void>();
  constructor(readonly url: string) {}
  on(event: string, listener: (...args: unknown[]) => void): void {
    this.listeners.set(event, listener);
  }
  attachMediaElement(): void {
    this.calls.push('attach');
  }
  load(): void {
    this.calls.push('load');
  }
  play(): void {
    this.calls.push('play');
  }
  pause(): void {
    this.calls.push('pause');
  }
  unload(): void {
    this.calls.push('unload');
  }
  detachMediaElement(): void {
    this.calls.push('detach');
  }
  destroy(): void {
    this.calls.push('destroy');
  }
}

function setup() {
  let now = 1_000_000;
  let tick: (() => void) | null = null;
  let cleared = false;
  const created: FakeEnginePlayer[] = [];
  const reports: PlayerFreshness[] = [];
  const video = {
    frames: 0,
    currentTime: 0,
    bufferedEnd: 0,
    removed: false,
    paused: false,
    isConnected: true,
    get buffered() {
      return { length: 1, end: () => this.bufferedEnd };
    },
    getVideoPlaybackQuality() {
      return { totalVideoFrames: this.frames };
    },
    play: () => Promise.resolve(),
    remove() {
      this.removed = true;
    },
    removeAttribute: () => undefined,
  };
  const engine: PlayerEngine = {
    supported: () => true,
    create: (url) => {
      const player = new FakeEnginePlayer(url);
      created.push(player);
      return player;
    },
    events: { error: 'error', mediaInfo: 'media_info' },
    codecUnsupportedDetail: 'CodecUnsupported',
  };
  const player = new TilePlayer('ws://gw/cam/sub.flv', (f) => reports.push(f), {
    engine,
    createVideo: () => video as unknown as HTMLVideoElement,
    canDecodeH265: () => false,
    now: () => now,
    setInterval: (callback) => {
      tick = callback;
      return 1;
    },
    clearInterval: () => {
      cleared = true;
    },
  });
  const advance = (seconds: number, framesPerSecond = 25) => {
    for (let i = 0; i < seconds; i += 1) {
      now += 1_000;
      video.frames += framesPerSecond;
      tick?.();
    }
  };
  return { player, video, created, reports, advance, isCleared: () => cleared };
}

const TEARDOWN = ['pause', 'unload', 'detach', 'destroy'];

describe('TilePlayer', () => {
  it('starts one mpegts player on the element and tears it down in order', () => {
    const { player, created, video, isCleared } = setup();
    expect(created).toHaveLength(1);
    expect(created[0]?.calls).toEqual(['attach', 'load', 'play']);
    player.destroy();
    player.destroy(); // twice is harmless
    expect(created[0]?.calls.slice(3)).toEqual(TEARDOWN);
    expect(isCleared()).toBe(true);
    expect(video.removed).toBe(true);
  });

  it('reports connecting, then live, and only on change', () => {
    const { reports, advance } = setup();
    advance(5);
    expect(reports.map((r) => r.health)).toEqual(['connecting', 'live']);
  });

  it('says stalled after 3 s without frames, jumps to live, then recreates the player', () => {
    const { reports, advance, video, created } = setup();
    advance(3);
    video.bufferedEnd = 10;
    video.currentTime = 4;
    advance(5, 0);
    const stalled = reports.at(-1);
    expect(stalled?.health).toBe('stalled');
    expect(stalled?.lastFrameAt).not.toBeNull();
    expect(video.currentTime).toBeCloseTo(9.9); // jumped to the live edge
    advance(3, 0);
    expect(created).toHaveLength(2);
    expect(created[0]?.calls.slice(3)).toEqual(TEARDOWN);
    advance(2);
    expect(reports.at(-1)?.health).toBe('live');
  });

  it('recreates after an error with backoff, and says when the codec cannot play', () => {
    const { created, advance, reports } = setup();
    created[0]?.listeners.get('error')?.('MediaError', 'CodecUnsupported');
    expect(reports.at(-1)?.health).toBe('codec-unsupported');
    advance(1, 0);
    expect(created).toHaveLength(2);
    created[1]?.listeners.get('error')?.('NetworkError', 'Exception');
    advance(1, 0);
    expect(created).toHaveLength(2); // second attempt waits 2 s
    advance(1, 0);
    expect(created).toHaveLength(3);
  });

  it('detects H.265 from the media info when this display cannot decode it', () => {
    const { created, reports } = setup();
    created[0]?.listeners.get('media_info')?.({ videoCodec: 'hvc1.1.6.L93.B0' });
    expect(reports.at(-1)?.health).toBe('codec-unsupported');
    created[0]?.listeners.get('media_info')?.({ videoCodec: 'avc1.42c01e' });
    expect(reports.at(-1)?.health).toBe('connecting');
  });
});
