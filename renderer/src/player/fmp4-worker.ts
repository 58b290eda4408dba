// The dedicated worker that feeds the tiles' MediaSources (fmp4-feed.ts), so the page's thread
// neither receives the streams nor runs the browser's parsing of each append. The page attaches
// each MediaSource's handle to its <video> and reports the play positions a few times a second;
// the feed's seeks go back to the page, the only side that can move a <video>.
import { Fmp4Feed, type FeedPlatform, type Playhead } from './fmp4-feed';
import {
  sharedNow,
  type FromWorker,
  type ReportedPlayhead,
  type ToWorker,
} from './fmp4-worker-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const post = (message: FromWorker, transfer: Transferable[] = []) =>
  scope.postMessage(message, transfer);

const platform: FeedPlatform = {
  openSocket: (url) => new WebSocket(url),
  isTypeSupported: (mime) => MediaSource.isTypeSupported(mime),
  now: () => performance.now(),
};

interface Running {
  feed: Fmp4Feed;
  reported: ReportedPlayhead | null;
}
const feeds = new Map<number, Running>();

/** The page's last report, carried forward to now at the playback rate. */
function playheadOf(id: number, running: Running): Playhead | null {
  const reported = running.reported;
  if (!reported) return null;
  const elapsedS = reported.paused
    ? 0
    : ((sharedNow() - reported.at) / 1_000) * reported.playbackRate;
  return {
    currentTime: reported.currentTime + elapsedS,
    paused: reported.paused,
    seek: (to) => {
      running.reported = { ...reported, currentTime: to, at: sharedNow() };
      post({ kind: 'seek', id, to });
    },
  };
}

function open(id: number, url: string): void {
  const source = new MediaSource();
  const running: Running = { feed: null as unknown as Fmp4Feed, reported: null };
  running.feed = new Fmp4Feed(
    url,
    source,
    platform,
    {
      mediaInfo: (info) => post({ kind: 'media-info', id, info }),
      mark: (data) => post({ kind: 'mark', id, data, leadS: running.feed.lastFrameDurationS }),
      error: (type, detail) => post({ kind: 'error', id, type, detail }),
      dataError: (error) => post({ kind: 'data-error', id, message: String(error) }),
    },
    () => playheadOf(id, running),
  );
  feeds.set(id, running);
  // TypeScript's DOM types do not have MediaSource.handle (Chromium 108+) yet.
  const handle = (source as unknown as { handle: MediaSourceHandle }).handle;
  post({ kind: 'handle', id, handle }, [handle]);
  running.feed.open();
}

scope.onmessage = ({ data }) => {
  if (data.kind === 'open') open(data.id, data.url);
  else if (data.kind === 'close') {
    feeds.get(data.id)?.feed.close();
    feeds.delete(data.id);
  } else {
    for (const reported of data.list) {
      const running = feeds.get(reported.id);
      if (running) running.reported = reported;
    }
  }
};
