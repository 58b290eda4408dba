// Failure messages a user can act on: each names the camera, says what went wrong in plain
// words, and what to check next (for the log). Each also carries, apart, the camera's or the
// library's own short words (`detail`) for the camera form. None contains a password or a URL
// with credentials.
import type { FailureReason } from '../../../contract/wall-contract';
import { reasonForErrno, wordsForErrno } from '../../core/failure-reasons';
import { reasonForRtspStatus } from './rtsp-status';
import type { SourceFailure, SourceFailureCode } from '../../core/source';
import { redactUrlsIn } from '../../../logging/redact-url';
import { FINGERPRINT_MISMATCH, tlsAdvice } from '../tls/tls-trust';

/** Thrown inside the RTSP flow; caught once and turned into onEnd. */
export class RtspFailure extends Error {
  constructor(
    readonly code: SourceFailureCode,
    message: string,
    readonly details: { reason?: FailureReason; protocolStatus?: number; detail?: string } = {},
  ) {
    super(redactUrlsIn(message));
  }

  toSourceFailure(): SourceFailure {
    const { detail, ...rest } = this.details;
    return {
      code: this.code,
      message: this.message,
      ...rest,
      ...(detail ? { detail: redactUrlsIn(detail) } : {}),
    };
  }
}

export function unreachable(label: string, host: string, port: number, errno: string): RtspFailure {
  const what = wordsForErrno(errno) ?? `the connection failed (${errno})`;
  const reason = reasonForErrno(errno);
  return new RtspFailure(
    'unreachable',
    `Camera '${label}': cannot connect to ${host}:${port}: ${what}. Check that the camera is on, the address and RTSP port are right, and the network allows it.`,
    { ...(reason ? { reason } : {}), detail: `${errno} ${host}:${port}` },
  );
}

export function connectTimeout(label: string, host: string, port: number, ms: number): RtspFailure {
  return new RtspFailure(
    'unreachable',
    `Camera '${label}': no answer from ${host}:${port} within ${Math.round(ms / 1000)} s (connect timeout). Check that the camera is on and reachable from this PC.`,
    { reason: 'connect-timeout' },
  );
}

export function tlsFailure(label: string, host: string, code: string, text = ''): RtspFailure {
  // The pin's own message says which certificate came; Node's codes speak for themselves.
  const detail = code === FINGERPRINT_MISMATCH && text ? `${text}, ${code}` : code;
  return new RtspFailure(
    'protocol-error',
    `Camera '${label}': the TLS connection to ${host} failed (${detail}). ${tlsAdvice(code)}`,
    { reason: 'tls', detail },
  );
}

export function basicOverCleartext(label: string): RtspFailure {
  return new RtspFailure(
    'protocol-error',
    `Camera '${label}': the camera asks for the password in clear text (RTSP Basic over rtsp://), so it was not sent. Switch the camera's RTSP authentication to Digest, use rtsps://, or set "allowBasicOverCleartext": true for this camera if the network is trusted.`,
    { reason: 'basic-over-cleartext' },
  );
}

/** A redirect the policy refused or a loop (see ../redirect-policy.ts). */
export function redirectFailure(failure: SourceFailure): RtspFailure {
  return new RtspFailure(failure.code, failure.message, {
    ...(failure.reason ? { reason: failure.reason } : {}),
    ...(failure.protocolStatus ? { protocolStatus: failure.protocolStatus } : {}),
  });
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
      { protocolStatus: status, detail: s },
    );
  }
  if (status === 403) {
    return new RtspFailure(
      'auth-failed',
      `Camera '${label}': the camera refused access (${s}). Check that this user may view live video.`,
      { protocolStatus: status, detail: s },
    );
  }
  if (status === 404) {
    return new RtspFailure(
      'not-found',
      `Camera '${label}': the stream path does not exist (${s}). Check the path in the camera URL (for example /Streaming/Channels/101).`,
      { protocolStatus: status, detail: s },
    );
  }
  return new RtspFailure(
    'protocol-error',
    `Camera '${label}': ${method} was refused (${s}). Check the camera URL; if it persists, restart the camera or reduce its number of viewers.`,
    { reason: reasonForRtspStatus(status), protocolStatus: status, detail: `${method}: ${s}` },
  );
}

export function protocolError(label: string, what: string): RtspFailure {
  return new RtspFailure(
    'protocol-error',
    `Camera '${label}': ${what}. Check that the address points to an RTSP camera; if it persists, update the camera firmware.`,
    { reason: 'malformed-stream', detail: what },
  );
}

export function noAuthOffered(label: string): RtspFailure {
  return new RtspFailure(
    'auth-failed',
    `Camera '${label}': the camera asks for a login in a way this app does not support (only Digest with MD5, SHA-256 or SHA-512-256, and Basic are). Check the camera's RTSP authentication setting.`,
    { reason: 'no-auth-method' },
  );
}

export function missingCredentials(label: string): RtspFailure {
  return new RtspFailure(
    'auth-failed',
    `Camera '${label}': the camera requires a user name and password (RTSP 401). Enter the credentials in the configuration.`,
    { detail: 'RTSP 401' },
  );
}

export function ended(label: string, detail: string): RtspFailure {
  return new RtspFailure(
    'ended',
    `Camera '${label}': the stream ended (${detail}). It will be reconnected.`,
    { detail },
  );
}

/** Anything thrown in the RTSP flow, as the one failure the source ends with. */
export function toFailure(err: unknown, label: string): SourceFailure {
  if (err instanceof RtspFailure) return err.toSourceFailure();
  const text = err instanceof Error ? err.message : String(err);
  return protocolError(label, `unexpected error: ${text}`).toSourceFailure();
}
