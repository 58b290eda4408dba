// What the feed worker does (fmp4-worker.ts is its entry): one Fmp4Feed per tile, each into a
// MediaSource whose handle the page attaches to the tile's <video>; the page's reports of where
// each <video> plays, carried forward to now; the feeds' seeks sent back to the page. Written
// against a small scope so the unit tests run it without a worker.
import type { FeedEvents, Playhead } from './fmp4-feed';
import type { FromWorker, ReportedPlayhead, SpareSource, ToWorker } from './fmp4-worker-protocol';

/**
 * Sources made ahead, so a wall's first page (16 tiles is the usual 4×4) attaches them without a
 * round trip; each one taken is replaced. An unattached MediaSource holds no buffer.
 */
export const SPARE_SOURCES = 16;

export interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}

/** The part of Fmp4Feed the worker drives. */
export interface FeedLike {
  open(): void;
  close(): void;
  readonly lastFrameDurationS: number;
}

export interface FeedWorkerDeps {
  newSource(): MediaSource;
  /** TypeScript's DOM types do not have MediaSource.handle (Chromium 108+) yet. */
  handleOf(source: MediaSource): MediaSourceHandle;
  newFeed(
    url: string,
    source: MediaSource,
    events: FeedEvents,
    playhead: () => Playhead | null,
  ): FeedLike;
  now(): number;
}

interface Running {
  feed: FeedLike;
  reported: ReportedPlayhead | null;
}

/** The page's last report, carried forward to `now` at the playback rate. */
export function playheadAt(reported: ReportedPlayhead, now: number): number {
  if (reported.paused) return reported.currentTime;
  return reported.currentTime + ((now - reported.at) / 1_000) * reported.playbackRate;
}

export function serveFeeds(scope: WorkerScope, deps: FeedWorkerDeps): void {
  const post = (message: FromWorker, transfer: Transferable[] = []) =>
    scope.postMessage(message, transfer);
  const feeds = new Map<number, Running>();
  const spares = new Map<number, MediaSource>();
  let nextSpare = 1;

  const makeSpares = (count: number): void => {
    const sources: SpareSource[] = [];
    for (let i = 0; i < count; i++) {
      const source = deps.newSource();
      const spare = nextSpare++;
      spares.set(spare, source);
      sources.push({ spare, handle: deps.handleOf(source) });
    }
    post(
      { kind: 'spares', sources },
      sources.map((s) => s.handle as unknown as Transferable),
    );
  };

  const playheadOf = (id: number, running: Running): Playhead | null => {
    const reported = running.reported;
    if (!reported) return null;
    return {
      currentTime: playheadAt(reported, deps.now()),
      paused: reported.paused,
      seek: (to) => {
        running.reported = { ...reported, currentTime: to, at: deps.now() };
        post({ kind: 'seek', id, to });
      },
    };
  };

  const open = (id: number, url: string, spare: number | undefined): void => {
    let source = spare === undefined ? undefined : spares.get(spare);
    if (source) {
      spares.delete(spare!);
      makeSpares(1);
    }
    const attached = source !== undefined;
    source ??= deps.newSource();
    const running: Running = { feed: null as unknown as FeedLike, reported: null };
    running.feed = deps.newFeed(
      url,
      source,
      {
        mediaInfo: (info) => post({ kind: 'media-info', id, info }),
        mark: (data) => post({ kind: 'mark', id, data, leadS: running.feed.lastFrameDurationS }),
        error: (type, detail) => post({ kind: 'error', id, type, detail }),
        dataError: (error) => post({ kind: 'data-error', id, message: String(error) }),
      },
      () => playheadOf(id, running),
    );
    feeds.set(id, running);
    if (!attached) {
      // No spare named (or an unknown one): the page attaches this source when it hears of it.
      const handle = deps.handleOf(source);
      post({ kind: 'handle', id, handle }, [handle as unknown as Transferable]);
    }
    running.feed.open();
  };

  scope.onmessage = ({ data }) => {
    if (data.kind === 'open') open(data.id, data.url, data.spare);
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
  makeSpares(SPARE_SOURCES);
}
