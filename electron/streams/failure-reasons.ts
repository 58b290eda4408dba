// Socket error codes, as Node names them, to the reasons a tile can explain. Shared by every
// protocol, so "connection refused" reads the same for an RTSP camera and an FLV gateway.
import type { FailureReason } from '../contract/wall-contract';

const ERRNO_REASONS: Record<string, FailureReason> = {
  ECONNREFUSED: 'connection-refused',
  ETIMEDOUT: 'connect-timeout',
  CONNECT_TIMEOUT: 'connect-timeout',
  ENOTFOUND: 'host-not-found',
  EAI_AGAIN: 'host-not-found',
  EHOSTUNREACH: 'host-unreachable',
  ENETUNREACH: 'host-unreachable',
  EHOSTDOWN: 'host-unreachable',
  ECONNRESET: 'connection-reset',
  EPIPE: 'connection-reset',
};

export function reasonForErrno(code: string): FailureReason | undefined {
  if (code.startsWith('ERR_TLS') || /CERT|SSL|SELF_SIGNED/.test(code)) return 'tls';
  return ERRNO_REASONS[code];
}

/** RTSP 454/455 say something specific; any other refusal is the server's own. */
export function reasonForRtspStatus(status: number): FailureReason {
  if (status === 454) return 'session-not-found';
  if (status === 455) return 'method-not-allowed';
  return 'server-refused';
}
