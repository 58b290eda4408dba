// The TLS options every secure pull (rtsps://, https://, wss://) connects with. Verification
// stays on in every case: a configured CA replaces the system's list for that endpoint, and a
// pinned fingerprint is checked only after the chain and the host name have verified, so a
// pin narrows trust and never widens it.
import tls, { type PeerCertificate } from 'node:tls';
import type { TlsTrust } from '../../../settings/settings-model';

/** The error code of a certificate that verified but is not the pinned one. */
export const FINGERPRINT_MISMATCH = 'ERR_TLS_CERT_FINGERPRINT_MISMATCH';

export interface TlsConnectOptions {
  rejectUnauthorized: true;
  ca?: string;
  checkServerIdentity: (host: string, cert: PeerCertificate) => Error | undefined;
}

export function tlsConnectOptions(trust: TlsTrust | undefined): TlsConnectOptions {
  const pin = trust?.fingerprint256;
  return {
    rejectUnauthorized: true,
    ...(trust?.ca ? { ca: trust.ca } : {}),
    checkServerIdentity: (host, cert) => {
      const identity = tls.checkServerIdentity(host, cert);
      if (identity || !pin) return identity;
      if (cert.fingerprint256?.toUpperCase() === pin) return undefined;
      return fingerprintMismatch(cert.fingerprint256 ?? '(none)');
    },
  };
}

function fingerprintMismatch(actual: string): Error {
  const error = new Error(
    `the server's certificate (sha256:${actual}) is not the one pinned in tls.fingerprint; if the camera's certificate was renewed on purpose, pin the new one`,
  ) as Error & { code: string };
  error.code = FINGERPRINT_MISMATCH;
  return error;
}

/** Words for a TLS error code or message, saying which configuration field fixes it. */
export function tlsAdvice(code: string): string {
  if (code === FINGERPRINT_MISMATCH) return 'Check tls.fingerprint for this camera.';
  return "Check that the server speaks TLS on this port; if its certificate is self-signed or from the organisation's own CA, give that certificate as tls.ca for this camera (and optionally pin it with tls.fingerprint).";
}
