// Pulls WS(S)-FLV from a media gateway (each binary message is a run of FLV bytes). The
// handshake follows redirects under the shared redirect policy (ws's own followRedirects
// knows no allow-list), and TLS uses the endpoint's trust.
import WebSocket from 'ws';
import { redactUrl } from '../../../logging/redact-url';
import type { SourceFactory } from '../../core/source';
import { pullCredentialRefusal } from '../http-pull/cleartext-guard';
import { FlvStreamFeed, type FlvPullOptions } from '../http-pull/flv-stream-feed';
import { httpRequestTarget } from '../http-pull/http-auth';
import {
  failureForClosedStream,
  failureForHttpStatus,
  failureForNetworkError,
} from '../http-pull/upstream-errors';
import { RedirectPolicy, isRedirect } from '../redirect-policy';
import { tlsConnectOptions } from '../tls/tls-trust';

export function createWsFlvSource(options: FlvPullOptions): SourceFactory {
  return (handlers) => {
    const feed = new FlvStreamFeed(handlers, options.label);
    const policy = new RedirectPolicy(options.url, options.allowRedirectTo ?? [], options.label);
    let socket: WebSocket | undefined;

    const open = (url: string, withCredentials: boolean) => {
      const where = redactUrl(url);
      const refusal = pullCredentialRefusal(url, options, withCredentials);
      if (refusal) return feed.end(refusal);
      const target = httpRequestTarget(url, options.auth, { withCredentials });
      const ws = new WebSocket(target.url, {
        headers: target.headers,
        handshakeTimeout: options.connectTimeoutMs ?? 10_000,
        perMessageDeflate: false,
        ...(target.url.startsWith('wss:') ? tlsConnectOptions(options.tlsTrust) : {}),
      });
      socket = ws;
      ws.binaryType = 'nodebuffer';
      let redirected = false;

      ws.on('unexpected-response', (_request, response) => {
        const status = response.statusCode ?? 0;
        response.resume();
        // The failure is reported (or the redirect marked) before terminate(), whose 'close'
        // would otherwise read as the server ending the stream.
        const step = isRedirect(status)
          ? policy.follow(url, response.headers.location, status)
          : undefined;
        if (step?.ok) redirected = true;
        else feed.end(step ? step.failure : failureForHttpStatus(status, options.label, where));
        ws.terminate();
        if (step?.ok) open(step.url, withCredentials && step.sameHost);
      });
      ws.on('message', (data: Buffer, isBinary: boolean) => {
        if (!isBinary) return;
        if (!feed.push(data)) ws.terminate();
      });
      ws.on('close', () => {
        if (redirected) return;
        feed.serverClosed(
          failureForClosedStream(feed.bytesReceived, options.auth, options.label, where),
        );
      });
      ws.on('error', (error) => {
        if (!redirected) feed.end(failureForNetworkError(error, options.label, where));
      });
    };
    open(options.url, true);

    return {
      close() {
        feed.silence();
        socket?.terminate();
      },
    };
  };
}
