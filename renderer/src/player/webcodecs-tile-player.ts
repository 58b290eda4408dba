// One camera's player with the WebCodecs engine (the `engine=webcodecs` experiment,
// engine-choice.ts): a sink the feed shows frames in (frame-sink.ts: a <video> playing a
// generated track, or a <canvas>; webcodecs-engine.ts), the same freshness
// watchdog and status reports as the mpegts.js player (tile-player.ts), and the same surface
// for the pool, the tiles and hidden-players.ts. When this display cannot decode the stream
// (H.265 without a platform decoder) it hands the tile to an mpegts.js TilePlayer for good.
import { sameFreshness, type PlayerFreshness } from '../status/display-state';
import { accessUnitUrl } from '../contract';
import type { WatchdogState, WatchdogStep } from './watchdog';
import { afterError, initialWatchdog, watchdogTick } from './watchdog';
import { WebCodecsFeed, type FeedEvents, type FeedPlatform } from './webcodecs-engine';
import { exposeCanvasMeasures, exposeTrackMeasures, type SinkMeasures } from './sink-measures';
import type { FrameSink } from './frame-sink';
import { registerFrameTime } from '../look/frame-times';

const WATCHDOG_INTERVAL_MS = 1_000;

/** The mpegts.js player a tile falls back to: the part of TilePlayer this player drives. */
export interface FallbackPlayer {
  readonly video: HTMLVideoElement;
  readonly isSuspended: boolean;
  mountInto(container: HTMLElement): void;
  unmountFrom(container: HTMLElement): void;
  setSuspended(on: boolean): void;
  hasPicture(): boolean;
  frameTime(mediaTime?: number): number | null;
  destroy(): void;
}

export interface WebCodecsTileDeps {
  platform?: FeedPlatform;
  /** The tile's picture: made once per player, kept across recreated feeds. */
  createSink(): FrameSink;
  /** The mpegts.js player for the same FLV URL, reporting to the same freshness. */
  fallback(url: string, onFreshness: (freshness: PlayerFreshness) => void): FallbackPlayer;
  now(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  /** Paint times for requestVideoFrameCallback callers (the benchmark's probe). */
  requestAnimationFrame?(callback: (time: number) => void): void;
}

export class WebCodecsTilePlayer {
  private readonly sink: FrameSink;
  private feed: WebCodecsFeed | null = null;
  private fallbackPlayer: FallbackPlayer | null = null;
  private container: HTMLElement | null = null;
  private watchdog: WatchdogState;
  private readonly timer: unknown;
  private readonly measures: SinkMeasures;
  private painted = 0;
  private arrivedSinceTick = false;
  private suspended = false;
  private destroyed = false;
  private health: WatchdogStep['health'] = 'connecting';
  private last: PlayerFreshness | null = null;

  constructor(
    /** The tile's FLV URL: the pool's identity, and the fallback's stream. */
    readonly url: string,
    private readonly onFreshness: (freshness: PlayerFreshness) => void,
    private readonly deps: WebCodecsTileDeps,
  ) {
    this.sink = deps.createSink();
    this.measures =
      this.sink.kind === 'canvas'
        ? exposeCanvasMeasures(this.sink.element, deps.requestAnimationFrame)
        : exposeTrackMeasures(this.sink.element);
    registerFrameTime(this.sink.element, () => this.frameTime());
    this.watchdog = initialWatchdog(deps.now());
    this.openFeed();
    this.timer = deps.setInterval(() => this.tick(), WATCHDOG_INTERVAL_MS);
    this.report();
  }

  /** The element on screen: the sink's, or the fallback's <video>. */
  get video(): HTMLElement {
    return this.fallbackPlayer?.video ?? this.sink.element;
  }

  get isSuspended(): boolean {
    return this.fallbackPlayer?.isSuspended ?? this.suspended;
  }

  /** Whether the tile fell back to mpegts.js (its codec has no WebCodecs decoder here). */
  get fellBack(): boolean {
    return this.fallbackPlayer !== null;
  }

  mountInto(container: HTMLElement): void {
    this.container = container;
    if (this.fallbackPlayer) return this.fallbackPlayer.mountInto(container);
    const element = this.sink.element;
    if (element.parentElement !== container) container.appendChild(element);
  }

  unmountFrom(container: HTMLElement): void {
    if (this.container === container) this.container = null;
    if (this.fallbackPlayer) return this.fallbackPlayer.unmountFrom(container);
    const element = this.sink.element;
    if (element.parentElement === container) container.removeChild(element);
  }

  setSuspended(on: boolean): void {
    if (this.destroyed) return;
    if (this.fallbackPlayer) return this.fallbackPlayer.setSuspended(on);
    this.suspended = on;
    this.feed?.setPaused(on);
  }

  hasPicture(): boolean {
    return this.fallbackPlayer ? this.fallbackPlayer.hasPicture() : this.painted > 0;
  }

  /** When main received the frame last shown (epoch ms); null before the first. */
  frameTime(mediaTime?: number): number | null {
    if (this.fallbackPlayer) return this.fallbackPlayer.frameTime(mediaTime);
    return this.feed?.lastPaintedReceivedAt ?? null;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.deps.clearInterval(this.timer);
    this.feed?.close();
    this.feed = null;
    this.sink.close();
    this.fallbackPlayer?.destroy();
  }

  private openFeed(): void {
    const events: FeedEvents = {
      onPainted: () => {
        this.painted += 1;
        this.measures.painted();
      },
      onArrived: () => (this.arrivedSinceTick = true),
      onUnsupported: (codec) => this.fallBack(codec),
      onError: (message) => this.onFeedError(message),
    };
    this.feed = new WebCodecsFeed(accessUnitUrl(this.url), this.sink, events, this.deps.platform);
    this.feed.setPaused(this.suspended);
    this.measures.counting(this.feed.counters);
  }

  private onFeedError(message: string): void {
    if (this.destroyed) return;
    console.warn(`webcodecs-tile: ${message}`);
    this.feed = null;
    this.watchdog = afterError(this.watchdog, this.deps.now());
    this.report();
  }

  /** For good: a camera that changes codec is seen by the fallback's own checks. */
  private fallBack(codec: string): void {
    if (this.destroyed || this.fallbackPlayer) return;
    console.info(`webcodecs-tile: no WebCodecs decoder for ${codec}; using mpegts.js`);
    this.deps.clearInterval(this.timer);
    this.feed?.close();
    this.feed = null;
    const wasSuspended = this.suspended;
    const container = this.container;
    this.sink.close();
    this.fallbackPlayer = this.deps.fallback(this.url, this.onFreshness);
    if (wasSuspended) this.fallbackPlayer.setSuspended(true);
    if (container) this.fallbackPlayer.mountInto(container);
  }

  private tick(): void {
    if (this.destroyed || this.fallbackPlayer) return;
    const step = watchdogTick(this.watchdog, {
      now: this.deps.now(),
      totalFrames: this.painted,
      presented: this.suspended && this.arrivedSinceTick,
    });
    this.arrivedSinceTick = false;
    this.watchdog = step.state;
    if (step.action === 'jump-to-live' && !this.suspended) this.feed?.restartAtKeyframe();
    else if (step.action === 'recreate') {
      this.feed?.close();
      this.openFeed();
    }
    this.health = step.health;
    this.report();
  }

  private report(): void {
    const next: PlayerFreshness = { health: this.health, lastFrameAt: this.watchdog.lastFrameAt };
    if (sameFreshness(this.last, next)) return;
    this.last = next;
    this.onFreshness(next);
  }
}
