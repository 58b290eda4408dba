// One camera's player, owned outside React's render path: it holds the <video> element and the
// mpegts.js player, runs the freshness watchdog each second, and recovers in stages (jump to
// live, recreate with backoff). React tiles only mount its <video> into their box.
import type { PlayerFreshness } from '../status/display-state';
import type { EnginePlayer, PlayerEngine } from './player-engine';
import type { WatchdogState, WatchdogStep } from './watchdog';
import { afterError, afterRecreate, initialWatchdog, watchdogTick } from './watchdog';
import { isH265Codec, isPlausibleCodec } from './codec-support';
import { FrameClock, clockMarkOf } from '../look/frame-clock';
import { registerFrameTime } from '../look/frame-times';

const WATCHDOG_INTERVAL_MS = 1_000;
/** Decode errors in a row (no frame between) after which the stream counts as damaged. */
export const DAMAGED_AFTER_ERRORS = 3;
/**
 * A damaged stream is retried this rarely: each new player makes a SourceBuffer from whatever
 * the stream claims, and main reconnects and re-checks the camera meanwhile anyway.
 */
export const DAMAGED_RETRY_MS = 30_000;
/**
 * A codec this display cannot decode (H.265 here) is checked again this rarely: until then the
 * tile holds no player, so its gateway connection closes and main stops relaying what nobody
 * can show; a camera switched to H.264 meanwhile plays at the next check.
 */
export const UNDECODABLE_RETRY_MS = 5 * 60_000;

/** What the tile player needs from its surroundings (real ones in pool-instance.ts). */
export interface TilePlayerDeps {
  engine: PlayerEngine;
  createVideo(): HTMLVideoElement;
  canDecodeH265(): boolean;
  now(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

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
  /** When main received each keyframe shown, and the media time of the frame on screen. */
  private readonly clock = new FrameClock();
  private shownMediaTime: number | null = null;

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
    this.watchdog = initialWatchdog(deps.now());
    this.createPlayer();
    this.watchFrames();
    this.timer = deps.setInterval(() => this.tick(), WATCHDOG_INTERVAL_MS);
    this.report();
  }

  /** When main received the frame on screen (epoch ms): a snapshot's time; null before a mark. */
  frameTime(mediaTime?: number): number | null {
    return this.clock.epochAt(mediaTime ?? this.shownMediaTime ?? this.video.currentTime);
  }

  /** Moves the <video> into a tile's box; a camera that changes cells keeps playing. */
  mountInto(container: HTMLElement): void {
    if (this.video.parentElement !== container) container.appendChild(this.video);
    void this.video.play().catch(() => undefined);
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
    const { engine } = this.deps;
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
    this.shownMediaTime = null;
    if (engine.events.scriptData) {
      player.on(engine.events.scriptData, (data) => {
        const mark = player === this.player ? clockMarkOf(data) : null;
        if (mark) this.clock.add(mark);
      });
    }
    player.attachMediaElement(this.video);
    player.load();
    void Promise.resolve(player.play()).catch(() => undefined);
    this.player = player;
  }

  /** The teardown order mpegts.js needs to release the MediaSource and the socket. */
  private destroyPlayer(): void {
    const player = this.player;
    this.player = null;
    if (!player) return;
    try {
      player.pause();
      player.unload();
      player.detachMediaElement();
      player.destroy();
    } catch (error) {
      console.warn('tile-player: teardown failed', error);
    }
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

  /** Tears the player down and makes no other until `forMs` has passed. */
  private standDown(forMs: number): void {
    this.destroyPlayer();
    this.standDownUntil = this.deps.now() + forMs;
    this.report();
  }

  private shortUrl(): string {
    return this.url.replace(/\/[^/]{32,}\//, '/…/');
  }

  private watchFrames(): void {
    if (typeof this.video.requestVideoFrameCallback !== 'function') return;
    const onFrame = (_now: number, frame: VideoFrameCallbackMetadata): void => {
      this.presented = true;
      this.shownMediaTime = frame.mediaTime;
      if (!this.destroyed) this.frameCallback = this.video.requestVideoFrameCallback(onFrame);
    };
    this.frameCallback = this.video.requestVideoFrameCallback(onFrame);
  }

  private tick(): void {
    const quality = this.video.getVideoPlaybackQuality?.();
    const step = watchdogTick(this.watchdog, {
      now: this.deps.now(),
      totalFrames: quality?.totalVideoFrames ?? 0,
      presented: this.presented,
    });
    this.presented = false;
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
    } else if (step.action === 'jump-to-live') this.jumpToLive();
    else if (step.action === 'recreate') this.recreate();
    // Chromium pauses a video that was briefly out of the document; a wall never pauses.
    if (this.video.paused && this.video.isConnected) void this.video.play().catch(() => undefined);
    this.health = step.health;
    this.report();
  }

  private jumpToLive(): void {
    const { buffered } = this.video;
    if (buffered.length === 0) return;
    const end = buffered.end(buffered.length - 1);
    if (end - this.video.currentTime > 0.3) this.video.currentTime = Math.max(0, end - 0.1);
  }

  private report(): void {
    const next: PlayerFreshness = {
      health: this.codecUnsupported ? 'codec-unsupported' : this.damaged ? 'damaged' : this.health,
      lastFrameAt: this.watchdog.lastFrameAt,
    };
    // Push only changes of state, not every frame: while live nothing re-renders.
    const same =
      this.last !== null &&
      this.last.health === next.health &&
      (next.health === 'live' || this.last.lastFrameAt === next.lastFrameAt);
    if (same) return;
    this.last = next;
    this.onFreshness(next);
  }
}
