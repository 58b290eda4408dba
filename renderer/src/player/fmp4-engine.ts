// The fragmented-MP4 engine: a tile's access units (the gateway's .au stream) packaged as
// fragmented MP4 and appended to a Media Source Extensions buffer (fmp4-feed.ts), so the <video>
// decodes and presents them as with mpegts.js, without mpegts.js: main has already parsed the
// FLV, so here there is no demuxing and no remuxing, and no frame waits to learn its duration
// (fmp4-timeline.ts guesses it; mpegts.js holds each frame until the next one arrives). Measured
// against mpegts.js on the same wall (README, Benchmarks): lower glass-to-glass, the same CPU,
// and no 275 kB player chunk to load before the first picture. It offers mpegts.js's player
// surface (player-engine.ts), so the tile player's watchdog, live sync, suspension and recovery
// are the same code for both engines; mpegts.js stays for ?engine=mse and for instant replays.
//
// Where the browser can, the feed runs in a dedicated worker that owns the MediaSource
// (fmp4-worker-player.ts): the page's thread then neither receives the stream nor runs the
// browser's parsing of each append, which it otherwise shares with React and every other tile.
import { Fmp4Feed, FMP4_ERRORS, type FeedPlatform } from './fmp4-feed';
import { Fmp4WorkerPlayer, startFeedWorker, workerFeedsAvailable } from './fmp4-worker-player';
import { trackMimeType } from './fmp4-boxes';
import { readFeedPlace } from './engine-choice';
import { FMP4_EVENTS, PlayerEvents } from './fmp4-player-events';
import type { EngineHooks, EnginePlayer, PlayerEngine } from './player-engine';

export { FMP4_ERRORS, FMP4_EVENTS };

/** The browser pieces the page's player uses; fakes in the unit tests. */
export interface Fmp4Platform extends FeedPlatform {
  createMediaSource(): MediaSource;
  objectUrl(source: MediaSource): string;
  revokeObjectUrl(url: string): void;
}

export const browserFmp4Platform: Fmp4Platform = {
  openSocket: (url) => new WebSocket(url),
  createMediaSource: () => new MediaSource(),
  isTypeSupported: (mime) => MediaSource.isTypeSupported(mime),
  objectUrl: (source) => URL.createObjectURL(source),
  revokeObjectUrl: (url) => URL.revokeObjectURL(url),
  now: () => performance.now(),
};

type Listener = (...args: unknown[]) => void;

/** The feed in the page: the MediaSource is attached by an object URL. */
export class Fmp4Player implements EnginePlayer {
  private readonly events = new PlayerEvents();
  private video: HTMLMediaElement | null = null;
  private feed: Fmp4Feed | null = null;
  private sourceUrl: string | null = null;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly hooks: EngineHooks,
    private readonly platform: Fmp4Platform = browserFmp4Platform,
  ) {}

  on(event: string, listener: Listener): void {
    this.events.on(event, listener);
  }

  attachMediaElement(element: HTMLMediaElement): void {
    const source = this.platform.createMediaSource();
    this.video = element;
    this.feed = new Fmp4Feed(
      this.url,
      source,
      this.platform,
      {
        mediaInfo: (info) => this.events.emit(FMP4_EVENTS.mediaInfo, info),
        mark: (data) => this.events.emit(FMP4_EVENTS.scriptData, data),
        error: (type, detail) => !this.closed && this.events.emit(FMP4_EVENTS.error, type, detail),
        dataError: (error) => this.hooks.onDataError(error),
      },
      () => this.playhead(),
    );
    this.sourceUrl = this.platform.objectUrl(source);
    element.src = this.sourceUrl;
  }

  load(): void {
    if (!this.closed) this.feed?.open();
  }

  play(): Promise<void> | void {
    return this.video?.play();
  }

  pause(): void {
    this.video?.pause();
  }

  unload(): void {
    this.feed?.stop();
  }

  detachMediaElement(): void {
    if (this.video && this.video.getAttribute('src') === this.sourceUrl) {
      this.video.removeAttribute('src');
      this.video.load();
    }
    if (this.sourceUrl) this.platform.revokeObjectUrl(this.sourceUrl);
    this.feed?.close();
    this.video = null;
    this.sourceUrl = null;
  }

  destroy(): void {
    this.closed = true;
    this.feed?.close();
    this.events.clear();
  }

  liveEdgeLead(): number {
    return this.feed?.lastFrameDurationS ?? 0;
  }

  private playhead() {
    const video = this.video;
    if (!video) return null;
    return {
      get currentTime() {
        return video.currentTime;
      },
      get paused() {
        return video.paused;
      },
      seek: (to: number) => (video.currentTime = to),
    };
  }
}

/** Read once, at the first player, like the engine: `msein=page` keeps the feeds in the page. */
let feedPlace: 'worker' | 'page' | null = null;

function feedInWorker(): boolean {
  feedPlace ??= readFeedPlace(window.location);
  return feedPlace === 'worker' && workerFeedsAvailable();
}

export const fmp4Engine: PlayerEngine = {
  supported: () =>
    typeof MediaSource !== 'undefined' && MediaSource.isTypeSupported(trackMimeType('avc1.42E01E')),
  // Live only: an instant replay comes as FLV and plays with mpegts.js (replay-player.ts).
  create: (url, hooks) =>
    feedInWorker() ? new Fmp4WorkerPlayer(url, hooks) : new Fmp4Player(url, hooks),
  warmUp: () => {
    if (feedInWorker()) startFeedWorker();
  },
  events: FMP4_EVENTS,
  codecUnsupportedDetail: FMP4_ERRORS.codecUnsupported,
  isDecodeError: (type, detail) => type === FMP4_ERRORS.media && detail === FMP4_ERRORS.mse,
};
