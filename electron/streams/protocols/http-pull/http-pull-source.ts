// One HTTP(S) GET whose body is a live byte stream, fed to a format's feed (FLV or MPEG-TS):
// redirects, TLS and timeouts in http-get-stream.ts, failures mapped the same way for every
// format, so a gateway that serves both reads the same to the user whichever URL is configured.
import { redactUrl } from '../../../logging/redact-url';
import type { SourceFactory, SourceHandlers } from '../../core/source';
import type { FlvPullOptions } from './flv-stream-feed';
import { openHttpStream } from './http-get-stream';
import type { PullFeed } from './pull-feed';
import { failureForClosedStream, failureForNetworkError } from './upstream-errors';

export function createHttpPullSource(
  options: FlvPullOptions,
  makeFeed: (handlers: SourceHandlers, label: string) => PullFeed,
): SourceFactory {
  return (handlers) => {
    const where = redactUrl(options.url);
    const feed = makeFeed(handlers, options.label);
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
