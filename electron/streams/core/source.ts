// The one interface every upstream protocol implements (HTTP-FLV, WS-FLV, RTSP, demo).
// A source is one connection attempt: it starts when created, delivers FLV tags, and ends
// exactly once with a failure saying why. Reconnecting, backoff, fan-out and the "no media"
// and "stalled" watchdogs belong to the session (stream-session.ts), so every protocol gets
// them the same way.
import type { FlvTag } from '../flv/flv-tag';
import type { FailureReason, VideoCodec } from '../../contract/wall-contract';

export type SourceFailureCode =
  | 'auth-failed' // 401/403 from the server: retried rarely (camera lock-outs)
  | 'unreachable' // refused, DNS failure, host down, connect timeout
  | 'not-found' // wrong path or stream name
  | 'no-media' // connected, but no video arrived in time (the session's watchdog)
  | 'stalled' // video arrived, then stopped (the session's watchdog)
  | 'unsupported-codec' // e.g. a codec we cannot mux or the display cannot decode
  | 'no-video-track' // the stream has no video
  | 'protocol-error' // malformed bytes or an answer we cannot use
  | 'ended' // the server closed the stream normally
  | 'closed'; // we closed it (never retried)

export interface SourceFailure {
  code: SourceFailureCode;
  /** For logs: what happened, without credentials. */
  message: string;
  /** For the tile: why, when the protocol says (see FailureReason). */
  reason?: FailureReason;
  /** The server's HTTP or RTSP status code, when it gave one. */
  protocolStatus?: number;
  /**
   * The server's or library's own short words ("RTSP 401 Unauthorized", "ECONNREFUSED"),
   * without our advice or the camera's name: the camera form shows them as "details" under
   * its own sentences. Absent when the failure is ours alone (a timeout, a refusal).
   */
  detail?: string;
}

export interface SourceHandlers {
  /** A parsed FLV tag (script data, video sequence header or frame, or audio). */
  onTag(tag: FlvTag): void;
  /** Once, when the codec is known (before or with the first video tag). */
  onCodec?(codec: VideoCodec): void;
  /** Once; after it, no more tags arrive. */
  onEnd(failure: SourceFailure): void;
}

export interface UpstreamSource {
  /** Stops the connection. onEnd is not called after close(). */
  close(): void;
}

/** Creates and starts one connection attempt. */
export type SourceFactory = (handlers: SourceHandlers) => UpstreamSource;
