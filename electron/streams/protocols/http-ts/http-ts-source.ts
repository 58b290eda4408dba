// Pulls live MPEG-TS over HTTP(S) (SRS, ZLMediaKit, MediaMTX-style gateways: …/app/name.ts)
// and delivers it as FLV tags. Auth, timeouts and failure mapping are the HTTP-FLV source's,
// so a gateway that serves both reads the same to the user whichever URL is configured.
import http from 'node:http';
import https from 'node:https';
import { httpRequestTarget } from '../http-pull/http-auth';
import { redactUrl } from '../../../logging/redact-url';
import type { FlvPullOptions } from '../http-pull/flv-stream-feed';
import {
  failureForClosedStream,
  failureForHttpStatus,
  failureForNetworkError,
} from '../http-pull/upstream-errors';
import type { SourceFactory } from '../../core/source';
import { TsStreamFeed } from './ts-stream-feed';

/** The same options as the HTTP-FLV pull: url, auth, label, connectTimeoutMs. */
export type HttpTsOptions = FlvPullOptions;

export function createHttpTsSource(options: HttpTsOptions): SourceFactory {
  return (handlers) => {
    const target = httpRequestTarget(options.url, options.auth);
    const where = redactUrl(options.url);
    const feed = new TsStreamFeed(handlers, options.label);
    const client = target.url.startsWith('https:') ? https : http;
    const request = client.get(target.url, {
      headers: { ...target.headers, 'User-Agent': 'OneStopWall/0.1', Accept: '*/*' },
    });
    const connectTimer = setTimeout(() => {
      feed.end(failureForNetworkError({ code: 'CONNECT_TIMEOUT' }, options.label, where));
      request.destroy();
    }, options.connectTimeoutMs ?? 10_000);

    request.on('response', (response) => {
      clearTimeout(connectTimer);
      const status = response.statusCode ?? 0;
      if (status !== 200) {
        response.resume();
        feed.end(failureForHttpStatus(status, options.label, where));
        request.destroy();
        return;
      }
      response.on('data', (chunk: Buffer) => {
        if (!feed.push(chunk)) request.destroy();
      });
      response.on('end', () =>
        feed.serverClosed(
          failureForClosedStream(feed.bytesReceived, options.auth, options.label, where),
        ),
      );
      response.on('error', (error) =>
        feed.end(failureForNetworkError(error, options.label, where)),
      );
    });
    request.on('error', (error) => {
      clearTimeout(connectTimer);
      feed.end(failureForNetworkError(error, options.label, where));
    });

    return {
      close() {
        clearTimeout(connectTimer);
        feed.silence();
        request.destroy();
      },
    };
  };
}
