// One camera's player, owned outside React's render path: it holds the <video> element and its
// engine's player (fragmented MP4 by default, or mpegts.js: player-engine.ts), runs the
// freshness watchdog each second, and recovers in stages (jump to live, recreate with backoff).
// React tiles only mount its <video> into their box.
import { sameFreshness, type PlayerFreshness } from '../status/display-state';
import type { EnginePlayer } from './player-engine';
import type { TilePlayerDeps } from './tile-player-deps';
import type { WatchdogState, WatchdogStep } from './watchdog';
import { afterError, afterRecreate, initialWatchdog, watchdogTick } from './watchdog';
import { isH265Codec, isPlausibleCodec } from './codec-support';
import { bufferedEnd, seekNearEdge } from './video-edge';
import {
  DAMAGED_AFTER_ERRORS,
  DAMAGED_RETRY_MS,
  UNDECODABLE_RETRY_MS,
  SUSPENDED_MAX_AHEAD_S,
} from './tile-player-timings';
import { FrameClock, clockMarkOf } from '../look/frame-clock';
import { LiveSyncPolicy } from './live-sync';
import { registerFrameTime } from '../look/frame-times';

const WATCHDOG_INTERVAL_MS = 1_000;
export { DAMAGED_AFTER_ERRORS, DAMAGED_RETRY_MS, UNDECODABLE_RETRY_MS, SUSPENDED_MAX_AHEAD_S };
export type { TilePlayerDeps };

export class TilePlayer {
  readonly video: HTMLVideoElement;
  private player: EnginePlayer | null = null;
  private watchdog: WatchdogState;
  private readonly timer: unknown;
  private presented = false;
  private frameCallback: number | null = null;
  private codecUnsupported = false;
  private last: PlayerFreshness | null = null;
  /** The watchdog's verdict, kept apart from the codec verdict that overrides it. */
  private health: WatchdogStep['health'] = 'connecting';
  private destroyed = false;
  /** The demuxer could not read the stream; cleared only by frames on screen. */
  private damaged = false;
  private decodeErrors = 0;
  /** While standing down (damaged or undecodable) without a player: when to try a new one. */
  private standDownUntil: number | null = null;
  /** Hidden behind a maximised tile: paused, so nothing is decoded (hidden-players.ts). */
  private suspended = false;
  private lastBufferedEnd = 0;
  /** When main received each keyframe shown (the clock marks). */
  private readonly clock = new FrameClock();
  /** How far behind live this tile plays; mpegts.js's own live sync is off (live-sync.ts). */
  private readonly liveSync = new LiveSyncPolicy();

  constructor(
    readonly url: string,
    private readonly onFreshness: (freshness: PlayerFreshness) => void,
    private readonly deps: TilePlayerDeps,
  ) {
    this.video = deps.createVideo();
    this.video.muted = true;
    this.video.playsInline = true;
    this.video.autoplay = true;
    this.video.disablePictureInPicture = true;
    this.video.className = 'tile-video';
    registerFrameTime(this.video, (mediaTime) => this.frameTime(mediaTime));
    this.video.addEventListener('timeupdate', () => this.syncToLive());
    this.watchdog = initialWatchdog(deps.now());
    this.createPlayer();
    this.watchFrames();
    this.timer = deps.setInterval(() => this.tick(), WATCHDOG_INTERVAL_MS);
    this.report();
  }

  /** When main received the frame on screen (epoch ms): a snapshot's time; null before a mark. */
  frameTime(mediaTime?: number): number | null {
    return this.clock.epochAt(mediaTime ?? this.video.currentTime);
  }

  /** Moves the <video> into a tile's box; a camera that changes cells keeps playing. */
  mountInto(container: HTMLElement): void {
    if (this.video.parentElement !== container) container.appendChild(this.video);
    if (!this.suspended) void this.video.play().catch(() => undefined);
  }

  /**
   * A hidden tile keeps its stream, so its freshness stays true for the banner, but decodes
   * nothing: the video is paused (Chromium's decoder stops once its few queued frames are
   * full) and the watchdog counts arriving bytes instead of frames. Resuming jumps to live.
   */
  setSuspended(on: boolean): void {
    if (on === this.suspended || this.destroyed) return;
    this.suspended = on;
    this.video.autoplay = !on;
    if (on) return this.video.pause();
    this.jumpToLive();
    void this.video.play().catch(() => undefined);
  }

  /** The <video> has a picture to show (HAVE_CURRENT_DATA): a tile taking it is not black. */
  hasPicture(): boolean {
    return this.video.readyState >= 2;
  }

