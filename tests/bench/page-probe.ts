// The in-page measurement script, the same for our wall and the baseline page. Added as an
// init script, it watches every <video> the page creates (and every WebCodecs tile's canvas,
// which answers the same two calls: renderer/src/player/canvas-measures.ts) and records, per tile: when the
// element appeared, its first presented frame (requestVideoFrameCallback), presented frames,
// gaps and resumes (for recovery), and on barcode tiles the glass-to-glass latency read from
// the picture. Times are ms since navigation start (performance.now) unless named *Epoch.
import type { Page } from '@playwright/test';
import { decodeBarcodeRgba } from './barcode';

export interface ProbeConfig {
  /** Tiles whose name starts with this carry the barcode. */
  barcodePrefix: string;
  /** Read the barcode on every n-th presented frame (reading costs a canvas readback). */
  latencyEvery: number;
}

export interface TileRecord {
  name: string;
  createdAt: number;
  firstFrameAt: number | null;
  firstFrameEpoch: number | null;
  presented: number;
  lastFrameEpoch: number | null;
  /** [display time epoch ms, latency ms] */
  latency: [number, number][];
  badReads: number;
  /** Epoch ms of the first frame after each gap of over a second. */
  resumesEpoch: number[];
  decoded: number;
  dropped: number;
}

export interface ProbeSnapshot {
  now: number;
  nowEpoch: number;
  keyAt: number | null;
  tiles: TileRecord[];
}

// Runs in the page. Serialised with toString(): it may only use its arguments and globals.
function probeMain(config: ProbeConfig, decode: typeof decodeBarcodeRgba): void {
  /** A <video>, or a WebCodecs tile's canvas with the video's measuring calls. */
  type Watched = HTMLElement & {
    requestVideoFrameCallback: HTMLVideoElement['requestVideoFrameCallback'];
    getVideoPlaybackQuality: HTMLVideoElement['getVideoPlaybackQuality'];
    videoWidth?: number;
    width?: number;
  };
  const CANVAS_TILE = 'canvas.tile-canvas';
  type Rec = TileRecord & {
    el: Watched;
    pendingSince: number | null;
    lastMediaTime: number;
  };
  const recs: Rec[] = [];
  const state = { keyAt: null as number | null };
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 16;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const nameOf = (el: Watched) =>
    el.closest('[data-camera-id]')?.getAttribute('data-camera-id') ??
    el.getAttribute('data-name') ??
    '';

  const onFrame = (rec: Rec, now: number, meta: VideoFrameCallbackMetadata) => {
    rec.pendingSince = null;
    request(rec);
    if (meta.mediaTime === rec.lastMediaTime) return; // a duplicate registration
    rec.lastMediaTime = meta.mediaTime;
    const shownAt = meta.expectedDisplayTime ?? now;
    const shownEpoch = Date.now() + (shownAt - performance.now());
    rec.name = nameOf(rec.el) || rec.name;
    if (rec.firstFrameAt === null) {
      rec.firstFrameAt = shownAt;
      rec.firstFrameEpoch = shownEpoch;
    } else if (rec.lastFrameEpoch !== null && shownEpoch - rec.lastFrameEpoch > 1000) {
      rec.resumesEpoch.push(shownEpoch);
    }
    rec.lastFrameEpoch = shownEpoch;
    rec.presented += 1;
    if (
      ctx &&
      rec.name.startsWith(config.barcodePrefix) &&
      rec.presented % config.latencyEvery === 0
    ) {
      if ((rec.el.videoWidth ?? rec.el.width ?? 0) < 640) return;
      ctx.drawImage(rec.el as unknown as CanvasImageSource, 0, 0, 640, 16, 0, 0, 640, 16);
      const value = decode(ctx.getImageData(0, 0, 640, 16).data, 640);
      if (value === null) {
        rec.badReads += 1;
        return;
      }
      // The clock wraps at 2^32 ms; take the wrap nearest to now.
      const two32 = 4294967296;
      const base = shownEpoch - (shownEpoch % two32);
      let sent = base + value;
      if (sent - shownEpoch > two32 / 2) sent -= two32;
      if (shownEpoch - sent > two32 / 2) sent += two32;
      rec.latency.push([Math.round(shownEpoch), Math.round(shownEpoch - sent)]);
    }
  };
  const request = (rec: Rec) => {
    if (rec.pendingSince !== null) return;
    rec.pendingSince = performance.now();
    rec.el.requestVideoFrameCallback((now, meta) => onFrame(rec, now, meta));
  };
  const track = (el: Watched) => {
    if (recs.some((r) => r.el === el)) return;
    const rec: Rec = {
      el,
      name: nameOf(el),
      createdAt: performance.now(),
      firstFrameAt: null,
      firstFrameEpoch: null,
      presented: 0,
      lastFrameEpoch: null,
      latency: [],
      badReads: 0,
      resumesEpoch: [],
      decoded: 0,
      dropped: 0,
      pendingSince: null,
      lastMediaTime: -1,
    };
    recs.push(rec);
    request(rec);
  };
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      for (const node of m.addedNodes) {
        if (node instanceof HTMLVideoElement) track(node);
        else if (node instanceof HTMLCanvasElement && node.matches(CANVAS_TILE))
          track(node as unknown as Watched);
        else if (node instanceof Element)
          node.querySelectorAll<Watched>(`video, ${CANVAS_TILE}`).forEach(track);
      }
    }
  }).observe(document, { childList: true, subtree: true });
  // A registration can be lost when a player swaps the element's source: re-arm it.
  setInterval(() => {
    for (const rec of recs) {
      if (rec.pendingSince !== null && performance.now() - rec.pendingSince > 1500) {
        rec.pendingSince = null;
        request(rec);
      }
    }
  }, 500);
  window.addEventListener('keydown', () => (state.keyAt = performance.now()), true);
  (window as unknown as { __benchProbe: () => ProbeSnapshot }).__benchProbe = () => ({
    now: performance.now(),
    nowEpoch: Date.now(),
    keyAt: state.keyAt,
    tiles: recs.map((r) => {
      const q = r.el.getVideoPlaybackQuality();
      return {
        name: r.name,
        createdAt: r.createdAt,
        firstFrameAt: r.firstFrameAt,
        firstFrameEpoch: r.firstFrameEpoch,
        presented: r.presented,
        lastFrameEpoch: r.lastFrameEpoch,
        latency: r.latency,
        badReads: r.badReads,
        resumesEpoch: r.resumesEpoch,
        decoded: q.totalVideoFrames - q.droppedVideoFrames,
        dropped: q.droppedVideoFrames,
      };
    }),
  });
}

/** The init script's source. tsx (esbuild keepNames) wraps functions in __name(); shim it. */
export function probeScript(config: ProbeConfig): string {
  return (
    `var __name = (f) => f;\n` +
    `(${probeMain.toString()})(${JSON.stringify(config)}, ${decodeBarcodeRgba.toString()});`
  );
}

export async function installProbe(page: Page, config: ProbeConfig): Promise<void> {
  await page.addInitScript({ content: probeScript(config) });
}

export async function readProbe(page: Page): Promise<ProbeSnapshot> {
  return page.evaluate(() =>
    (window as unknown as { __benchProbe: () => ProbeSnapshot }).__benchProbe(),
  );
}
