// One tile's stream into one MediaSource: the gateway's access units (contract/access-unit-wire.ts,
// the .au stream) packaged as fragmented MP4 (fmp4-boxes.ts) and appended to a SourceBuffer, the
// buffer kept near the live edge (a seek) and trimmed behind the play position. It knows the
// <video> only through a `Playhead`, so the same code runs in the page (fmp4-engine.ts) and in a
// dedicated worker that owns the MediaSource (fmp4-worker.ts), where the media element is out of
// reach and the page reports its position a few times a second.
import {
  accessUnitUrl,
  decodeAuMessage,
  sameAuConfig,
  type AuConfig,
  type AuFrame,
} from '../contract';
import { fragment, initSegment, sampleEntryType, trackMimeType } from './fmp4-boxes';
import { FragmentTimeline } from './fmp4-timeline';

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

/** Where the <video> is: read directly in the page, reported by the page in a worker. */
export interface Playhead {
  currentTime: number;
  paused: boolean;
  seek(to: number): void;
}

/** The pieces of the browser (page or worker) the feed uses; fakes in the unit tests. */
export interface FeedPlatform {
  openSocket(url: string): WebSocket;
  isTypeSupported(mime: string): boolean;
  now(): number;
}

/** What the feed tells its player: mpegts.js's event names and arguments (player-engine.ts). */
export interface FeedEvents {
  mediaInfo(info: { videoCodec: string; width: number; height: number }): void;
  mark(data: { onWallClock: { t: number; at: number } }): void;
  error(type: string, detail: string): void;
  dataError(error: unknown): void;
}

export class Fmp4Feed {
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
    private readonly source: MediaSource,
    private readonly platform: FeedPlatform,
    private readonly events: FeedEvents,
    private readonly playhead: () => Playhead | null,
  ) {
    source.addEventListener('sourceopen', () => this.onSourceOpen(), { once: true });
  }

  /** Opens the stream at once: what arrives before the source opens waits in `pending`. */
  open(): void {
    if (this.closed || this.socket) return;
    const socket = this.platform.openSocket(accessUnitUrl(this.url));
    socket.binaryType = 'arraybuffer';
    socket.onmessage = (event: MessageEvent) => this.onMessage(event.data);
    socket.onerror = () => this.fail(FMP4_ERRORS.network, 'the gateway connection failed');
    socket.onclose = () => this.fail(FMP4_ERRORS.network, 'the gateway closed the stream');
    this.socket = socket;
  }

  /** Lets go of the stream (what waits is dropped); the source stays for the player to detach. */
  stop(): void {
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onmessage = socket.onerror = socket.onclose = null;
      socket.close();
    }
    this.pending.length = 0;
  }

  /** For good: nothing more is reported. */
  close(): void {
    this.closed = true;
    this.stop();
    this.buffer = null;
  }

  /** The newest frame's guessed duration (s): see EnginePlayer.liveEdgeLead. */
  get lastFrameDurationS(): number {
    return this.timeline.lastFrameDuration / 1_000;
  }

  private fail(type: string, detail: string): void {
    if (this.closed) return;
    this.stop();
    this.events.error(type, detail);
  }

  private onMessage(data: unknown): void {
    if (this.closed || !(data instanceof ArrayBuffer)) return;
    try {
      const message = decodeAuMessage(new Uint8Array(data));
      if (message?.kind === 'config') this.onConfig(message);
      else if (message?.kind === 'frame' && this.config) this.onFrame(message);
    } catch (error) {
      // Nothing here should throw on any bytes; if it does, the tile says the picture is damaged.
      this.stop();
      this.events.dataError(error);
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
    this.events.mediaInfo({ videoCodec: config.codec, width: config.width, height: config.height });
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
      this.events.mark({ onWallClock: { t: placed.dts, at: frame.receivedAt } });
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
    if (this.closed) return;
    // The configuration may have come first and its buffer be appending already (the source's
    // state turns 'open' before this event's task runs): createBuffer then does nothing.
    this.createBuffer();
    this.appendPending();
  }

  private createBuffer(): void {
    const source = this.source;
    if (this.buffer || !this.config || this.closed || source.readyState !== 'open') return;
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
      console.warn('fmp4-feed: no source buffer', error);
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
      console.warn('fmp4-feed: append refused', error);
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
    const playhead = this.playhead();
    const buffer = this.buffer;
    if (!playhead || !buffer || buffer.updating || buffer.buffered.length === 0) return false;
    const ranges = buffer.buffered;
    const start = ranges.start(0);
    const end = ranges.end(ranges.length - 1);
    this.aheadS = end - this.lastFrameDurationS - playhead.currentTime;
    if (playhead.currentTime < start) playhead.seek(start);
    else if (!playhead.paused && end - playhead.currentTime > CHASE_ABOVE_S) {
      playhead.seek(end - CHASE_TO_S);
    }
    if (playhead.currentTime - start <= TRIM_WHEN_BEHIND_S) return false;
    buffer.remove(start, playhead.currentTime - KEEP_BEHIND_S);
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
