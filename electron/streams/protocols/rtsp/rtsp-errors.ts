// Failure messages a user can act on: each names the camera, says what went wrong in plain
// words, and what to check next. None contains a password or a URL with credentials.
import type { FailureReason } from '../../../contract/wall-contract';
import { reasonForErrno, wordsForErrno } from '../../core/failure-reasons';
import { reasonForRtspStatus } from './rtsp-status';
import type { SourceFailure, SourceFailureCode } from '../../core/source';
import { redactUrlsIn } from '../../../logging/redact-url';

/** Thrown inside the RTSP flow; caught once and turned into onEnd. */
export class RtspFailure extends Error {
  constructor(
    readonly code: SourceFailureCode,
    message: string,
    readonly details: { reason?: FailureReason; protocolStatus?: number } = {},
  ) {
    super(redactUrlsIn(message));
  }

  toSourceFailure(): SourceFailure {
    return { code: this.code, message: this.message, ...this.details };
  }
}

export function unreachable(label: string, host: string, port: number, errno: string): RtspFailure {
  const what = wordsForErrno(errno) ?? `the connection failed (${errno})`;
  const reason = reasonForErrno(errno);
  return new RtspFailure(
    'unreachable',
    `Camera '${label}': cannot connect to ${host}:${port}: ${what}. Check that the camera is on, the address and RTSP port are right, and the network allows it.`,
    reason ? { reason } : {},
  );
}

export function connectTimeout(label: string, host: string, port: number, ms: number): RtspFailure {
  return new RtspFailure(
    'unreachable',
    `Camera '${label}': no answer from ${host}:${port} within ${Math.round(ms / 1000)} s (connect timeout). Check that the camera is on and reachable from this PC.`,
    { reason: 'connect-timeout' },
  );
}

export function tlsFailure(label: string, host: string, detail: string): RtspFailure {
  return new RtspFailure(
    'protocol-error',
    `Camera '${label}': the TLS connection to ${host} failed (${detail}). Check that the camera serves rtsps on this port, and add its certificate as trusted for this camera.`,
    { reason: 'tls' },
  );
}

export function statusFailure(
  label: string,
  method: string,
  status: number,
  reason: string,
): RtspFailure {
  const s = `RTSP ${status}${reason ? ` ${reason}` : ''}`;
  if (status === 401) {
    return new RtspFailure(
      'auth-failed',
      `Camera '${label}': wrong user name or password (${s}). Check the credentials in the configuration.`,
      { protocolStatus: status },
    );
  }
  if (status === 403) {
    return new RtspFailure(
      'auth-failed',
      `Camera '${label}': the camera refused access (${s}). Check that this user may view live video.`,
      { protocolStatus: status },
    );
  }
  if (status === 404) {
    return new RtspFailure(
      'not-found',
      `Camera '${label}': the stream path does not exist (${s}). Check the path in the camera URL (for example /Streaming/Channels/101).`,
      { protocolStatus: status },
    );
  }
  return new RtspFailure(
    'protocol-error',
    `Camera '${label}': ${method} was refused (${s}). Check the camera URL; if it persists, restart the camera or reduce its number of viewers.`,
    { reason: reasonForRtspStatus(status), protocolStatus: status },
  );
}

export function protocolError(label: string, what: string): RtspFailure {
  return new RtspFailure(
    'protocol-error',
    `Camera '${label}': ${what}. Check that the address points to an RTSP camera; if it persists, update the camera firmware.`,
    { reason: 'malformed-stream' },
  );
}

export function noAuthOffered(label: string): RtspFailure {
  return new RtspFailure(
    'auth-failed',
    `Camera '${label}': the camera asks for a login in a way this app does not support (only Digest MD5 and Basic are). Check the camera's RTSP authentication setting.`,
    { reason: 'no-auth-method' },
  );
}

export function missingCredentials(label: string): RtspFailure {
  return new RtspFailure(
    'auth-failed',
    `Camera '${label}': the camera requires a user name and password (RTSP 401). Enter the credentials in the configuration.`,
  );
}

export function ended(label: string, detail: string): RtspFailure {
  return new RtspFailure(
    'ended',
    `Camera '${label}': the stream ended (${detail}). It will be reconnected.`,
  );
}
