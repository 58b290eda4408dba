// One upstream session per (camera, quality), shared by every tile that shows it. It owns the
// connection lifecycle: connect when the first viewer comes, linger after the last one leaves
// (so a layout switch does not reconnect), watch for "no media" and "stalled", reconnect with
// a backoff chosen by how the attempt failed, and fan the stream out (stream-fanout.ts). The
// backoff outlives the viewers, so leaving and coming back buys no faster retry, and logins
// go through the camera's login gate, which no session can hurry.
import type { Quality, StreamState, StreamStatus, VideoCodec } from '../../contract/wall-contract';
import type { FlvTag } from '../flv/flv-tag';
import { FailureLog } from './failure-log';
import { IntervalSlot, TimeoutSlot } from './timer-slots';
import type { LoginGate } from './login-gate';
import { MediaCheck } from './media-check';
import type { LoginIdentity } from './login-identity';
import { RetryPolicy, STEADY_VIDEO_MS, failureKind } from './retry-policy';
import { SessionLogin, gatedLoginDetail } from './session-login';
import {
  changedStatus,
  failureAfterVideo,
  stateForFailure,
  watchdogFailure,
} from './session-status';
import type { SourceFactory, SourceFailure, UpstreamSource } from './source';
import { StabilityTracker } from './stability';
import { startSource } from './start-source';
import { StreamFanout } from './stream-fanout';
import type { StreamViewer, ViewerSink } from './stream-viewer';
import { DEFAULT_TIMINGS, type SessionTimings } from './session-timings';

const WATCHDOG_TICK_MS = 250;

export interface SessionOptions {
  cameraId: string;
  quality: Quality;
  label: string;
  factory: SourceFactory;
  timings?: Partial<SessionTimings>;
  onStatus: (status: StreamStatus) => void;
  log: (line: string) => void;
  random?: () => number;
  /** The wall's login gate and who this stream logs in as; without it, a gate of its own. */
  login?: { gate: LoginGate; identity: LoginIdentity };
  /** Shared by the camera's streams, so each kind of failure is logged once per camera. */
  failureLog?: FailureLog;
  replay?: ConstructorParameters<typeof StreamFanout>[0];
}

type FailureStatus = Pick<StreamStatus, 'state' | 'detail' | 'reason' | 'protocolStatus'>;

export class StreamSession {
  private readonly timings: SessionTimings;
  readonly viewers: StreamFanout;
  private readonly retry: RetryPolicy;
  private readonly stability = new StabilityTracker();
  private readonly login: SessionLogin;
  private readonly failureLog: FailureLog;
  private readonly logPrefix: string;
  private source: UpstreamSource | null = null;
  private status: StreamStatus;
  private connectedAt = 0;
  private firstFrameAt: number | null = null;
  /** The open connection has played STEADY_VIDEO_MS without a break. */
  private steady = false;
  /** No connection before this (epoch ms): the backoff of the last failure. */
  private notBefore = 0;
  /** What the last failure said; shown again to a viewer that returns during its backoff. */
  private lastFailure: FailureStatus | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly linger = new TimeoutSlot();
  private readonly watchdog = new IntervalSlot();
  private closed = false;
  /** Bumped for every connection and whenever the session lets go of one. */
  private generation = 0;
  /** Upstream connections opened so far (tests and the benchmark read it). */
  connections = 0;

  constructor(private readonly options: SessionOptions) {
    this.timings = { ...DEFAULT_TIMINGS, ...options.timings };
    this.viewers = new StreamFanout(options.replay);
    this.retry = new RetryPolicy(options.random);
    this.login = options.login
      ? new SessionLogin(options.login.gate, options.login.identity)
      : SessionLogin.ofItsOwn(`${options.cameraId}/${options.quality}`);
    this.failureLog = options.failureLog ?? new FailureLog(options.log);
    this.logPrefix = `${options.label} [${options.quality}]`;
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
    const viewer = this.viewers.add(sink);
    this.linger.stop();
    if (!this.source && !this.retryTimer && !this.login.waiting) this.connectWhenAllowed();
    return () => this.detach(viewer);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopUpstream();
    this.linger.stop();
    this.viewers.closeAll('session closed');
  }

  private detach(viewer: StreamViewer): void {
    if (!this.viewers.remove(viewer) || this.viewers.size > 0 || this.closed) return;
    this.linger.start(() => {
      if (this.viewers.size > 0) return;
      // The backoff (notBefore, the retry policy, the login gate) is kept on purpose.
      this.stopUpstream();
      this.viewers.clear();
      this.setStatus({ state: 'idle', retryAt: null, detail: undefined });
    }, this.timings.lingerMs);
  }

  /** Connects now if the backoff and the login gate allow it, else waits for them. */
  private connectWhenAllowed(): void {
    this.cancelPending();
    if (this.closed || this.source) return;
    if (this.viewers.size === 0) {
      // The last viewer left while a retry was pending: do not reconnect for nobody.
      this.setStatus({ state: 'idle', retryAt: null });
      return;
    }
    if (Date.now() < this.notBefore) {
      this.retryTimer = setTimeout(() => this.connectWhenAllowed(), this.notBefore - Date.now());
      this.setStatus({ ...this.lastFailure, retryAt: this.notBefore });
      return;
    }
    const admission = this.login.admit();
    if (admission.go) {
      this.connect();
      return;
    }
    const { retryAt } = admission;
    if (retryAt !== null)
      this.retryTimer = setTimeout(() => this.connectWhenAllowed(), retryAt - Date.now());
    this.login.waitForGate(() => this.connectWhenAllowed());
    if (admission.refused) {
      const own = this.lastFailure?.state === 'auth-failed' ? this.lastFailure.detail : undefined;
      const detail = own ?? gatedLoginDetail(this.options.label);
      this.setStatus({ state: 'auth-failed', retryAt, detail });
    } else if (this.status.state === 'idle') {
      this.setStatus({ state: 'connecting', retryAt: null });
    }
  }

