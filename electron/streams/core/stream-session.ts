// One upstream session per (camera, quality), shared by every tile that shows it.
// It owns the connection lifecycle: connect when the first viewer comes, linger briefly
// after the last one leaves (so a layout switch does not reconnect), watch for "no media"
// and "stalled", reconnect with backoff and jitter, and fan the stream out to viewers,
// each starting at a keyframe from the GOP cache.
import type { Quality, StreamState, StreamStatus, VideoCodec } from '../../contract/wall-contract';
import { AUTH_FAILURE_BACKOFF, DEFAULT_BACKOFF, backoffDelay } from './backoff';
import { FLV_TAG_SCRIPT, FLV_TAG_VIDEO, videoTagInfo, type FlvTag } from '../flv/flv-tag';
import { redactUrlsIn } from '../../logging/redact-url';
import { FailureLog } from './failure-log';
import { GopCache } from './gop-cache';
import { MediaCheck } from './media-check';
import { stateForFailure } from './session-status';
import type { SourceFactory, SourceFailure, UpstreamSource } from './source';
import { StreamViewer, type ViewerSink } from './stream-viewer';
import { DEFAULT_TIMINGS, type SessionTimings } from './session-timings';
import { TimestampRebaser } from './timestamp-rebaser';

export interface SessionOptions {
  cameraId: string;
  quality: Quality;
  label: string;
  factory: SourceFactory;
  timings?: Partial<SessionTimings>;
  onStatus: (status: StreamStatus) => void;
  log: (line: string) => void;
  random?: () => number;
}

export class StreamSession {
  private readonly timings: SessionTimings;
  private readonly viewers = new Set<StreamViewer>();
  private readonly cache = new GopCache();
  private readonly rebaser = new TimestampRebaser();
  private source: UpstreamSource | null = null;
  private status: StreamStatus;
  private attempts = 0;
  private connectedAt = 0;
  private firstFrameAt: number | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private lingerTimer: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly failureLog: FailureLog;
  /** Bumped for every connection and whenever the session lets go of one. */
  private generation = 0;
  /** Upstream connections opened so far (tests and the benchmark read it). */
  connections = 0;

  constructor(private readonly options: SessionOptions) {
    this.timings = { ...DEFAULT_TIMINGS, ...options.timings };
    this.failureLog = new FailureLog(options.log, `${options.label} [${options.quality}]`);
    this.status = {
      cameraId: options.cameraId,
      quality: options.quality,
      state: 'idle',
      since: Date.now(),
      lastFrameAt: null,
      retryAt: null,
    };
  }

  get currentStatus(): StreamStatus {
    return this.status;
  }

  get viewerCount(): number {
    return this.viewers.size;
  }

  /** Adds a viewer; returns the function that removes it. */
  attach(sink: ViewerSink): () => void {
    if (this.closed) {
      sink.close('session closed');
      return () => {};
    }
    const viewer = new StreamViewer(sink);
    this.viewers.add(viewer);
    this.cancelLinger();
    const start = this.cache.startTags();
    if (start.length > 0) {
      viewer.sendTags(start);
      viewer.waitingForKeyframe = false;
    }
    if (!this.source && !this.retryTimer) this.connect();
    return () => this.detach(viewer);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopUpstream();
    this.cancelLinger();
    for (const viewer of this.viewers) viewer.sink.close('session closed');
    this.viewers.clear();
  }

  private detach(viewer: StreamViewer): void {
    if (!this.viewers.delete(viewer) || this.viewers.size > 0 || this.closed) return;
    this.lingerTimer = setTimeout(() => {
      this.lingerTimer = null;
      if (this.viewers.size > 0) return;
      this.stopUpstream();
      this.cache.clear();
      this.attempts = 0;
      this.setStatus({ state: 'idle', retryAt: null, detail: undefined });
    }, this.timings.lingerMs);
  }

  private connect(): void {
    this.retryTimer = null;
    if (this.viewers.size === 0) {
      // The last viewer left while a retry was pending: do not reconnect for nobody.
      this.setStatus({ state: 'idle', retryAt: null });
      return;
    }
    this.connections += 1;
    this.connectedAt = Date.now();
    this.firstFrameAt = null;
    this.rebaser.newConnection();
    // The new connection may start mid-GOP (RTSP, a gateway without a GOP cache): its inter
    // frames reference pictures no viewer has, so everyone resumes at its first keyframe.
    this.cache.dropGop();
    for (const viewer of this.viewers) viewer.waitingForKeyframe = true;
    // A retry keeps saying what is wrong (and since when) rather than flip to "connecting"
    // for the length of every attempt: a dead camera must read as dead from across the room.
    const failing = !['idle', 'connecting', 'live'].includes(this.status.state);
    this.setStatus(failing ? { retryAt: null } : { state: 'connecting', retryAt: null });
    let ended = false;
    const generation = ++this.generation;
    // Once the session has given up on a connection (watchdog, close), anything that
    // connection still says is stale: it must not end or feed the connection after it.
    const current = () => !ended && generation === this.generation;
    // A damaged decoder configuration (or frames without one) ends the connection unrelayed.
    const check = new MediaCheck(this.options.label);
    let source: UpstreamSource;
    try {
      source = this.options.factory({
        onTag: (tag) => {
          if (!current()) return;
          const damage = check.inspect(tag);
          if (!damage) return this.onTag(tag);
          ended = true;
          this.onSourceEnd(damage);
        },
        onCodec: (codec) => {
          if (current()) this.setCodec(codec);
        },
        onEnd: (failure) => {
          if (!current()) return;
          ended = true;
          this.onSourceEnd(failure);
        },
      });
    } catch (error) {
      // A factory that throws (a URL Node refuses, a bad option) must not take down the
      // gateway request that attached the viewer; it fails like any connection, with backoff.
      if (current()) {
        ended = true;
        this.onSourceEnd({
          code: 'protocol-error',
          message: `Camera '${this.options.label}': the stream cannot be opened (${redactUrlsIn(error instanceof Error ? error.message : String(error))}). Check the stream URL in the configuration.`,
        });
      }
      return;
    }
    // A factory may fail synchronously by calling onEnd before returning.
    if (ended) {
      source.close();
      return;
    }
    this.source = source;
    this.startWatchdog();
  }

