// The fragmented-MP4 engine: a tile's access units (contract/access-unit-wire.ts, the gateway's
// .au stream) packaged in the page as fragmented MP4 (fmp4-boxes.ts) and appended to a Media
// Source Extensions buffer, so the <video> decodes and presents them as with mpegts.js, without
// mpegts.js: main has already parsed the FLV, so here there is no demuxing and no remuxing, and
// no frame waits to learn its duration (fmp4-timeline.ts guesses it; mpegts.js holds each frame
// until the next one arrives, and appends after every second frame; here a frame waits for the
// next only to share an append while the buffer is comfortable, see onFrame). Measured against
// mpegts.js on the same wall (README, Benchmarks): lower glass-to-glass, the same CPU, and no
// 275 kB player chunk to load before the first picture. It offers mpegts.js's player surface
// (player-engine.ts), so the tile player's watchdog, live sync, suspension and recovery are the
// same code for both engines; mpegts.js stays for ?engine=mse and for instant replays.
import {
  accessUnitUrl,
  decodeAuMessage,
  sameAuConfig,
  type AuConfig,
  type AuFrame,
} from '../contract';
import { fragment, initSegment, sampleEntryType, trackMimeType } from './fmp4-boxes';
import { FragmentTimeline } from './fmp4-timeline';
import type { EngineHooks, EnginePlayer, PlayerEngine } from './player-engine';

export const FMP4_EVENTS = {
  error: 'error',
  mediaInfo: 'media_info',
  scriptData: 'script_data',
} as const;

export const FMP4_ERRORS = {
  network: 'NetworkError',
  media: 'MediaError',
  codecUnsupported: 'CodecUnsupported',
  mse: 'MediaMSEError',
} as const;

/** A live buffer longer than this is cut back by a seek (mpegts.js's latency chasing). */
const CHASE_ABOVE_S = 0.6;
const CHASE_TO_S = 0.2;
/** What stays behind the play position; trimmed now and then so weeks of play stay flat. */
const KEEP_BEHIND_S = 10;
const TRIM_WHEN_BEHIND_S = 30;
/** Frames that go into the media buffer together (see onFrame). */
const FRAMES_PER_APPEND = 2;
/** Pictures ahead of the play position (s) above which frames go two at a time. */
const PAIR_ABOVE_S = 0.12;
/** How often the buffer is looked at for chasing and trimming. */
const TEND_EVERY_MS = 250;
/** Clock marks for snapshots' burned-in times: a few a second is plenty (frame-clock.ts). */
const MARK_EVERY_MS = 250;

/** The browser pieces the engine uses; fakes in the unit tests. */
export interface Fmp4Platform {
  openSocket(url: string): WebSocket;
  createMediaSource(): MediaSource;
  isTypeSupported(mime: string): boolean;
  objectUrl(source: MediaSource): string;
  revokeObjectUrl(url: string): void;
  now(): number;
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

export class Fmp4Player implements EnginePlayer {
  private readonly listeners = new Map<string, Listener[]>();
  private video: HTMLMediaElement | null = null;
  private source: MediaSource | null = null;
  private sourceUrl: string | null = null;
  private buffer: SourceBuffer | null = null;
  private socket: WebSocket | null = null;
  private config: AuConfig | null = null;
  private readonly pending: Uint8Array[] = [];
  private readonly timeline = new FragmentTimeline();
  private sequence = 1;
  private nextMarkAt = 0;
  private lastTended = Number.NEGATIVE_INFINITY;
  /** Pictures ahead of the play position at the last look (s); thin until known. */
  private aheadS = 0;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly hooks: EngineHooks,
    private readonly platform: Fmp4Platform = browserFmp4Platform,
  ) {}

