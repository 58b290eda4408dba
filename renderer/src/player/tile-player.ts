// One camera's player, owned outside React's render path: it holds the <video> element and the
// mpegts.js player, runs the freshness watchdog each second, and recovers in stages (jump to
// live, recreate with backoff). React tiles only mount its <video> into their box.
import type { PlayerFreshness } from '../status/display-state';
import type { EnginePlayer, PlayerEngine } from './player-engine';
import type { WatchdogState, WatchdogStep } from './watchdog';
import { afterError, initialWatchdog, watchdogTick } from './watchdog';
import { isH265Codec } from './codec-support';

const WATCHDOG_INTERVAL_MS = 1_000;

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
    this.watchdog = initialWatchdog(deps.now());
    this.createPlayer();
    this.watchFrames();
    this.timer = deps.setInterval(() => this.tick(), WATCHDOG_INTERVAL_MS);
    this.report();
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
    const player = engine.create(this.url);
    player.on(engine.events.error, (type, detail) => this.onError(String(type), String(detail)));
    player.on(engine.events.mediaInfo, (info) => this.onMediaInfo(info));
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

  private onError(type: string, detail: string): void {
    console.warn(`tile-player: ${this.url.replace(/\/[^/]{32,}\//, '/…/')} ${type} ${detail}`);
    if (detail === this.deps.engine.codecUnsupportedDetail) this.codecUnsupported = true;
    this.watchdog = afterError(this.watchdog, this.deps.now());
    this.report();
  }

  private onMediaInfo(info: unknown): void {
    const codec =
      typeof info === 'object' && info !== null && 'videoCodec' in info
        ? String(info.videoCodec)
        : undefined;
    // Our own check, so an H.265 camera says why instead of staying black.
    this.codecUnsupported = isH265Codec(codec) && !this.deps.canDecodeH265();
    this.report();
  }

  private watchFrames(): void {
    if (typeof this.video.requestVideoFrameCallback !== 'function') return;
    const onFrame = (): void => {
      this.presented = true;
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
    this.watchdog = step.state;
    if (step.action === 'jump-to-live') this.jumpToLive();
    if (step.action === 'recreate') this.recreate();
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
      health: this.codecUnsupported ? 'codec-unsupported' : this.health,
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
