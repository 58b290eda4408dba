// The soak's in-page probe (an init script, so it comes back after every reload). Unlike the
// benchmark's probe it keeps nothing that grows: latency readings wait in a bounded buffer the
// runner drains every sample, and per-video state lives in WeakMaps, so the probe itself cannot
// show up as a slope in the page heap it is there to measure.
import type { Page } from '@playwright/test';
import { decodeBarcodeRgba } from '../bench/barcode';

export interface SoakProbeConfig {
  barcodePrefix: string;
  /** Read the barcode on every n-th presented frame. */
  latencyEvery: number;
  /** A 'live' tile whose frame counter stood still longer than this counts as stale. */
  staleMs: number;
}

export interface SoakProbeCounts {
  tiles: number;
  liveTiles: number;
  /** The page's own player count (data-player-count on the wall). */
  players: number;
  /** MediaSource objects created by the page and not closed. */
  mediaSources: number;
  /** <video> elements in the document with a blob: (MediaSource) source. */
  blobVideos: number;
}

export interface SoakProbeRead extends SoakProbeCounts {
  /** Glass-to-glass readings since the last drain, ms. */
  latency: number[];
  staleLive: { cameraId: string; staleMs: number }[];
}

// Runs in the page, serialised with toString(): it may use only its arguments and globals.
function soakProbeMain(config: SoakProbeConfig, decode: typeof decodeBarcodeRgba): void {
  const sources: WeakRef<MediaSource>[] = [];
  const Original = window.MediaSource;
  if (Original) {
    // Counted through weak references, so the count never keeps a MediaSource alive.
    class CountedMediaSource extends Original {
      constructor() {
        super();
        sources.push(new WeakRef(this));
      }
    }
    window.MediaSource = CountedMediaSource;
  }
  const frames = new WeakMap<HTMLVideoElement, { total: number; changedAt: number }>();
  const armed = new WeakSet<HTMLVideoElement>();
  const latency: number[] = [];
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 16;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const arm = (video: HTMLVideoElement) => {
    if (armed.has(video)) return;
    armed.add(video);
    let count = 0;
    const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
      if (!video.isConnected) {
        armed.delete(video); // detached: the 250 ms scan re-arms it if it comes back
        return;
      }
      video.requestVideoFrameCallback(onFrame);
      count += 1;
      if (!ctx || count % config.latencyEvery !== 0 || video.videoWidth < 640) return;
      ctx.drawImage(video, 0, 0, 640, 16, 0, 0, 640, 16);
      const value = decode(ctx.getImageData(0, 0, 640, 16).data, 640);
      if (value === null) return;
      const shownEpoch = Date.now() + ((meta.expectedDisplayTime ?? _now) - performance.now());
      const two32 = 4294967296;
      let sent = shownEpoch - (shownEpoch % two32) + value;
      if (sent - shownEpoch > two32 / 2) sent -= two32;
      if (shownEpoch - sent > two32 / 2) sent += two32;
      // Bounded: if the runner stops draining, old readings go rather than memory.
      if (latency.length < 5_000) latency.push(Math.round(shownEpoch - sent));
    };
    video.requestVideoFrameCallback(onFrame);
  };
  const tiles = () => [...document.querySelectorAll<HTMLElement>('[data-testid="tile"]')];
  // Frame counters are watched every 250 ms, so staleness is known to a quarter second.
  setInterval(() => {
    const now = Date.now();
    for (const tile of tiles()) {
      const video = tile.querySelector('video');
      if (!video) continue;
      const total = video.getVideoPlaybackQuality().totalVideoFrames;
      const seen = frames.get(video);
      if (!seen || seen.total !== total) frames.set(video, { total, changedAt: now });
      if ((tile.dataset.cameraId ?? '').startsWith(config.barcodePrefix)) arm(video);
    }
  }, 250);
  (window as unknown as { __soakProbe: () => SoakProbeRead }).__soakProbe = () => {
    const now = Date.now();
    const all = tiles();
    const staleLive: SoakProbeRead['staleLive'] = [];
    for (const tile of all) {
      const video = tile.querySelector('video');
      const seen = video ? frames.get(video) : undefined;
      if (tile.dataset.state !== 'live' || !seen) continue;
      const staleMs = now - seen.changedAt;
      if (staleMs > config.staleMs)
        staleLive.push({ cameraId: tile.dataset.cameraId ?? '', staleMs });
    }
    for (let i = sources.length - 1; i >= 0; i--) if (!sources[i]!.deref()) sources.splice(i, 1);
    const wall = document.querySelector<HTMLElement>('[data-testid="wall"]');
    return {
      tiles: all.length,
      liveTiles: all.filter((t) => t.dataset.state === 'live').length,
      players: Number(wall?.dataset.playerCount ?? -1),
      mediaSources: sources.filter((r) => r.deref()?.readyState !== 'closed').length,
      blobVideos: [...document.querySelectorAll('video')].filter((v) => v.src.startsWith('blob:'))
        .length,
      latency: latency.splice(0),
      staleLive,
    };
  };
}

/** The init script's source; tsx (esbuild keepNames) wraps functions in __name(): shim it. */
export function soakProbeScript(config: SoakProbeConfig): string {
  return (
    `var __name = (f) => f;\n` +
    `(${soakProbeMain.toString()})(${JSON.stringify(config)}, ${decodeBarcodeRgba.toString()});`
  );
}

/** Reads and drains the probe; null while the page is gone (crashed, reloading). */
export async function readSoakProbe(page: Page): Promise<SoakProbeRead | null> {
  try {
    return await page.evaluate(() => {
      const probe = (window as unknown as { __soakProbe?: () => SoakProbeRead }).__soakProbe;
      return probe ? probe() : null;
    });
  } catch {
    return null;
  }
}
