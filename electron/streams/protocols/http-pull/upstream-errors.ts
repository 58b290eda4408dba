// Maps transport errors and HTTP statuses to the failures a user can act on. Socket errors
// read from the shared errno table (core/failure-reasons.ts); HTTP statuses are mapped here.
import type { AuthSettings } from '../../../settings/settings-model';
import { reasonForErrno, wordsForErrno } from '../../core/failure-reasons';
import type { SourceFailure } from '../../core/source';
import { tlsAdvice } from '../tls/tls-trust';

export function failureForNetworkError(
  error: unknown,
  label: string,
  where: string,
): SourceFailure {
  const code = (error as { code?: string } | null)?.code ?? '';
  const reason = wordsForErrno(code) ?? (error instanceof Error ? error.message : String(error));
  const failureReason = reasonForErrno(code);
  if (failureReason === 'tls') {
    return {
      code: 'protocol-error',
      reason: 'tls',
      message: `Camera '${label}': the TLS connection to ${where} failed: ${reason} (${code}). ${tlsAdvice(code)}`,
      detail: code,
    };
  }
  return {
    code: 'unreachable',
    message: `Camera '${label}': cannot reach ${where}: ${reason}. Check that the server is on and the address is right.`,
    ...(failureReason ? { reason: failureReason } : {}),
    detail: code || reason,
  };
}

export function failureForHttpStatus(status: number, label: string, where: string): SourceFailure {
  if (status === 401 || status === 403) {
    return {
      code: 'auth-failed',
      protocolStatus: status,
      message: `Camera '${label}': ${where} refused the credentials (HTTP ${status}). Check the user name, password, token or signing secret in the configuration.`,
      detail: `HTTP ${status}`,
    };
  }
  if (status === 404) {
    return {
      code: 'not-found',
      protocolStatus: status,
      message: `Camera '${label}': ${where} has no such stream (HTTP 404). Check the stream path in the URL.`,
      detail: 'HTTP 404',
    };
  }
  if (status >= 300 && status < 400) {
    // The redirects we follow never get here (see redirect-policy.ts); these are the others.
    return {
      code: 'protocol-error',
      reason: 'redirect-refused',
      protocolStatus: status,
      message: `Camera '${label}': ${where} answered HTTP ${status}, a redirect this app does not follow. Configure the stream's final URL.`,
      detail: `HTTP ${status}`,
    };
  }
  return {
    code: 'protocol-error',
    reason: 'server-refused',
    protocolStatus: status,
    message: `Camera '${label}': ${where} answered HTTP ${status}. Check the URL and the server's logs.`,
    detail: `HTTP ${status}`,
  };
}

/**
 * The server accepted the connection (200) and closed it. Node-Media-Server answers a play
 * whose signature it refuses exactly so: 200, no byte, close. With a signed URL that is an
 * authentication failure; otherwise the server simply had nothing to send.
 */
export function failureForClosedStream(
  bytesReceived: number,
  auth: AuthSettings | undefined,
  label: string,
  where: string,
): SourceFailure {
  if (bytesReceived === 0 && auth?.type === 'nms-sign') {
    return {
      code: 'auth-failed',
      message: `Camera '${label}': ${where} closed the play at once without video, as Node-Media-Server does when it refuses a signature. Check the signing secret in the configuration.`,
    };
  }
  return { code: 'ended', message: `Camera '${label}': ${where} ended the stream.` };
}