  private onTag(input: FlvTag): void {
    if (input.type !== FLV_TAG_VIDEO && input.type !== FLV_TAG_SCRIPT) return;
    const tag: FlvTag = { ...input, timestamp: this.rebaser.map(input.timestamp) };
    this.cache.add(tag);
    if (tag.type === FLV_TAG_SCRIPT) {
      for (const viewer of this.viewers) if (!viewer.waitingForKeyframe) viewer.sendTags([tag]);
      return;
    }
    const info = videoTagInfo(tag.data);
    if (info.sequenceHeader) {
      if (info.codec !== 'other') this.setCodec(info.codec);
      for (const viewer of this.viewers) if (!viewer.waitingForKeyframe) viewer.sendTags([tag]);
      return;
    }
    const now = Date.now();
    this.status = { ...this.status, lastFrameAt: now };
    if (this.firstFrameAt === null) {
      this.firstFrameAt = now;
      this.failureLog.recovered();
      this.setStatus({ state: 'live', detail: undefined });
    } else if (this.status.state !== 'live') {
      this.setStatus({ state: 'live', detail: undefined });
    }
    for (const viewer of this.viewers) viewer.deliverFrame(tag, info.keyframe, this.cache);
  }

  private onSourceEnd(failure: SourceFailure): void {
    this.stopUpstream();
    // A viewer that joins during the outage must not be shown the last GOP as if it were live.
    this.cache.dropGop();
    // Only the session closes sources; a source that reports 'closed' itself failed.
    if (this.closed) return;
    const hadFrames = this.firstFrameAt !== null;
    const wasHealthy =
      this.firstFrameAt !== null && Date.now() - this.firstFrameAt >= this.timings.healthyAfterMs;
    if (wasHealthy) this.attempts = 0;
    const state: StreamState = stateForFailure(failure, hadFrames);
    this.failureLog.failed(failure);
    if (this.viewers.size === 0) {
      this.setStatus({ state: 'idle', retryAt: null, detail: failure.message });
      return;
    }
    const policy = failure.code === 'auth-failed' ? AUTH_FAILURE_BACKOFF : DEFAULT_BACKOFF;
    const delay = backoffDelay(policy, this.attempts, this.options.random);
    this.attempts += 1;
    this.retryTimer = setTimeout(() => this.connect(), delay);
    this.setStatus({
      state,
      retryAt: Date.now() + delay,
      detail: failure.message,
      reason: failure.reason,
      protocolStatus: failure.protocolStatus,
    });
  }

  private startWatchdog(): void {
    this.stopWatchdog();
    this.watchdog = setInterval(() => {
      const now = Date.now();
      if (this.firstFrameAt === null) {
        if (now - this.connectedAt >= this.timings.noMediaTimeoutMs) {
          this.failFromWatchdog({
            code: 'no-media',
            message: `Camera '${this.options.label}': the server answered but sent no video for ${Math.round(this.timings.noMediaTimeoutMs / 1000)} s. Check that the camera is publishing to the server and that the stream name is right.`,
          });
        }
      } else if (now - (this.status.lastFrameAt ?? now) >= this.timings.stallTimeoutMs) {
        this.failFromWatchdog({
          code: 'stalled',
          message: `Camera '${this.options.label}': video stopped for ${Math.round(this.timings.stallTimeoutMs / 1000)} s; reconnecting.`,
        });
      }
    }, 250);
  }

  private failFromWatchdog(failure: SourceFailure): void {
    // onSourceEnd closes the source; it is not told about its own close.
    if (this.source) this.onSourceEnd(failure);
  }

  private stopUpstream(): void {
    this.generation += 1;
    this.stopWatchdog();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const source = this.source;
    this.source = null;
    source?.close();
  }

  private stopWatchdog(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
  }

  private cancelLinger(): void {
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.lingerTimer = null;
  }

  private setCodec(codec: VideoCodec): void {
    if (this.status.codec === codec) return;
    this.status = { ...this.status, codec };
    this.options.onStatus(this.status);
  }

  private setStatus(change: Partial<StreamStatus>): void {
    const next = { ...this.status, ...change };
    if (change.state === 'connecting' || change.state === 'live' || change.state === 'idle') {
      // A reason explains a failure; it must not outlive it.
      delete next.reason;
      delete next.protocolStatus;
    }
    if (change.state && change.state !== this.status.state) next.since = Date.now();
    this.status = next;
    this.options.onStatus(next);
  }
}
