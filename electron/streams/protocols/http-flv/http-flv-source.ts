// Pulls HTTP(S)-FLV from a media gateway, with Basic, Bearer or signed-URL auth applied in
// the main process (see http-pull/http-get-stream.ts for redirects, TLS and timeouts).
import { redactUrl } from '../../../logging/redact-url';
import type { SourceFactory } from '../../core/source';
import { FlvStreamFeed, type FlvPullOptions } from '../http-pull/flv-stream-feed';
import { openHttpStream } from '../http-pull/http-get-stream';
import { failureForClosedStream, failureForNetworkError } from '../http-pull/upstream-errors';

export function createHttpFlvSource(options: FlvPullOptions): SourceFactory {
  return (handlers) => {
    const where = redactUrl(options.url);
    const feed = new FlvStreamFeed(handlers, options.label);
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
