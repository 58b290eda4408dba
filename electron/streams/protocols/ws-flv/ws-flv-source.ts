// Pulls WS(S)-FLV from a media gateway (each binary message is a run of FLV bytes).
import WebSocket from 'ws';
import { httpRequestTarget } from '../http-pull/http-auth';
import { redactUrl } from '../../../logging/redact-url';
import type { SourceFactory } from '../../core/source';
import { FlvStreamFeed, type FlvPullOptions } from '../http-pull/flv-stream-feed';
import {
  failureForClosedStream,
  failureForHttpStatus,
  failureForNetworkError,
} from '../http-pull/upstream-errors';

export function createWsFlvSource(options: FlvPullOptions): SourceFactory {
  return (handlers) => {
    const target = httpRequestTarget(options.url, options.auth);
    const where = redactUrl(options.url);
    const feed = new FlvStreamFeed(handlers, options.label);
    const socket = new WebSocket(target.url, {
      headers: target.headers,
      handshakeTimeout: options.connectTimeoutMs ?? 10_000,
      perMessageDeflate: false,
    });
    socket.binaryType = 'nodebuffer';

    socket.on('unexpected-response', (_request, response) => {
      feed.end(failureForHttpStatus(response.statusCode ?? 0, options.label, where));
      response.resume();
      socket.terminate();
    });
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) return;
      if (!feed.push(data)) socket.terminate();
    });
    socket.on('close', () =>
      feed.serverClosed(
        failureForClosedStream(feed.bytesReceived, options.auth, options.label, where),
      ),
    );
    socket.on('error', (error) => feed.end(failureForNetworkError(error, options.label, where)));

    return {
      close() {
        feed.silence();
        socket.terminate();
      },
    };
  };
}
