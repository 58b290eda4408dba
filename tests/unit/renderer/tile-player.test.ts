// The tile player's lifecycle against a fake engine and a fake <video>: every mpegts player is
// torn down in the order mpegts.js needs, errors recreate with backoff, stalls recover in stages.
import { describe, expect, it } from 'vitest';
import type {
  EngineHooks,
  EnginePlayer,
  PlayerEngine,
} from '../../../renderer/src/player/player-engine';
import {
  DAMAGED_AFTER_ERRORS,
  DAMAGED_RETRY_MS,
  SUSPENDED_MAX_AHEAD_S,
  TilePlayer,
  type TilePlayerDeps,
} from '../../../renderer/src/player/tile-player';
import type { PlayerFreshness } from '../../../renderer/src/status/display-state';

class FakeEnginePlayer implements EnginePlayer {
  calls: string[] = [];
  /** What the fragmented-MP4 engine reports: the last frame's guessed duration (s). */
  lead: number | undefined = undefined;
  liveEdgeLead(): number {
    return this.lead ?? 0;
  }
  listeners = new Map<string, (...args: unknown[]) => void>();
  constructor(
    readonly url: string,
    readonly hooks: EngineHooks,
  ) {}
  /** Fires a player event the way mpegts.js does. */
  emit(event: string, ...args: unknown[]): void {
    this.listeners.get(event)?.(...args);
  }
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

function setup(extra: Partial<TilePlayerDeps> = {}) {
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
    dropped: 0,
    getVideoPlaybackQuality() {
      return { totalVideoFrames: this.frames, droppedVideoFrames: this.dropped };
    },
    playCalls: 0,
    pauseCalls: 0,
    play() {
      this.playCalls += 1;
      return Promise.resolve();
    },
    pause() {
      this.pauseCalls += 1;
    },
    remove() {
      this.removed = true;
    },
    removeAttribute: () => undefined,
    dataset: {} as Record<string, string>,
    playbackRate: 1,
    listeners: new Map<string, () => void>(),
    addEventListener(type: string, listener: () => void) {
      this.listeners.set(type, listener);
    },
  };
  const engine: PlayerEngine = {
    supported: () => true,
    create: (url, hooks) => {
      const player = new FakeEnginePlayer(url, hooks);
      created.push(player);
      return player;
    },
    events: { error: 'error', mediaInfo: 'media_info' },
    codecUnsupportedDetail: 'CodecUnsupported',
    isDecodeError: (type, detail) =>
      type === 'MediaError' && ['MediaMSEError', 'MediaFormatError'].includes(detail),
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
    inFreshTask: (callback) => callback(),
    ...extra,
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
  it('keeps its own live sync: thin while nothing drops, the safer level once frames drop', () => {
    const { video, advance } = setup();
    const timeUpdate = (ahead: number) => {
      video.currentTime = 10;
      video.bufferedEnd = 10 + ahead;
      video.listeners.get('timeupdate')?.();
    };
    timeUpdate(0.3);
    expect(video.playbackRate).toBe(1.2);
    timeUpdate(0.1);
    expect(video.playbackRate).toBe(1);
    advance(2);
    expect(video.dataset.liveSync).toBe('thin');
    video.dropped += 6;
    advance(1);
    expect(video.dataset.liveSync).toBe('safer');
    // 0.3 s ahead is within the safer level's band: no nudge from 1×.
    timeUpdate(0.3);
    expect(video.playbackRate).toBe(1);
  });

  it("measures the buffer without the engine's guess at the last frame's duration", () => {
    const { video, created } = setup();
    created[0]!.lead = 0.04;
    video.currentTime = 10;
    // 0.28 s buffered, of which 0.04 s is the newest frame's guessed duration: 0.24 s of frames,
    // under the thin level's 0.25 s, so no nudge.
    video.bufferedEnd = 10.28;
    video.listeners.get('timeupdate')?.();
    expect(video.playbackRate).toBe(1);
    created[0]!.lead = 0;
    video.listeners.get('timeupdate')?.();
    expect(video.playbackRate).toBe(1.2);
  });

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

  it('waits for a lazily loaded engine, then starts its player once', async () => {
    let loaded = false;
    let finishLoad = () => {};
    const loading = new Promise<void>((resolve) => {
      finishLoad = () => {
        loaded = true;
        resolve();
      };
    });
    const { created, advance } = setup({ engineLoaded: () => loaded, loadEngine: () => loading });
    expect(created).toHaveLength(0);
    advance(1, 0); // a watchdog tick meanwhile makes no player either
    expect(created).toHaveLength(0);
    finishLoad();
    await loading;
    await Promise.resolve();
    expect(created).toHaveLength(1);
    expect(created[0]?.calls).toEqual(['attach', 'load', 'play']);
  });

  it('makes no player when destroyed before the engine loaded', async () => {
    let loaded = false;
    const loading = Promise.resolve().then(() => {
      loaded = true;
    });
    const { player, created } = setup({ engineLoaded: () => loaded, loadEngine: () => loading });
    player.destroy();
    await loading;
    await Promise.resolve();
    expect(created).toHaveLength(0);
  });

  it('asks for one presented-frame callback per watchdog tick, not one per frame', () => {
    const pending: (() => void)[] = [];
    let requested = 0;
    const { video, advance, reports } = setup();
    const fake = video as unknown as Record<string, unknown>;
    fake.requestVideoFrameCallback = (callback: () => void) => {
      requested += 1;
      pending.push(callback);
      return requested;
    };
    fake.cancelVideoFrameCallback = () => undefined;
    // The decoder's counter stands still: only presented frames can say the picture is live.
    for (let second = 0; second < 5; second += 1) {
      for (let frame = 0; frame < 25; frame += 1) pending.splice(0).forEach((f) => f());
      advance(1, 0);
    }
    expect(requested).toBe(5);
    expect(reports.at(-1)?.health).toBe('live');
  });

  it('suspended: paused, no jump to live, live while bytes arrive, stalled when they stop', () => {
    const { player, video, advance, reports, created } = setup();
    advance(2);
    player.setSuspended(true);
    expect(video.pauseCalls).toBe(1);
    const plays = video.playCalls;
    video.paused = true;
    // Frames stand still while paused; the buffered end still grows with the stream.
    for (let i = 0; i < 5; i += 1) {
      video.bufferedEnd += 1;
      advance(1, 0);
    }
    expect(reports.at(-1)?.health).toBe('live');
    expect(video.playCalls).toBe(plays); // the watchdog's "a wall never pauses" stays away
    expect(video.currentTime).toBe(0); // 5 s ahead is under the limit: no seek
    const at = video.currentTime;
    advance(5, 0); // the stream stops: nothing grows
    expect(reports.at(-1)?.health).toBe('stalled');
    expect(video.currentTime).toBe(at); // no jump to live while hidden
    advance(3, 0);
    expect(created).toHaveLength(2); // recreated, still without playing
    expect(created[1]?.calls).toEqual(['attach', 'load']);
    expect(video.playCalls).toBe(plays);
  });

  it('suspended: moves to the live edge past the limit; resumed: jumps to live and plays', () => {
    const { player, video, advance } = setup();
    player.setSuspended(true);
    video.bufferedEnd = SUSPENDED_MAX_AHEAD_S + 5;
    advance(1);
    expect(video.currentTime).toBeCloseTo(SUSPENDED_MAX_AHEAD_S + 4.9);
    video.bufferedEnd += 3;
    player.setSuspended(false);
    expect(video.currentTime).toBeCloseTo(SUSPENDED_MAX_AHEAD_S + 7.9);
    expect(video.playCalls).toBeGreaterThan(0);
    expect(player.isSuspended).toBe(false);
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

  it('recreates after an error with backoff', () => {
    const { created, advance } = setup();
    created[0]?.listeners.get('error')?.('NetworkError', 'Exception');
    advance(1, 0);
    expect(created).toHaveLength(2);
    created[1]?.listeners.get('error')?.('NetworkError', 'Exception');
    advance(1, 0);
    expect(created).toHaveLength(2); // second attempt waits 2 s
    advance(1, 0);
    expect(created).toHaveLength(3);
  });

  it('stands down for five minutes when the codec cannot play here, holding no player', () => {
    const { created, advance, reports } = setup();
    created[0]?.listeners.get('error')?.('MediaError', 'CodecUnsupported');
    expect(reports.at(-1)?.health).toBe('codec-unsupported');
    // The player is gone, so its gateway connection closes and main stops relaying.
    expect(created[0]?.calls.slice(3)).toEqual(TEARDOWN);
    advance(299, 0);
    expect(created).toHaveLength(1);
    expect(reports.at(-1)?.health).toBe('codec-unsupported');
    advance(1, 0);
    expect(created).toHaveLength(2);
  });

  it('standing down inside an engine event tears the player down in a task of its own, after the engine is done', () => {
    const tasks: (() => void)[] = [];
    const { created, reports } = setup({ inFreshTask: (callback) => tasks.push(callback) });
    created[0]?.emit('media_info', { videoCodec: 'hvc1.1.6.L93.B0' });
    // Still inside the engine's event: mpegts.js has more to hand on; the player must stay whole.
    expect(created[0]?.calls.slice(3)).toEqual([]);
    expect(reports.at(-1)?.health).toBe('codec-unsupported');
    // Its last words are ignored: no second stand-down, no error report.
    created[0]?.emit('error', 'MediaError', 'MediaMSEError');
    expect(tasks).toHaveLength(1);
    tasks.shift()?.();
    expect(created[0]?.calls.slice(3)).toEqual(TEARDOWN);
    expect(created).toHaveLength(1);
  });

  it('detects H.265 from the media info, and plays when the camera sends H.264 again', () => {
    const { created, reports, advance } = setup();
    created[0]?.listeners.get('media_info')?.({ videoCodec: 'hvc1.1.6.L93.B0' });
    expect(reports.at(-1)?.health).toBe('codec-unsupported');
    expect(created[0]?.calls.slice(3)).toEqual(TEARDOWN);
    advance(300, 0);
    created[1]?.listeners.get('media_info')?.({ videoCodec: 'avc1.42c01e' });
    expect(reports.at(-1)?.health).toBe('connecting');
  });

  it('never lets a listener throw into mpegts.js', () => {
    const { created, reports } = setup();
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      // A media info whose getter throws, as a half-built object might.
      const hostile = {
        get videoCodec(): string {
          throw new TypeError('Invalid typed array length: 65535');
        },
      };
      expect(() => created[0]?.emit('media_info', hostile)).not.toThrow();
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
    expect(reports.at(-1)?.health).toBe('connecting');
  });

  for (const codec of [
    'avc1.000000',
    'avc1.42c000',
    'avc1.undefined',
    'avc1.42c01',
    'hvc1.',
    'vp09',
  ]) {
    it(`destroys the player and says damaged for the codec string ${codec}`, () => {
      const { created, reports } = setup();
      created[0]?.emit('media_info', { videoCodec: codec });
      expect(created[0]?.calls.slice(3)).toEqual(TEARDOWN);
      expect(reports.at(-1)?.health).toBe('damaged');
    });
  }

  it('accepts real codec strings', () => {
    const { created, reports } = setup();
    for (const codec of ['avc1.42c01e', 'avc1.640028', 'avc1.4D401F', undefined]) {
      created[0]?.emit('media_info', { videoCodec: codec });
    }
    created[0]?.emit('media_info', {});
    expect(created[0]?.calls).toEqual(['attach', 'load', 'play']);
    expect(reports.map((r) => r.health)).toEqual(['connecting']);
  });

  it('says damaged when the demuxer throws, and retries rarely, not at the watchdog pace', () => {
    const { created, reports, advance } = setup();
    created[0]?.hooks.onDataError(new RangeError('Invalid typed array length: 65535'));
    expect(created[0]?.calls.slice(3)).toEqual(TEARDOWN);
    expect(reports.at(-1)?.health).toBe('damaged');
    // The first-frame timeout (10 s) passes without a new player.
    advance(DAMAGED_RETRY_MS / 1000 - 1, 0);
    expect(created).toHaveLength(1);
    advance(1, 0);
    expect(created).toHaveLength(2);
    // Still damaged until a frame shows; then live, and the watchdog does not recreate at once.
    expect(reports.at(-1)?.health).toBe('damaged');
    advance(1);
    expect(reports.at(-1)?.health).toBe('live');
    expect(created).toHaveLength(2);
  });

  it('counts repeated MSE and format errors as damaged, others not', () => {
    const { created, reports, advance } = setup();
    for (let i = 0; i < 5; i += 1) created.at(-1)?.emit('error', 'NetworkError', 'Exception');
    expect(reports.at(-1)?.health).toBe('connecting');
    for (let i = 1; i < DAMAGED_AFTER_ERRORS; i += 1) {
      created.at(-1)?.emit('error', 'MediaError', i % 2 ? 'MediaMSEError' : 'MediaFormatError');
      advance(2, 0); // each error recreates the player, as before
      expect(reports.at(-1)?.health).not.toBe('damaged');
    }
    const count = created.length;
    created.at(-1)?.emit('error', 'MediaError', 'MediaMSEError');
    expect(reports.at(-1)?.health).toBe('damaged');
    expect(created.at(-1)?.calls.slice(3)).toEqual(TEARDOWN);
    advance(5, 0);
    expect(created).toHaveLength(count);
  });

  it('forgets decode errors once frames show', () => {
    const { created, reports, advance } = setup();
    for (let i = 1; i < DAMAGED_AFTER_ERRORS; i += 1) {
      created.at(-1)?.emit('error', 'MediaError', 'MediaMSEError');
    }
    advance(2);
    created.at(-1)?.emit('error', 'MediaError', 'MediaMSEError');
    expect(reports.at(-1)?.health).toBe('live');
  });

  it("ignores a torn-down player's events", () => {
    const { created, reports, advance } = setup();
    created[0]?.emit('error', 'NetworkError', 'Exception');
    advance(1, 0);
    expect(created).toHaveLength(2);
    created[0]?.hooks.onDataError(new RangeError('late'));
    created[0]?.emit('media_info', { videoCodec: 'avc1.000000' });
    for (let i = 0; i < DAMAGED_AFTER_ERRORS; i += 1) {
      created[0]?.emit('error', 'MediaError', 'MediaMSEError');
    }
    expect(reports.at(-1)?.health).toBe('connecting');
    expect(created[1]?.calls).toEqual(['attach', 'load', 'play']);
  });
});
