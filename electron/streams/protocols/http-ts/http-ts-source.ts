// Pulls live MPEG-TS over HTTP(S) (SRS and ZLMediaKit serve it as …/app/name.ts)
// and delivers it as FLV tags. Auth, timeouts and failure mapping are the HTTP-FLV source's,
// so a gateway that serves both reads the same to the user whichever URL is configured.
import { redactUrl } from '../../../logging/redact-url';
import type { FlvPullOptions } from '../http-pull/flv-stream-feed';
import { openHttpStream } from '../http-pull/http-get-stream';
import { failureForClosedStream, failureForNetworkError } from '../http-pull/upstream-errors';
import type { SourceFactory } from '../../core/source';
import { TsStreamFeed } from './ts-stream-feed';

/** The same options as the HTTP-FLV pull: url, auth, label, TLS, redirects, timeouts. */
export type HttpTsOptions = FlvPullOptions;

export function createHttpTsSource(options: HttpTsOptions): SourceFactory {
  return (handlers) => {
    const where = redactUrl(options.url);
    const feed = new TsStreamFeed(handlers, options.label);
    const stream = openHttpStream(options, {
      onFailure: (failure) => feed.end(failure),
      onResponse(response) {
        response.on('data', (chunk: Buffer) => {
          if (!feed.push(chunk)) stream.close();
        });
        response.on('end', () =>
          feed.serverClosed(
            failureForClosedStream(feed.bytesReceived, options.auth, options.label, where),
          ),
        );
        response.on('error', (error) =>
          feed.end(failureForNetworkError(error, options.label, where)),
        );
      },
    });

    return {
      close() {
        feed.silence();
        stream.close();
      },
    };
  };
}
