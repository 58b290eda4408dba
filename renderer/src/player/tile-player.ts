// One camera's player, owned outside React's render path: it holds the <video> element and the
// mpegts.js player, runs the freshness watchdog each second, and recovers in stages (jump to
// live, recreate with backoff). React tiles only mount its <video> into their box.
import mpegts from 'mpegts.js';
import type { PlayerFreshness } from '../status/display-state';
import type { WatchdogState } from './watchdog';
import { afterError, initialWatchdog, watchdogTick } from './watchdog';
import { isH265Codec, canDecodeH265 } from './codec-support';

const WATCHDOG_INTERVAL_MS = 1_000;

// mpegts.js logs every segment at info level; over weeks that is only noise. Keep warnings.
mpegts.LoggingControl.applyConfig({
  enableAll: false,
  enableDebug: false,
  enableVerbose: false,
  enableInfo: false,
  enableWarn: true,
  enableError: true,
});

/** Live, low-latency FLV; `autoCleanupSourceBuffer` keeps memory flat over weeks of running. */
function playerConfig(): mpegts.Config {
  return {
    enableWorker: false,
    enableStashBuffer: false,
    isLive: true,
    lazyLoad: false,
    liveBufferLatencyChasing: true,
    liveBufferLatencyMaxLatency: 1.2,
    liveBufferLatencyMinRemain: 0.3,
    autoCleanupSourceBuffer: true,
    autoCleanupMaxBackwardDuration: 30,
    autoCleanupMinBackwardDuration: 10,
  };
}

export class TilePlayer {
  readonly video: HTMLVideoElement;
  private player: mpegts.Player | null = null;
  private watchdog: WatchdogState;
  private timer: ReturnType<typeof setInterval> | null = null;
  private presented = false;
  private frameCallback: number | null = null;
  private codecUnsupported = false;
  private last: PlayerFreshness | null = null;
  private destroyed = false;

  constructor(
    readonly url: string,
    private readonly onFreshness: (freshness: PlayerFreshness) => void,
  ) {
    this.video = document.createElement('video');
    this.video.muted = true;
    this.video.playsInline = true;
    this.video.autoplay = true;
    this.video.disablePictureInPicture = true;
    this.video.className = 'tile-video';
    this.watchdog = initialWatchdog(Date.now());
    this.createPlayer();
    this.watchFrames();
    this.timer = setInterval(() => this.tick(), WATCHDOG_INTERVAL_MS);
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
    if (this.timer !== null) clearInterval(this.timer);
    if (this.frameCallback !== null) this.video.cancelVideoFrameCallback(this.frameCallback);
    this.destroyPlayer();
    this.video.remove();
    this.video.removeAttribute('src');
  }

  private createPlayer(): void {
    if (!mpegts.getFeatureList().mseLivePlayback) {
      console.error('tile-player: this display has no MSE live playback');
      return;
    }
    const player = mpegts.createPlayer(
      { type: 'flv', isLive: true, url: this.url, hasAudio: false },
      playerConfig(),
    );
    player.on(mpegts.Events.ERROR, (type: string, detail: string) => this.onError(type, detail));
    player.on(mpegts.Events.MEDIA_INFO, (info: mpegts.MSEPlayerMediaInfo) =>
      this.onMediaInfo(info),
    );
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
    if (detail === mpegts.ErrorDetails.MEDIA_CODEC_UNSUPPORTED) this.codecUnsupported = true;
    this.watchdog = afterError(this.watchdog, Date.now());
    this.report();
  }

  private onMediaInfo(info: mpegts.MSEPlayerMediaInfo): void {
    // Our own check, so an H.265 camera says why instead of staying black.
    this.codecUnsupported = isH265Codec(info.videoCodec) && !canDecodeH265();
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
      now: Date.now(),
      totalFrames: quality?.totalVideoFrames ?? 0,
      presented: this.presented,
    });
    this.presented = false;
    this.watchdog = step.state;
    if (step.action === 'jump-to-live') this.jumpToLive();
    if (step.action === 'recreate') this.recreate();
    // Chromium pauses a video that was briefly out of the document; a wall never pauses.
    if (this.video.paused && this.video.isConnected) void this.video.play().catch(() => undefined);
    this.report(step.health);
  }

  private jumpToLive(): void {
    const { buffered } = this.video;
    if (buffered.length === 0) return;
    const end = buffered.end(buffered.length - 1);
    if (end - this.video.currentTime > 0.3) this.video.currentTime = Math.max(0, end - 0.1);
  }

  private report(health = this.last?.health ?? 'connecting'): void {
    const next: PlayerFreshness = {
      health: this.codecUnsupported ? 'codec-unsupported' : health,
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
