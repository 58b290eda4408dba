// Turns two probe snapshots (start and end of a measurement window) into a run's numbers.
// Pure, so the arithmetic is unit-tested without a browser.
import type { ProbeSnapshot, TileRecord } from './page-probe';
import { leastSquaresSlope, max, mean, median, percentile } from './stats';

export interface TileMetrics {
  tiles: number;
  /** Tiles that presented a frame before the window ended. */
  tilesPlaying: number;
  /** From navigation start to the first presented frame, per tile. */
  firstFrameMs: { p50: number | null; p95: number | null; max: number | null };
  /** From the <video> element's creation to its first presented frame. */
  firstFrameFromTileMs: { p50: number | null; p95: number | null };
  latencyMs: {
    p50: number | null;
    p95: number | null;
    samples: number;
    badReads: number;
    /** Least-squares slope over the window, ms of latency per minute. */
    slopeMsPerMin: number | null;
  };
  /** Per tile, averaged over tiles. */
  decodedFps: number | null;
  presentedFps: number | null;
  minPresentedFps: number | null;
  /** Sum over tiles during the window. */
  droppedFrames: number;
}

/** Records present at both ends, paired by position (the probe only appends). */
function pairs(a: ProbeSnapshot[], b: ProbeSnapshot[]): [TileRecord, TileRecord, number][] {
  const out: [TileRecord, TileRecord, number][] = [];
  b.forEach((end, page) => {
    const start = a[page];
    end.tiles.forEach((tile, i) => {
      const before = start?.tiles[i];
      const seconds = (end.now - (start?.now ?? end.now)) / 1000;
      if (before) out.push([before, tile, seconds]);
    });
  });
  return out;
}

export function tileMetrics(
  start: ProbeSnapshot[],
  end: ProbeSnapshot[],
  expectedTiles: number,
  barcodePrefix: string,
): TileMetrics {
  const all = end.flatMap((s) => s.tiles);
  const first = all.flatMap((t) => (t.firstFrameAt === null ? [] : [t.firstFrameAt]));
  const fromTile = all.flatMap((t) =>
    t.firstFrameAt === null ? [] : [t.firstFrameAt - t.createdAt],
  );
  const windowStart = Math.min(...start.map((s) => s.nowEpoch));
  const windowEnd = Math.max(...end.map((s) => s.nowEpoch));
  const samples = all
    .filter((t) => t.name.startsWith(barcodePrefix))
    .flatMap((t) => t.latency)
    .filter(([at]) => at >= windowStart && at <= windowEnd);
  const latencies = samples.map(([, l]) => l);
  const slope = leastSquaresSlope(samples.map(([at, l]) => [(at - windowStart) / 60_000, l]));
  const paired = pairs(start, end).filter(([, , s]) => s > 0);
  const decoded = paired.map(([a, b, s]) => (b.decoded - a.decoded) / s);
  const presented = paired.map(([a, b, s]) => (b.presented - a.presented) / s);
  return {
    tiles: expectedTiles,
    tilesPlaying: first.length,
    firstFrameMs: { p50: median(first), p95: percentile(first, 95), max: max(first) },
    firstFrameFromTileMs: { p50: median(fromTile), p95: percentile(fromTile, 95) },
    latencyMs: {
      p50: median(latencies),
      p95: percentile(latencies, 95),
      samples: latencies.length,
      badReads: all.reduce((sum, t) => sum + t.badReads, 0),
      slopeMsPerMin: slope,
    },
    decodedFps: mean(decoded),
    presentedFps: mean(presented),
    minPresentedFps: presented.length > 0 ? Math.min(...presented) : null,
    droppedFrames: paired.reduce((sum, [a, b]) => sum + (b.dropped - a.dropped), 0),
  };
}
