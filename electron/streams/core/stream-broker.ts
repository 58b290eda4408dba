// The broker: one StreamSession per (camera, quality), created on first use and shared by
// every viewer. The gateway attaches viewers here; the service reads and pushes statuses.
import { streamKey } from '../../contract/stream-path';
import type { Quality, StreamStatus } from '../../contract/wall-contract';
import type { SourceFactory } from './source';
import type { SessionTimings } from './session-timings';
import { StreamSession } from './stream-session';
import type { ViewerSink } from './stream-viewer';

export interface ResolvedStream {
  label: string;
  factory: SourceFactory;
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
}

export class StreamBroker {
  private readonly sessions = new Map<string, StreamSession>();

  constructor(private readonly options: BrokerOptions) {}

  /** Attaches a viewer; returns its detach function, or an error if the stream is unknown. */
  attach(
    cameraId: string,
    quality: Quality,
    sink: ViewerSink,
  ): { detach: () => void } | { error: string } {
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
        ...(this.options.timings ? { timings: this.options.timings } : {}),
      });
      this.sessions.set(key, session);
    }
    return { detach: session.attach(sink) };
  }

  statuses(): StreamStatus[] {
    return [...this.sessions.values()].map((session) => session.currentStatus);
  }

  session(cameraId: string, quality: Quality): StreamSession | undefined {
    return this.sessions.get(streamKey(cameraId, quality));
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
    }
  }

  close(): void {
    for (const session of this.sessions.values()) session.close();
    this.sessions.clear();
  }
}