  get isSuspended(): boolean {
    return this.suspended;
  }

  unmountFrom(container: HTMLElement): void {
    if (this.video.parentElement === container) container.removeChild(this.video);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.deps.clearInterval(this.timer);
    if (this.frameCallback !== null) this.video.cancelVideoFrameCallback(this.frameCallback);
    this.destroyPlayer();
    this.video.remove();
    this.video.removeAttribute('src');
  }

  private createPlayer(): void {
    const { engine, engineLoaded, loadEngine } = this.deps;
    if (engineLoaded && loadEngine && !engineLoaded()) {
      // The page painted before the player code arrived: start as soon as it does.
      loadEngine().then(
        () => {
          if (!this.destroyed && this.player === null && this.standDownUntil === null) {
            this.createPlayer();
          }
        },
        (error: unknown) => console.error('tile-player: the player code did not load', error),
      );
      return;
    }
    if (!engine.supported()) {
      console.error('tile-player: this display has no MSE live playback');
      return;
    }
    const player = engine.create(this.url, {
      onDataError: (error) => this.guard(() => this.onDataError(player, error)),
    });
    // mpegts.js calls listeners inside its own parsing: a throw here must not escape into it.
    player.on(engine.events.error, (type, detail) =>
      this.guard(() => this.onError(player, String(type), String(detail))),
    );
    player.on(engine.events.mediaInfo, (info) => this.guard(() => this.onMediaInfo(player, info)));
    // Each player starts a new timeline, and its marks with it.
    this.clock.clear();
    if (engine.events.scriptData) {
      player.on(engine.events.scriptData, (data) => {
        const mark = player === this.player ? clockMarkOf(data) : null;
        if (mark) this.clock.add(mark);
      });
    }
    player.attachMediaElement(this.video);
    player.load();
    if (!this.suspended) void Promise.resolve(player.play()).catch(() => undefined);
    this.player = player;
  }

  private destroyPlayer(): void {
    const player = this.player;
    this.player = null;
    if (player) teardown(player);
  }

  private recreate(): void {
    this.destroyPlayer();
    this.createPlayer();
  }

