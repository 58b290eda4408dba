// The dedicated worker that feeds the tiles' MediaSources (fmp4-feed.ts), so the page's thread
// neither receives the streams nor runs the browser's parsing of each append. What it does is in
// fmp4-worker-core.ts; this entry gives it the worker's scope and the browser's pieces.
import { Fmp4Feed, type FeedPlatform } from './fmp4-feed';
import { serveFeeds, type WorkerScope } from './fmp4-worker-core';
import { sharedNow } from './fmp4-worker-protocol';

const platform: FeedPlatform = {
  openSocket: (url) => new WebSocket(url),
  isTypeSupported: (mime) => MediaSource.isTypeSupported(mime),
  now: () => performance.now(),
};

serveFeeds(self as unknown as WorkerScope, {
  newSource: () => new MediaSource(),
  handleOf: (source) => (source as unknown as { handle: MediaSourceHandle }).handle,
  newFeed: (url, source, events, playhead) => new Fmp4Feed(url, source, platform, events, playhead),
  now: sharedNow,
});
