// How a source's failure reads as a stream state (the words come later, in the renderer), and
// the failures the session itself decides: its watchdogs, and a drop during playback.
import type { StreamState, StreamStatus } from '../../contract/wall-contract';
import type { SessionTimings } from './session-timings';
import type { SourceFailure } from './source';

export function stateForFailure(failure: SourceFailure, hadFrames: boolean): StreamState {
  switch (failure.code) {
    case 'auth-failed':
    case 'unreachable':
    case 'not-found':
    case 'no-media':
    case 'stalled':
    case 'unsupported-codec':
      return failure.code;
    case 'ended':
      // A server that closes a stream that was playing has lost its signal; one that closes
      // before any frame has none to send.
      return hadFrames ? 'stalled' : 'no-media';
    case 'no-video-track':
    case 'protocol-error':
    case 'closed':
      return 'error';
  }
}

/**
 * A connection that played video and then failed with a socket error (a server that cuts the
 * stream off mid-response: ECONNRESET, "aborted") was reached: it ended, and saying "cannot
 * reach" would send IT after the network instead of the server.
 */
export function failureAfterVideo(
  failure: SourceFailure,
  playedMs: number,
  label: string,
): SourceFailure {
  if (failure.code !== 'unreachable') return failure;
  return {
    code: 'ended',
    message: `Camera '${label}': the stream was cut off after ${Math.round(playedMs / 1000)} s of video (the connection closed). It will be reconnected.`,
    ...(failure.reason ? { reason: failure.reason } : {}),
  };
}

/** The watchdogs' verdict on the open connection, or null while it is fine. */
export function watchdogFailure(
  now: number,
  connection: { connectedAt: number; firstFrameAt: number | null; lastFrameAt: number | null },
  timings: SessionTimings,
  label: string,
): SourceFailure | null {
  if (connection.firstFrameAt === null) {
    if (now - connection.connectedAt < timings.noMediaTimeoutMs) return null;
    return {
      code: 'no-media',
      message: `Camera '${label}': the server answered but sent no video for ${Math.round(timings.noMediaTimeoutMs / 1000)} s. Check that the camera is publishing to the server and that the stream name is right.`,
    };
  }
  if (now - (connection.lastFrameAt ?? now) < timings.stallTimeoutMs) return null;
  return {
    code: 'stalled',
    message: `Camera '${label}': video stopped for ${Math.round(timings.stallTimeoutMs / 1000)} s; reconnecting.`,
  };
}

/** The status after `change`: `since` moves with the state, and a reason does not outlive its failure. */
export function changedStatus(
  current: StreamStatus,
  change: Partial<StreamStatus>,
  now: number,
): StreamStatus {
  const next = { ...current, ...change };
  if (['connecting', 'live', 'unstable', 'idle'].includes(change.state ?? '')) {
    delete next.reason;
    delete next.protocolStatus;
  }
  if (change.state && change.state !== current.state) next.since = now;
  return next;
}