  private guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      console.error('tile-player: a player event failed', error);
    }
  }

  private onError(from: EnginePlayer, type: string, detail: string): void {
    if (from !== this.player) return; // a torn-down player's last words
    console.warn(`tile-player: ${this.shortUrl()} ${type} ${detail}`);
    if (detail === this.deps.engine.codecUnsupportedDetail) return this.markUndecodable();
    if (this.deps.engine.isDecodeError(type, detail)) {
      this.decodeErrors += 1;
      if (this.decodeErrors >= DAMAGED_AFTER_ERRORS) return this.markDamaged();
    }
    this.watchdog = afterError(this.watchdog, this.deps.now());
    this.report();
  }

  /** The demuxer threw on the bytes (the guarded loader caught it): nothing here can play them. */
  private onDataError(from: EnginePlayer, error: unknown): void {
    if (from !== this.player) return;
    console.warn(`tile-player: ${this.shortUrl()} the stream cannot be demuxed`, error);
    this.markDamaged();
  }

  private onMediaInfo(from: EnginePlayer, info: unknown): void {
    if (from !== this.player) return;
    const codec =
      typeof info === 'object' && info !== null && 'videoCodec' in info && info.videoCodec != null
        ? String(info.videoCodec)
        : undefined;
    // mpegts.js builds the codec string from SPS bytes unchecked; nonsense means a damaged
    // configuration, and every player made for it would only make more SourceBuffers.
    if (!isPlausibleCodec(codec)) {
      console.warn(`tile-player: ${this.shortUrl()} codec string ${JSON.stringify(codec)}`);
      return this.markDamaged();
    }
    // Our own check, so an H.265 camera says why instead of staying black.
    if (isH265Codec(codec) && !this.deps.canDecodeH265()) return this.markUndecodable();
    this.codecUnsupported = false;
    this.report();
  }

  private markDamaged(): void {
    this.damaged = true;
    this.decodeErrors = 0;
    this.standDown(DAMAGED_RETRY_MS);
  }

  private markUndecodable(): void {
    this.codecUnsupported = true;
    this.standDown(UNDECODABLE_RETRY_MS);
  }

  /**
   * Tears the player down and makes no other until `forMs` has passed. This runs inside the
   * engine's own events, and mpegts.js hands on what it parsed in microtasks (its transmuxer's
   * `Promise.resolve().then(emit)`): torn down here, those would throw on its emptied emitter
   * (mpegts.js issue #63), an uncaught error in the page. So the player is let go of now (its
   * last words are ignored) and torn down in a task of its own, after them. Nothing else uses
   * the <video> meanwhile: no new player comes before the stand-down ends.
   */
  private standDown(forMs: number): void {
    const player = this.player;
    this.player = null;
    if (player) this.deps.inFreshTask(() => teardown(player));
    this.standDownUntil = this.deps.now() + forMs;
    this.report();
  }

  private shortUrl(): string {
    return this.url.replace(/\/[^/]{32,}\//, '/…/');
  }

  /**
   * Asks to hear of the next presented frame, once. The watchdog only needs to know whether a
   * frame reached the screen since its last tick, so it re-arms this at each tick: one callback
   * per tile per second instead of one per frame (400 a second at 16 tiles of 25 fps).
   */
  private watchFrames(): void {
    if (this.frameCallback !== null || this.destroyed) return;
    if (typeof this.video.requestVideoFrameCallback !== 'function') return;
    this.frameCallback = this.video.requestVideoFrameCallback(() => {
      this.frameCallback = null;
      this.presented = true;
    });
  }

  /** On each time update: the playback rate that keeps this tile at its live-sync level. */
  private syncToLive(): void {
    const end = bufferedEnd(this.video);
    if (this.suspended || end === null) return;
    const ahead = end - (this.player?.liveEdgeLead?.() ?? 0) - this.video.currentTime;
    const rate = this.liveSync.rate(ahead, this.video.playbackRate);
    if (rate !== this.video.playbackRate) this.video.playbackRate = rate;
  }

  private tick(): void {
    const quality = this.video.getVideoPlaybackQuality?.();
    this.liveSync.tick(quality?.droppedVideoFrames ?? 0, this.deps.now());
    // For whoever looks at the page; written only when it changes (no DOM work per tick).
    const level = this.liveSync.safer ? 'safer' : 'thin';
    if (this.video.dataset.liveSync !== level) this.video.dataset.liveSync = level;
    const step = watchdogTick(this.watchdog, {
      now: this.deps.now(),
      totalFrames: quality?.totalVideoFrames ?? 0,
      presented: this.presented || this.bytesArrivedWhileSuspended(),
    });
    this.presented = false;
    this.watchFrames();
    const framesAdvanced = step.state.lastFrameAt !== this.watchdog.lastFrameAt;
    this.watchdog = step.state;
    if (framesAdvanced) {
      // Frames reached the screen: whatever was damaged is no longer.
      this.damaged = false;
      this.decodeErrors = 0;
    }
    if (this.standDownUntil !== null) {
      // Standing down: only the retry at its time makes a new player, not the watchdog.
      if (this.deps.now() >= this.standDownUntil) {
        this.standDownUntil = null;
        this.watchdog = afterRecreate(this.watchdog, this.deps.now());
        this.createPlayer();
      }
    } else if (step.action === 'jump-to-live' && !this.suspended) this.jumpToLive();
    else if (step.action === 'recreate') this.recreate();
    // Chromium pauses a video that was briefly out of the document; a wall never pauses.
    // A paused video's buffer only grows forward (cleanup trims behind the play position): a
    // hidden tile moves to the live edge now and then, one GOP's decode instead of every frame.
    if (this.suspended) seekNearEdge(this.video, SUSPENDED_MAX_AHEAD_S);
    else if (this.video.paused && this.video.isConnected) void this.video.play().catch(() => {});
    this.health = step.health;
    this.report();
  }

  /** While suspended, stream data still arriving is what says the camera is live. */
  private bytesArrivedWhileSuspended(): boolean {
    if (!this.suspended) return false;
    const end = bufferedEnd(this.video) ?? 0;
    const advanced = end > this.lastBufferedEnd;
    this.lastBufferedEnd = end;
    return advanced;
  }

  private jumpToLive(): void {
    seekNearEdge(this.video, 0.3);
  }

  private report(): void {
    const next: PlayerFreshness = {
      health: this.codecUnsupported ? 'codec-unsupported' : this.damaged ? 'damaged' : this.health,
      lastFrameAt: this.watchdog.lastFrameAt,
    };
    if (sameFreshness(this.last, next)) return;
    this.last = next;
    this.onFreshness(next);
  }
}

/** The teardown order mpegts.js needs to release the MediaSource and the socket. */
function teardown(player: EnginePlayer): void {
  try {
    player.pause();
    player.unload();
    player.detachMediaElement();
    player.destroy();
  } catch (error) {
    console.warn('tile-player: teardown failed', error);
  }
}