  private connect(): void {
    this.connections += 1;
    this.connectedAt = Date.now();
    this.firstFrameAt = null;
    this.steady = false;
    this.viewers.newConnection();
    // A retry keeps saying what is wrong (and since when) rather than flip to "connecting"
    // for the length of every attempt: a dead camera must read as dead from across the room.
    const failing = !['idle', 'connecting', 'live'].includes(this.status.state);
    this.setStatus(failing ? { retryAt: null } : { state: 'connecting', retryAt: null });
    const generation = ++this.generation;
    // Once the session has given up on a connection (watchdog, close), anything that
    // connection still says is stale: it must not end or feed the connection after it.
    const current = () => generation === this.generation;
    // A damaged decoder configuration (or frames without one) ends the connection unrelayed.
    const check = new MediaCheck(this.options.label);
    const source = startSource(
      this.options.factory,
      this.options.label,
      {
        onTag: (tag) => {
          if (current()) this.onTag(tag);
        },
        onCodec: (codec) => {
          if (current()) this.setCodec(codec);
        },
        onEnd: (failure) => {
          if (current()) this.onSourceEnd(failure);
        },
      },
      (tag) => check.inspect(tag),
    );
    if (!source) return;
    this.source = source;
    this.startWatchdog();
  }

  private onTag(tag: FlvTag): void {
    // Media only flows past a login the server accepted.
    this.login.accepted();
    const delivered = this.viewers.deliver(tag);
    if (delivered?.kind === 'config' && delivered.codec) this.setCodec(delivered.codec);
    if (delivered?.kind === 'frame') this.onFrame(Date.now());
  }

  private onFrame(now: number): void {
    this.status = { ...this.status, lastFrameAt: now };
    if (this.firstFrameAt === null) {
      this.firstFrameAt = now;
      this.lastFailure = null;
      this.failureLog.recovered(this.logPrefix, this.options.quality);
    } else if (!this.steady && now - this.firstFrameAt >= STEADY_VIDEO_MS) {
      // The stall watchdog guarantees no gap of stallTimeoutMs: this was continuous video.
      this.steady = true;
      this.retry.steady();
      this.stability.playing(now - this.firstFrameAt);
      this.failureLog.steady(this.logPrefix, this.options.quality);
    }
    const state: StreamState = this.stability.unstable ? 'unstable' : 'live';
    if (this.status.state !== state) this.setStatus({ state, detail: undefined });
  }

  private onSourceEnd(reported: SourceFailure): void {
    const now = Date.now();
    const hadFrames = this.firstFrameAt !== null;
    const playedMs = hadFrames ? now - this.firstFrameAt! : 0;
    const loginRetryAt = reported.code === 'auth-failed' ? this.login.refused() : null;
    this.stopUpstream();
    this.viewers.dropGop();
    // Only the session closes sources; a source that reports 'closed' itself failed.
    if (this.closed) return;
    const failure = hadFrames
      ? failureAfterVideo(reported, playedMs, this.options.label)
      : reported;
    if (playedMs >= this.timings.healthyAfterMs) this.retry.networkHealthy();
    if (hadFrames) this.stability.ended(now, playedMs);
    this.failureLog.failed(this.logPrefix, this.options.quality, failure);
    const kind = failureKind(failure.code);
    // A refused login waits for the gate, which every stream of the camera shares.
    const delay =
      kind === 'login' ? Math.max(0, (loginRetryAt ?? now) - now) : this.retry.nextDelay(kind);
    this.notBefore = kind === 'login' ? 0 : now + delay;
    const unstable = hadFrames && kind !== 'login' && this.stability.unstable;
    this.lastFailure = {
      state: unstable ? 'unstable' : stateForFailure(failure, hadFrames),
      detail: failure.message,
      reason: failure.reason,
      protocolStatus: failure.protocolStatus,
    };
    if (this.viewers.size === 0) {
      this.setStatus({ state: 'idle', retryAt: null, detail: failure.message });
      return;
    }
    this.retryTimer = setTimeout(() => this.connectWhenAllowed(), delay);
    this.setStatus({ ...this.lastFailure, retryAt: now + delay });
  }

  private startWatchdog(): void {
    this.watchdog.start(() => {
      const { connectedAt, firstFrameAt, timings } = this;
      const times = { connectedAt, firstFrameAt, lastFrameAt: this.status.lastFrameAt };
      const failure = watchdogFailure(Date.now(), times, timings, this.options.label);
      // onSourceEnd closes the source; it is not told about its own close.
      if (failure && this.source) this.onSourceEnd(failure);
    }, WATCHDOG_TICK_MS);
  }

  private stopUpstream(): void {
    this.generation += 1;
    this.watchdog.stop();
    this.cancelPending();
    this.login.release();
    const source = this.source;
    this.source = null;
    source?.close();
  }

  /** Drops a scheduled retry and any wait on the login gate. */
  private cancelPending(): void {
    clearTimeout(this.retryTimer ?? undefined);
    this.retryTimer = null;
    this.login.cancelWait();
  }

  private setCodec(codec: VideoCodec): void {
    if (this.status.codec === codec) return;
    this.status = { ...this.status, codec };
    this.options.onStatus(this.status);
  }

  private setStatus(change: Partial<StreamStatus>): void {
    this.status = changedStatus(this.status, change, Date.now());
    this.options.onStatus(this.status);
  }
}
