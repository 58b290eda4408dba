// A tile's fragmented-MP4 player whose feed runs in the shared worker (fmp4-worker.ts): the page
// keeps the <video>, attaches the worker's MediaSource handle to it, reports where it plays four
// times a second, carries out the feed's seeks, and hears its events as mpegts.js's players emit
// them (player-engine.ts).
import type { EngineHooks, EnginePlayer } from './player-engine';
import { sharedNow, type FromWorker, type ToWorker } from './fmp4-worker-protocol';
import { SpareClaims } from './fmp4-spare-claims';
import { FMP4_EVENTS, PlayerEvents } from './fmp4-player-events';
import { takeEarlyFeedWorker } from './early-feed-worker';

/** How often the page tells the worker where each <video> plays. */
const REPORT_EVERY_MS = 250;

/** Chromium since 108 can run MediaSource in a dedicated worker; Electron's does. */
export function workerFeedsAvailable(): boolean {
  return (
    !feedWorker.broken &&
    typeof Worker !== 'undefined' &&
    typeof MediaSource !== 'undefined' &&
    (MediaSource as unknown as { canConstructInDedicatedWorker?: boolean })
      .canConstructInDedicatedWorker === true
  );
}

/** The one worker and the players it serves. */
class FeedWorker {
  /** The worker failed (its script did not load or threw): players feed in the page from now. */
  broken = false;
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly players = new Map<number, Fmp4WorkerPlayer>();
  private readonly spares = new SpareClaims();
  private timer: ReturnType<typeof setInterval> | null = null;

  open(player: Fmp4WorkerPlayer, url: string): number {
    const id = this.nextId++;
    this.players.set(id, player);
    // The feed plays into a spare source the worker made ahead; its handle goes to the <video>
    // now if the page has it, else when it comes (a player closed meanwhile has none to take).
    const spare = this.spares.claim((handle) =>
      this.players.get(id)?.fromWorker({ kind: 'handle', id, handle }),
    );
    this.send({ kind: 'open', id, url, spare });
    this.timer ??= setInterval(() => this.report(), REPORT_EVERY_MS);
    return id;
  }

  close(id: number): void {
    if (!this.players.delete(id)) return;
    this.send({ kind: 'close', id });
    if (this.players.size === 0 && this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /**
   * Starts the worker if it is not running: the one the page's head started when there is one
   * (early-feed-worker.ts), with the spare sources it already sent. At boot this runs before the
   * first reads go out, so the worker is ready with its spares when the first tiles start.
   */
  start(): Worker {
    if (this.worker) return this.worker;
    const early = takeEarlyFeedWorker(globalThis as unknown as Window);
    const worker =
      early?.worker ?? new Worker(new URL('./fmp4-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }: MessageEvent<FromWorker>) => this.hear(data);
    worker.onerror = (event) => this.fail(event.message);
    this.worker = worker;
    for (const data of early?.received ?? []) this.hear(data as FromWorker);
    if (early?.failed) this.fail(early.failed);
    return worker;
  }

  private hear(data: FromWorker): void {
    if (data.kind === 'spares') this.spares.arrive(data.sources);
    else this.players.get(data.id)?.fromWorker(data);
  }

  private send(message: ToWorker): void {
    this.start().postMessage(message);
  }

  /** Every player it served says its stream failed; their tiles make new players, in the page. */
  private fail(why: string): void {
    console.error('fmp4-worker: failed; tiles now feed their video in the page', why);
    this.broken = true;
    this.spares.clear();
    // An uncaught error need not stop a worker: end it, so no feed of the old players streams on.
    this.worker?.terminate();
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    const players = [...this.players];
    this.players.clear();
    for (const [id, player] of players) {
      player.fromWorker({
        kind: 'error',
        id,
        type: 'NetworkError',
        detail: 'the stream worker failed',
      });
    }
  }

  private report(): void {
    const at = sharedNow();
    const list = [...this.players].flatMap(([id, player]) => {
      const video = player.element;
      return video
        ? [
            {
              id,
              currentTime: video.currentTime,
              paused: video.paused,
              playbackRate: video.playbackRate,
              at,
            },
          ]
        : [];
    });
    if (list.length > 0) this.send({ kind: 'playheads', list });
  }
}

const feedWorker = new FeedWorker();

/** Starts the feed worker ahead of its first player (see FeedWorker.start). */
export function startFeedWorker(): void {
  if (workerFeedsAvailable()) feedWorker.start();
}

/** TypeScript's DOM types do not list a MediaSourceHandle among a media element's sources yet. */
const withHandle = (video: HTMLMediaElement) =>
  video as unknown as { srcObject: MediaSourceHandle | MediaProvider | null };

export class Fmp4WorkerPlayer implements EnginePlayer {
  private readonly events = new PlayerEvents();
  private video: HTMLMediaElement | null = null;
  private id: number | null = null;
  private handle: MediaSourceHandle | null = null;
  private leadS = 0;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly hooks: EngineHooks,
  ) {}

  get element(): HTMLMediaElement | null {
    return this.video;
  }

  on(event: string, listener: (...args: unknown[]) => void): void {
    this.events.on(event, listener);
  }

  attachMediaElement(element: HTMLMediaElement): void {
    this.video = element;
  }

  load(): void {
    if (this.closed || this.id !== null) return;
    this.id = feedWorker.open(this, this.url);
  }

  play(): Promise<void> | void {
    return this.video?.play();
  }

  pause(): void {
    this.video?.pause();
  }

  unload(): void {
    if (this.id !== null) feedWorker.close(this.id);
    this.id = null;
  }

  detachMediaElement(): void {
    if (this.video && this.handle && withHandle(this.video).srcObject === this.handle) {
      withHandle(this.video).srcObject = null;
      this.video.load();
    }
    this.video = null;
    this.handle = null;
  }

  destroy(): void {
    this.closed = true;
    this.unload();
    this.events.clear();
  }

  liveEdgeLead(): number {
    return this.leadS;
  }

  /** What the worker said of this player's feed. */
  fromWorker(message: Exclude<FromWorker, { kind: 'spares' }>): void {
    if (this.closed) return;
    switch (message.kind) {
      case 'handle':
        this.handle = message.handle;
        if (this.video) withHandle(this.video).srcObject = message.handle;
        return;
      case 'media-info':
        return this.events.emit(FMP4_EVENTS.mediaInfo, message.info);
      case 'mark':
        this.leadS = message.leadS;
        return this.events.emit(FMP4_EVENTS.scriptData, message.data);
      case 'error':
        return this.events.emit(FMP4_EVENTS.error, message.type, message.detail);
      case 'data-error':
        return this.hooks.onDataError(new Error(message.message));
      case 'seek':
        if (this.video) this.video.currentTime = message.to;
        return;
    }
  }
}
