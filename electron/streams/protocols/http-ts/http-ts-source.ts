// Pulls live MPEG-TS over HTTP(S) (SRS and ZLMediaKit serve it as …/app/name.ts) and delivers
// it as FLV tags. Auth, timeouts and failure mapping are the HTTP-FLV source's
// (http-pull/http-pull-source.ts), so both read the same to the user.
import type { SourceFactory } from '../../core/source';
import type { FlvPullOptions } from '../http-pull/flv-stream-feed';
import { createHttpPullSource } from '../http-pull/http-pull-source';
import { TsStreamFeed } from './ts-stream-feed';

/** The same options as the HTTP-FLV pull: url, auth, label, TLS, redirects, timeouts. */
export type HttpTsOptions = FlvPullOptions;

export function createHttpTsSource(options: HttpTsOptions): SourceFactory {
  return createHttpPullSource(options, (handlers, label) => new TsStreamFeed(handlers, label));
}
