// One heartbeat on the wire: a POST of the signed JSON body with one deadline for the whole
// exchange, TLS verified as for the cameras (a configured CA or pin narrows trust, never turns
// it off), no redirect followed (a beat goes where IT pointed it, or fails and says so), and
// the answer's body read no further than a few bytes. It never throws: it answers an outcome
// whose words carry the URL only as redact-url.ts shows it (no query value, no user info).
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import { redactUrl, redactUrlsIn } from '../../logging/redact-url';
import type { TlsTrust } from '../../settings/settings-model';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from './heartbeat-signature';

export const HEARTBEAT_TIMEOUT_MS = 10_000;

export interface HeartbeatRequest {
  url: string;
  body: string;
  timestamp: string;
  signature: string;
  tlsTrust?: TlsTrust;
  timeoutMs?: number;
  userAgent: string;
}

export type PostOutcome = { ok: true; status: number } | { ok: false; problem: string };

export type HeartbeatPoster = (request: HeartbeatRequest) => Promise<PostOutcome>;

export const postHeartbeat: HeartbeatPoster = (request) =>
  new Promise((resolve) => {
    const url = new URL(request.url);
    const shown = redactUrl(request.url);
    const timeoutMs = request.timeoutMs ?? HEARTBEAT_TIMEOUT_MS;
    let settled = false;
    const finish = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const options = {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(request.body),
        'user-agent': request.userAgent,
        [TIMESTAMP_HEADER]: request.timestamp,
        [SIGNATURE_HEADER]: request.signature,
      },
      // A fresh connection per beat: minutes apart, a kept-alive socket would only go stale.
      agent: false,
    } as const;
    const req =
      url.protocol === 'https:'
        ? httpsRequest(url, { ...options, ...tlsOptions(request.tlsTrust) })
        : httpRequest(url, options);
    const timer = setTimeout(() => {
      req.destroy();
      finish({ ok: false, problem: `no answer from ${shown} within ${timeoutMs / 1000} s` });
    }, timeoutMs);
    req.on('response', (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      // The answer's body means nothing to the wall: let it go, and the socket with it.
      res.resume();
      res.on('error', () => {});
      if (status >= 200 && status < 300) return finish({ ok: true, status });
      if (status >= 300 && status < 400) {
        return finish({
          ok: false,
          problem: `${shown} answered HTTP ${status} (a redirect, not followed): point heartbeat.url at the final address`,
        });
      }
      finish({ ok: false, problem: `${shown} answered HTTP ${status}${advice(status)}` });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      finish({
        ok: false,
        problem: `cannot reach ${shown} (${error.code ?? redactUrlsIn(error.message)})`,
      });
    });
    req.end(request.body);
  });

/**
 * Verification always on, as the cameras' (streams/protocols/tls/tls-trust.ts, which services
 * may not import): IT's CA replaces the system's, and a pin is checked only after the chain
 * and the name verified, so it narrows trust and never widens it.
 */
function tlsOptions(trust: TlsTrust | undefined) {
  const pin = trust?.fingerprint256;
  return {
    rejectUnauthorized: true,
    ...(trust?.ca ? { ca: trust.ca } : {}),
    checkServerIdentity: (host: string, cert: PeerCertificate) => {
      const identity = checkServerIdentity(host, cert);
      if (identity || !pin || cert.fingerprint256?.toUpperCase() === pin) return identity;
      return new Error(`the receiver's certificate is not the one pinned in heartbeat.tls`);
    },
  };
}

function advice(status: number): string {
  if (status === 401 || status === 403) {
    return ': the receiver refused the signature; check that heartbeat.secret is the key it holds and that this PC’s clock is right';
  }
  return '';
}
