// Pulls HTTP(S)-FLV from a media gateway, with Basic, Bearer or signed-URL auth applied in
// the main process (see http-pull/http-get-stream.ts for redirects, TLS and timeouts).
import type { SourceFactory } from '../../core/source';
import { FlvStreamFeed, type FlvPullOptions } from '../http-pull/flv-stream-feed';
import { createHttpPullSource } from '../http-pull/http-pull-source';

export function createHttpFlvSource(options: FlvPullOptions): SourceFactory {
  return createHttpPullSource(options, (handlers, label) => new FlvStreamFeed(handlers, label));
}
