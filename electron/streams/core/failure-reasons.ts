// Socket error codes, as Node names them, to what a tile can explain (FailureReason) and the
// words a log line or message uses. The one errno table: every protocol reads it, so
// "connection refused" reads the same for an RTSP camera and an FLV gateway. Protocol
// statuses (HTTP, RTSP) are mapped beside their protocols.
import type { FailureReason } from '../../contract/wall-contract';

interface ErrnoEntry {
  reason: FailureReason;
  words: string;
}

const ERRNO: Record<string, ErrnoEntry> = {
  ECONNREFUSED: {
    reason: 'connection-refused',
    words: 'the connection was refused (nothing listens on that port)',
  },
  ETIMEDOUT: { reason: 'connect-timeout', words: 'the connection timed out' },
  CONNECT_TIMEOUT: { reason: 'connect-timeout', words: 'the connection timed out' },
  ENOTFOUND: { reason: 'host-not-found', words: 'the host name could not be resolved (DNS)' },
  EAI_AGAIN: {
    reason: 'host-not-found',
    words: 'the host name could not be resolved (DNS did not answer)',
  },
  EHOSTUNREACH: {
    reason: 'host-unreachable',
    words: 'the host cannot be reached (no route to it)',
  },
  ENETUNREACH: { reason: 'host-unreachable', words: 'the network cannot be reached' },
  EHOSTDOWN: { reason: 'host-unreachable', words: 'the host is down' },
  ECONNRESET: { reason: 'connection-reset', words: 'the connection was reset' },
  EPIPE: { reason: 'connection-reset', words: 'the connection was closed' },
};

export function reasonForErrno(code: string): FailureReason | undefined {
  if (code.startsWith('ERR_TLS') || /CERT|SSL|SELF_SIGNED/.test(code)) return 'tls';
  return ERRNO[code]?.reason;
}

/** Plain words for a socket error code, or undefined for one the table does not know. */
export function wordsForErrno(code: string): string | undefined {
  return ERRNO[code]?.words;
}
