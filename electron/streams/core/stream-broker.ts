// The broker: one StreamSession per (camera, quality), created on first use and shared by
// every viewer. The gateway attaches viewers here; the service reads and pushes statuses.
// What belongs to a camera rather than a stream lives here too: the login gate, shared by the
// whole wall, and one failure log per camera for its main and sub streams.
import { streamKey } from '../../contract/stream-path';
import type { Quality, StreamStatus } from '../../contract/wall-contract';
import { FailureLog } from './failure-log';
import { LoginGate } from './login-gate';
import type { LoginIdentity } from './login-identity';
import type { ReplayClip, ReplayLimits } from './replay-buffer';
import type { SourceFactory } from './source';
import type { SessionTimings } from './session-timings';
import { StreamSession } from './stream-session';
import type { ViewerSink } from './stream-viewer';

export interface ResolvedStream {
  label: string;
  factory: SourceFactory;
  /** Who logs in where (login-identity.ts); none for streams without a login (demo clips). */
  login?: LoginIdentity;
}

/** Returns how to reach a camera's stream, or an error message if it cannot be played. */
export type StreamResolver = (
  cameraId: string,
  quality: Quality,
) => ResolvedStream | { error: string };

export interface BrokerOptions {
  /** Built from the settings (stream-resolver.ts); the broker never asks the service. */
  resolve: StreamResolver;
  onStatus: (status: StreamStatus) => void;
  log: (line: string) => void;
  timings?: Partial<SessionTimings>;
  /** The wall's login gate (persisted by the service); a fresh in-memory one by default. */
  loginGate?: LoginGate;
  /** Instant replay kept per stream while a tile shows it; none by default. */
  replay?: ReplayLimits;
}

export class StreamBroker {
  private readonly sessions = new Map<string, StreamSession>();
  private readonly failureLogs = new Map<string, FailureLog>();
  readonly loginGate: LoginGate;
  /** Why no stream may open now (outside office hours), or null. */
  private heldReason: string | null = null;

  constructor(private readonly options: BrokerOptions) {
    this.loginGate = options.loginGate ?? new LoginGate();
  }

  /** Attaches a viewer; returns its detach function, or an error if the stream is unknown. */
  attach(
    cameraId: string,
    quality: Quality,
    sink: ViewerSink,
  ): { detach: () => void } | { error: string } {
    if (this.heldReason !== null) return { error: this.heldReason };
    const key = streamKey(cameraId, quality);
    let session = this.sessions.get(key);
    if (!session) {
      const resolved = this.options.resolve(cameraId, quality);
      if ('error' in resolved) return resolved;
      session = new StreamSession({
        cameraId,
        quality,
        label: resolved.label,
        factory: resolved.factory,
        onStatus: this.options.onStatus,
        log: this.options.log,
        failureLog: this.failureLogFor(cameraId),
        ...(resolved.login ? { login: { gate: this.loginGate, identity: resolved.login } } : {}),
        ...(this.options.timings ? { timings: this.options.timings } : {}),
        ...(this.options.replay ? { replay: this.options.replay } : {}),
      });
      this.sessions.set(key, session);
    }
    return { detach: session.attach(sink) };
  }

  private failureLogFor(cameraId: string): FailureLog {
    let log = this.failureLogs.get(cameraId);
    if (!log) this.failureLogs.set(cameraId, (log = new FailureLog(this.options.log)));
    return log;
  }

  statuses(): StreamStatus[] {
    return [...this.sessions.values()].map((session) => session.currentStatus);
  }

  session(cameraId: string, quality: Quality): StreamSession | undefined {
    return this.sessions.get(streamKey(cameraId, quality));
  }

  /**
   * About the last `seconds` of a camera, from a keyframe. The quality asked for when its
   * buffer reaches back that far; else the camera's other stream when it reaches further (a
   * tile maximised a moment ago has little main stream yet, but the grid kept its sub stream).
   */
  replayClip(cameraId: string, quality: Quality, seconds: number): ReplayClip | null {
    const asked = this.session(cameraId, quality)?.viewers.replayClip(seconds) ?? null;
    const other = this.session(cameraId, quality === 'main' ? 'sub' : 'main');
    const fallback = other?.viewers.replayClip(seconds) ?? null;
    if (!asked) return fallback;
    if (!fallback) return asked;
    const reach = (clip: ReplayClip) => clipEnd(clip) - clip.startReceivedAt;
    // "Reaches back": within a GOP or so of what was asked.
    if (reach(asked) >= seconds * 1_000 - REPLAY_REACH_SLACK_MS) return asked;
    return reach(fallback) > reach(asked) ? fallback : asked;
  }

  /** Bytes held for instant replay across the wall (the status view shows it). */
  get replayBytes(): number {
    let total = 0;
    for (const session of this.sessions.values()) total += session.viewers.replayBytes;
    return total;
  }

  /** Upstream connections opened across all sessions (for tests and the benchmark). */
  get totalConnections(): number {
    let total = 0;
    for (const session of this.sessions.values()) total += session.connections;
    return total;
  }

  /** Drops sessions whose camera changed or vanished; their viewers are closed and retry. */
  invalidate(predicate: (cameraId: string) => boolean): void {
    for (const [key, session] of this.sessions) {
      if (!predicate(session.currentStatus.cameraId)) continue;
      session.close();
      this.sessions.delete(key);
      this.failureLogs.delete(session.currentStatus.cameraId);
    }
  }

  /**
   * Lets every upstream go idle: closes every session (their viewers are told `reason`) and
   * refuses every new viewer with it until release(), whoever asks (a tile, the background
   * watch). Backoff and login records live in the gate and failure logs, not here.
   */
  hold(reason: string): void {
    this.heldReason = reason;
    for (const session of this.sessions.values()) session.close();
    this.sessions.clear();
  }

  release(): void {
    this.heldReason = null;
  }

  get held(): boolean {
    return this.heldReason !== null;
  }

  close(): void {
    for (const session of this.sessions.values()) session.close();
    this.sessions.clear();
  }
}

const REPLAY_REACH_SLACK_MS = 2_000;

function clipEnd(clip: ReplayClip): number {
  return clip.tags.at(-1)?.receivedAt ?? clip.startReceivedAt;
}
