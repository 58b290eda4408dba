// The messages between the page's fragmented-MP4 players and the worker that feeds their
// MediaSources (fmp4-worker.ts). One worker serves every tile; each feed has a number.

/** Where a tile's <video> is, as the page last saw it. */
export interface ReportedPlayhead {
  id: number;
  currentTime: number;
  paused: boolean;
  playbackRate: number;
  /** performance.timeOrigin + performance.now() when read (shared by page and worker). */
  at: number;
}

/**
 * A MediaSource the worker made before any tile asked, and its handle: a player takes one and
 * attaches it to its <video> at once, instead of waiting for the worker's answer behind
 * whatever the page's thread is doing (at boot, React's first render: about 100 ms measured).
 */
export interface SpareSource {
  spare: number;
  handle: MediaSourceHandle;
}

export type ToWorker =
  /** `spare`: the feed plays into that spare source, already attached by the page. */
  | { kind: 'open'; id: number; url: string; spare?: number }
  | { kind: 'close'; id: number }
  | { kind: 'playheads'; list: ReportedPlayhead[] };

export type FromWorker =
  | { kind: 'spares'; sources: SpareSource[] }
  | { kind: 'handle'; id: number; handle: MediaSourceHandle }
  | { kind: 'media-info'; id: number; info: { videoCodec: string; width: number; height: number } }
  | { kind: 'mark'; id: number; data: { onWallClock: { t: number; at: number } }; leadS: number }
  | { kind: 'error'; id: number; type: string; detail: string }
  | { kind: 'data-error'; id: number; message: string }
  | { kind: 'seek'; id: number; to: number };

/** A clock both sides read alike (each has its own performance.now origin). */
export function sharedNow(): number {
  return performance.timeOrigin + performance.now();
}