  on(event: string, listener: Listener): void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener);
    this.listeners.set(event, list);
  }

  attachMediaElement(element: HTMLMediaElement): void {
    const source = this.platform.createMediaSource();
    this.video = element;
    this.source = source;
    source.addEventListener('sourceopen', () => this.onSourceOpen(), { once: true });
    this.sourceUrl = this.platform.objectUrl(source);
    element.src = this.sourceUrl;
  }

  /** Opens the stream at once: what arrives before the source opens waits in `pending`. */
  load(): void {
    if (this.closed || this.socket) return;
    const socket = this.platform.openSocket(accessUnitUrl(this.url));
    socket.binaryType = 'arraybuffer';
    socket.onmessage = (event: MessageEvent) => this.onMessage(event.data);
    socket.onerror = () => this.fail(FMP4_ERRORS.network, 'the gateway connection failed');
    socket.onclose = () => this.fail(FMP4_ERRORS.network, 'the gateway closed the stream');
    this.socket = socket;
  }

  play(): Promise<void> | void {
    return this.video?.play();
  }

  pause(): void {
    this.video?.pause();
  }

  unload(): void {
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onmessage = socket.onerror = socket.onclose = null;
      socket.close();
    }
    this.pending.length = 0;
  }

  detachMediaElement(): void {
    if (this.video && this.video.getAttribute('src') === this.sourceUrl) {
      this.video.removeAttribute('src');
      this.video.load();
    }
    if (this.sourceUrl) this.platform.revokeObjectUrl(this.sourceUrl);
    this.video = null;
    this.source = null;
    this.sourceUrl = null;
    this.buffer = null;
  }

  destroy(): void {
    this.closed = true;
    this.unload();
    this.listeners.clear();
  }

  liveEdgeLead(): number {
    return this.timeline.lastFrameDuration / 1_000;
  }

  private emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }

  private fail(type: string, detail: string): void {
    if (this.closed) return;
    this.unload();
    this.emit(FMP4_EVENTS.error, type, detail);
  }

  private onMessage(data: unknown): void {
    if (this.closed || !(data instanceof ArrayBuffer)) return;
    try {
      const message = decodeAuMessage(new Uint8Array(data));
      if (message?.kind === 'config') this.onConfig(message);
      else if (message?.kind === 'frame' && this.config) this.onFrame(message);
    } catch (error) {
      // Nothing here should throw on any bytes; if it does, the tile says the picture is damaged.
      this.unload();
      this.hooks.onDataError(error);
    }
  }

  private onConfig(config: AuConfig): void {
    if (this.config && sameAuConfig(this.config, config)) return;
    if (this.config && this.config.codec !== config.codec) {
      // A camera that changed codec mid-stream: a new player starts from its new configuration.
      return this.fail(FMP4_ERRORS.network, 'the stream changed codec');
    }
    const first = this.config === null;
    this.config = config;
    // The tile player checks the codec (plausible, H.265 decodable here) and may stand down.
    this.emit(FMP4_EVENTS.mediaInfo, {
      videoCodec: config.codec,
      width: config.width,
      height: config.height,
    });
    if (this.closed || this.socket === null) return;
    const mime = trackMimeType(config.codec);
    if (sampleEntryType(config.codec) === null || !this.platform.isTypeSupported(mime)) {
      return this.fail(FMP4_ERRORS.media, FMP4_ERRORS.codecUnsupported);
    }
    // A new size or parameter sets: a new init segment, after the frames still waiting. The
    // timeline goes on (the next frame is a keyframe on the same clock).
    this.pending.push(initSegment(config));
    if (first) this.createBuffer();
    this.appendPending();
  }

  private onFrame(frame: AuFrame): void {
    const placed = this.timeline.place(frame.dts, frame.pts);
    if (placed.dts >= this.nextMarkAt || placed.dts === 0) {
      this.nextMarkAt = placed.dts + MARK_EVERY_MS;
      this.emit(FMP4_EVENTS.scriptData, { onWallClock: { t: placed.dts, at: frame.receivedAt } });
    }
    this.pending.push(
      fragment(this.sequence++, {
        dts: placed.dts,
        compositionOffset: placed.compositionOffset,
        duration: placed.duration,
        keyframe: frame.keyframe,
        data: frame.data,
      }),
    );
    // Two frames an append while the buffer is comfortable: each append costs the media
    // pipeline a fixed amount on three threads, and one a frame measured 4–5 % of a core more
    // at 16 tiles. But a frame held back is a frame's less picture ahead of the play position,
    // and with a thin buffer that was a stall every ten seconds per tile: so a keyframe (a
    // tile's first picture, the one after a stall) and any frame while the buffer is thin go
    // at once.
    const thin = this.aheadS < PAIR_ABOVE_S;
    if (frame.keyframe || thin || this.pending.length >= FRAMES_PER_APPEND) this.appendPending();
  }

  private onSourceOpen(): void {
    if (this.closed || !this.source) return;
    // The configuration may have come first and its buffer be appending already (the source's
    // state turns 'open' before this event's task runs): createBuffer then does nothing.
    this.createBuffer();
    this.appendPending();
  }

  private createBuffer(): void {
    const source = this.source;
    if (this.buffer || !this.config || !source || source.readyState !== 'open') return;
    try {
      // A live stream has no end: no duration change on every append. Set here, before the
      // source has a buffer, because a browser refuses it while any buffer is updating.
      source.duration = Infinity;
      const buffer = source.addSourceBuffer(trackMimeType(this.config.codec));
      buffer.mode = 'segments';
      buffer.addEventListener('updateend', () => this.afterAppend());
      buffer.addEventListener('error', () => this.fail(FMP4_ERRORS.media, FMP4_ERRORS.mse));
      this.buffer = buffer;
    } catch (error) {
      this.fail(FMP4_ERRORS.media, FMP4_ERRORS.mse);
      console.warn('fmp4-engine: no source buffer', error);
    }
  }

  /** Everything waiting goes in one append (one message to the media thread, not one a frame). */
  private appendPending(): void {
    const buffer = this.buffer;
    if (!buffer || buffer.updating || this.pending.length === 0 || this.closed) return;
    const data = this.pending.length === 1 ? this.pending[0]! : concat(this.pending);
    this.pending.length = 0;
    try {
      buffer.appendBuffer(data as Uint8Array<ArrayBuffer>);
    } catch (error) {
      // QuotaExceeded (a paused tile's buffer full) or a closed source: start afresh.
      console.warn('fmp4-engine: append refused', error);
      this.fail(FMP4_ERRORS.media, FMP4_ERRORS.mse);
    }
  }

  private afterAppend(): void {
    if (this.closed) return;
    const now = this.platform.now();
    if (now - this.lastTended >= TEND_EVERY_MS && this.tendBuffer()) {
      this.lastTended = now;
      return; // a removal started: its updateend comes back here, and appends what waits
    }
    this.appendPending();
  }

  /**
   * Now and then, not after every append (each read of `buffered` is a call into the media
   * pipeline): a live buffer over 0.6 s is cut back by a seek, and what is long played is
   * removed. True when a removal is under way.
   */
  private tendBuffer(): boolean {
    this.lastTended = this.platform.now();
    const video = this.video;
    const buffer = this.buffer;
    if (!video || !buffer || buffer.updating || buffer.buffered.length === 0) return false;
    const ranges = buffer.buffered;
    const start = ranges.start(0);
    const end = ranges.end(ranges.length - 1);
    this.aheadS = end - this.timeline.lastFrameDuration / 1_000 - video.currentTime;
    if (video.currentTime < start) video.currentTime = start;
    else if (!video.paused && end - video.currentTime > CHASE_ABOVE_S) {
      video.currentTime = end - CHASE_TO_S;
    }
    if (video.currentTime - start <= TRIM_WHEN_BEHIND_S) return false;
    buffer.remove(start, video.currentTime - KEEP_BEHIND_S);
    return true;
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export const fmp4Engine: PlayerEngine = {
  supported: () =>
    typeof MediaSource !== 'undefined' && MediaSource.isTypeSupported(trackMimeType('avc1.42E01E')),
  // Live only: an instant replay comes as FLV and plays with mpegts.js (replay-player.ts).
  create: (url, hooks) => new Fmp4Player(url, hooks),
  events: FMP4_EVENTS,
  codecUnsupportedDetail: FMP4_ERRORS.codecUnsupported,
  isDecodeError: (type, detail) => type === FMP4_ERRORS.media && detail === FMP4_ERRORS.mse,
};
