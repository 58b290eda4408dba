// The WebCodecs engine: one tile's access units (contract/access-unit-wire.ts) from the
// gateway's .au stream straight into a VideoDecoder, each decoded frame handed to the tile's
// sink (frame-sink.ts: a generated video track, or a canvas) the moment it comes out. There is
// no media buffer between the socket and the screen: when the decoder falls behind for good
// (not on a burst of frames it works off), frames are dropped up to the next keyframe instead
// of queueing (feed-gate.ts). A codec this display cannot decode is reported (onUnsupported)
// and the tile falls back to mpegts.js (webcodecs-tile-player.ts).
import { decodeAuMessage, sameAuConfig, type AuConfig, type AuFrame } from '../contract';
import { FeedGate } from './feed-gate';
import type { FrameSink } from './frame-sink';

export interface FeedEvents {
  /** A frame reached the sink (the screen). */
  onPainted(): void;
  /** A frame arrived (painted or not): a paused tile's sign of life. */
  onArrived(): void;
  /** isConfigSupported said no (or threw): this display cannot decode the stream. */
  onUnsupported(codec: string): void;
  /** The decoder or the socket failed; the tile recreates the feed after its backoff. */
  onError(message: string): void;
}

/** What a WebCodecs tile needs from the browser; fakes in the unit tests. */
export interface FeedPlatform {
  openSocket(url: string): WebSocket;
  isConfigSupported(config: VideoDecoderConfig): Promise<{ supported?: boolean }>;
  createDecoder(init: VideoDecoderInit): VideoDecoder;
  createChunk(init: EncodedVideoChunkInit): EncodedVideoChunk;
}

export const browserPlatform: FeedPlatform = {
  openSocket: (url) => new WebSocket(url),
  isConfigSupported: (config) => VideoDecoder.isConfigSupported(config),
  createDecoder: (init) => new VideoDecoder(init),
  createChunk: (init) => new EncodedVideoChunk(init),
};

/** Whether this page has WebCodecs video decoding at all. */
export function webCodecsAvailable(): boolean {
  return typeof VideoDecoder === 'function' && typeof EncodedVideoChunk === 'function';
}

export interface FeedCounters {
  decoded: number;
  dropped: number;
}

export class WebCodecsFeed {
  readonly counters: FeedCounters = { decoded: 0, dropped: 0 };
  private readonly socket: WebSocket;
  private readonly gate = new FeedGate();
  private decoder: VideoDecoder | null = null;
  private config: AuConfig | null = null;
  private closed = false;
  /** When main received the frame last shown (epoch ms), for a frame's wall-clock time. */
  lastPaintedReceivedAt: number | null = null;
  private readonly receivedAt = new Map<number, number>();

  constructor(
    url: string,
    /** Borrowed from the tile player, which keeps it across recreated feeds. */
    private readonly sink: FrameSink,
    private readonly events: FeedEvents,
    private readonly platform: FeedPlatform = browserPlatform,
  ) {
    this.socket = platform.openSocket(url);
    this.socket.binaryType = 'arraybuffer';
    this.socket.onmessage = (event: MessageEvent) => this.onMessage(event.data);
    this.socket.onerror = () => this.fail('the gateway connection failed');
    this.socket.onclose = () => this.fail('the gateway closed the stream');
  }

  /** A hidden tile decodes nothing; frames still arriving say the camera is live. */
  setPaused(on: boolean): void {
    this.gate.setPaused(on);
  }

  /** The watchdog's jump to live: forget what the decoder holds, restart at a keyframe. */
  restartAtKeyframe(): void {
    if (this.decoder?.state === 'configured' && this.config) {
      this.decoder.reset();
      this.decoder.configure(decoderConfig(this.config));
    }
    this.gate.waitForKeyframe();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.onmessage = this.socket.onerror = this.socket.onclose = null;
    this.socket.close();
    if (this.decoder && this.decoder.state !== 'closed') this.decoder.close();
    this.decoder = null;
    this.receivedAt.clear();
  }

  private onMessage(data: unknown): void {
    if (this.closed || !(data instanceof ArrayBuffer)) return;
    const message = decodeAuMessage(new Uint8Array(data));
    if (message?.kind === 'config') this.onConfig(message);
    else if (message?.kind === 'frame') this.onFrame(message);
  }

  private onConfig(config: AuConfig): void {
    if (this.config && sameAuConfig(this.config, config)) return;
    this.config = config;
    this.gate.unconfigure();
    const wanted = decoderConfig(config);
    this.platform.isConfigSupported(wanted).then(
      (answer) => {
        if (this.closed || this.config !== config) return;
        if (!answer.supported) return this.events.onUnsupported(config.codec);
        this.decoderFor().configure(wanted);
        this.gate.configured();
      },
      () => {
        if (!this.closed && this.config === config) this.events.onUnsupported(config.codec);
      },
    );
  }

  private onFrame(frame: AuFrame): void {
    this.events.onArrived();
    if (this.gate.admit(frame.keyframe, frame.pts) !== 'decode' || !this.decoder) {
      this.counters.dropped += 1;
      return;
    }
    const timestamp = frame.pts * 1_000; // µs
    this.receivedAt.set(timestamp, frame.receivedAt);
    try {
      this.decoder.decode(
        this.platform.createChunk({
          type: frame.keyframe ? 'key' : 'delta',
          timestamp,
          data: frame.data,
        }),
      );
    } catch (error) {
      this.fail(`the decoder refused a frame: ${String(error)}`);
    }
  }

  private decoderFor(): VideoDecoder {
    if (this.decoder && this.decoder.state !== 'closed') return this.decoder;
    this.decoder = this.platform.createDecoder({
      output: (frame) => this.paint(frame),
      error: (error) => this.fail(`the decoder failed: ${error.message}`),
    });
    return this.decoder;
  }

  private paint(frame: VideoFrame): void {
    const timestamp = frame.timestamp; // read before the sink closes the frame
    if (this.closed) return frame.close();
    if (!this.sink.show(frame)) {
      this.counters.dropped += 1;
      return;
    }
    this.counters.decoded += 1;
    this.gate.painted(timestamp / 1_000);
    this.lastPaintedReceivedAt = this.receivedAt.get(timestamp) ?? null;
    // Older entries than the shown frame will never be looked up again.
    for (const key of this.receivedAt.keys()) {
      if (key > timestamp) break;
      this.receivedAt.delete(key);
    }
    this.events.onPainted();
  }

  private fail(message: string): void {
    if (this.closed) return;
    this.close();
    this.events.onError(message);
  }
}

function decoderConfig(config: AuConfig): VideoDecoderConfig {
  return {
    codec: config.codec,
    description: config.description,
    // Decode each frame as soon as it arrives rather than batching for throughput.
    optimizeForLatency: true,
    hardwareAcceleration: 'no-preference',
  };
}
