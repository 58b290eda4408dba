// One streaming GET for HTTP-FLV and HTTP-TS: credentials applied here, TLS trust from the
// configuration, up to three redirects under the redirect policy, a connect timeout, and
// every failure mapped once. The caller only sees the 200 response or one failure.
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { redactUrl } from '../../../logging/redact-url';
import type { SourceFailure } from '../../core/source';
import { RedirectPolicy, isRedirect } from '../redirect-policy';
import { tlsConnectOptions } from '../tls/tls-trust';
import { pullCredentialRefusal } from './cleartext-guard';
import type { FlvPullOptions } from './flv-stream-feed';
import { httpRequestTarget } from './http-auth';
import { failureForHttpStatus, failureForNetworkError } from './upstream-errors';

export interface HttpStreamEvents {
  /** The 200 response whose body is the stream. */
  onResponse(response: IncomingMessage): void;
  /**
   * Anything before the 200, or a socket error during the body (which the caller may also
   * see on the response: its end is idempotent). Never after close().
   */
  onFailure(failure: SourceFailure): void;
}

export function openHttpStream(
  options: FlvPullOptions,
  events: HttpStreamEvents,
): { close(): void } {
  const policy = new RedirectPolicy(options.url, options.allowRedirectTo ?? [], options.label);
  let request: http.ClientRequest | undefined;
  /** A 200 was delivered or a failure reported: no more redirects or timeouts. */
  let done = false;
  let closed = false;
  const fail = (failure: SourceFailure) => {
    if (done) return;
    done = true;
    clearTimeout(connectTimer);
    request?.destroy();
    events.onFailure(failure);
  };
  // One timer for the whole chain of redirects: a slow chain is as bad as a slow server.
  const connectTimer = setTimeout(() => {
    fail(failureForNetworkError({ code: 'CONNECT_TIMEOUT' }, options.label, where(options.url)));
  }, options.connectTimeoutMs ?? 10_000);

  const get = (url: string, withCredentials: boolean) => {
    const refusal = pullCredentialRefusal(url, options, withCredentials);
    if (refusal) return fail(refusal);
    const target = httpRequestTarget(url, options.auth, { withCredentials });
    const secure = target.url.startsWith('https:');
    const req = (secure ? https : http).get(target.url, {
      headers: { ...target.headers, 'User-Agent': 'OneStopWall/0.1', Accept: '*/*' },
      // No pooled agent: a reused TLS session would skip the pinned-fingerprint check.
      agent: false,
      ...(secure ? tlsConnectOptions(options.tlsTrust) : {}),
    });
    request = req;
    req.on('response', (response) => {
      if (done) return void response.resume();
      const status = response.statusCode ?? 0;
      if (isRedirect(status)) {
        response.resume();
        req.destroy();
        const step = policy.follow(url, response.headers.location, status);
        if (!step.ok) return fail(step.failure);
        return get(step.url, withCredentials && step.sameHost);
      }
      if (status !== 200) {
        response.resume();
        return fail(failureForHttpStatus(status, options.label, where(url)));
      }
      done = true;
      clearTimeout(connectTimer);
      events.onResponse(response);
    });
    req.on('error', (error) => {
      const failure = failureForNetworkError(error, options.label, where(url));
      if (!done) fail(failure);
      else if (!closed && request === req) events.onFailure(failure);
    });
  };
  get(options.url, true);

  return {
    close() {
      done = true;
      closed = true;
      clearTimeout(connectTimer);
      request?.destroy();
    },
  };
}

function where(url: string): string {
  return redactUrl(url);
}
