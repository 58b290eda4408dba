// The soak's numbers: samples in, slopes and target verdicts out. Plain functions over plain
// data, unit-tested. A slope comes with its standard error, because a 1 MB/hour target read
// off a 10-minute run of a saw-toothed heap is noise unless the interval says otherwise.
import { percentile } from '../bench/stats';

export interface LatencySummary {
  p50: number;
  p95: number;
  n: number;
}

export interface SoakSample {
  /** ms since the soak started. */
  tMs: number;
  /** The page's life: 0, then +1 after each renderer crash and reload. */
  segment: number;
  hostRssMb: number | null;
  /** The host process's V8 heap used, after a forced GC. */
  hostHeapMb: number | null;
  /** The page's JS heap used, after a forced GC (CDP). */
  pageHeapMb: number | null;
  rendererPssMb: number | null;
  browserPssMb: number | null;
  /** % of one core since the previous sample. */
  cpu: { browser: number; host: number; others: number } | null;
  tiles: number | null;
  players: number | null;
  mediaSources: number | null;
  liveTiles: number | null;
  latency: LatencySummary | null;
  /** Upstream connections the host's broker holds, and open pairs in the stall proxy. */
  hostConnections: number | null;
  proxyPairs: number | null;
  /** Tiles whose data-state was 'live' while their frame counter stood still > 3 s. */
  staleLive: { cameraId: string; staleMs: number }[];
}

export interface ChurnCheck {
  atMs: number;
  kind: string;
  detail: string;
  /** Players and open MediaSources both equalled the tile count again. */
  settled: boolean;
  settleMs: number | null;
  /** Every tile 'live' again (informative: upstream backoff decides it, not the page). */
  allLiveMs: number | null;
  last: { tiles: number; players: number; mediaSources: number } | null;
}

export type Point = readonly [number, number];

export interface SlopeFit {
  slope: number;
  /** Standard error of the slope; null when there are too few points to estimate it. */
  se: number | null;
  n: number;
}

/**
 * One slope shared by several segments, each with its own intercept (the page heap restarts
 * from a fresh renderer after every crash): the within-segment least-squares fit.
 */
export function pooledSlope(segments: readonly (readonly Point[])[]): SlopeFit | null {
  const used = segments.filter((s) => s.length >= 2);
  let sxy = 0;
  let sxx = 0;
  let n = 0;
  const centred = used.map((seg) => {
    const mx = seg.reduce((a, p) => a + p[0], 0) / seg.length;
    const my = seg.reduce((a, p) => a + p[1], 0) / seg.length;
    n += seg.length;
    return seg.map(([x, y]) => [x - mx, y - my] as const);
  });
  for (const seg of centred) {
    for (const [x, y] of seg) {
      sxy += x * y;
      sxx += x * x;
    }
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  let ss = 0;
  for (const seg of centred) for (const [x, y] of seg) ss += (y - slope * x) ** 2;
  const df = n - used.length - 1;
  return { slope, se: df > 0 ? Math.sqrt(ss / df / sxx) : null, n };
}

export interface WarmUp {
  /** Samples before this (ms since start) are left out of every slope. */
  warmupMs: number;
  /** Page series also skip this long after each reload. */
  segmentWarmupMs: number;
}

type Pick = (s: SoakSample) => number | null;

/** Points (x in `xUnitMs` units) after the warm-up, split by page life when `bySegment`. */
export function seriesAfterWarmup(
  samples: readonly SoakSample[],
  pick: Pick,
  warm: WarmUp,
  xUnitMs: number,
  bySegment: boolean,
): Point[][] {
  const groups = new Map<number, Point[]>();
  const segmentStart = new Map<number, number>();
  for (const s of samples) {
    if (!segmentStart.has(s.segment)) segmentStart.set(s.segment, s.tMs);
    const y = pick(s);
    if (y === null || s.tMs < warm.warmupMs) continue;
    if (bySegment && s.segment > 0 && s.tMs - segmentStart.get(s.segment)! < warm.segmentWarmupMs)
      continue;
    const key = bySegment ? s.segment : 0;
    const list = groups.get(key) ?? [];
    list.push([s.tMs / xUnitMs, y]);
    groups.set(key, list);
  }
  return [...groups.values()];
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

export interface SoakSlopes {
  /** MB per hour. */
  hostRss: SlopeFit | null;
  hostHeap: SlopeFit | null;
  pageHeap: SlopeFit | null;
  rendererPss: SlopeFit | null;
  browserPss: SlopeFit | null;
  /** ms per minute, of each sample's median glass-to-glass latency. */
  latency: SlopeFit | null;
}

export function soakSlopes(samples: readonly SoakSample[], warm: WarmUp): SoakSlopes {
  const host = (pick: Pick) => pooledSlope(seriesAfterWarmup(samples, pick, warm, HOUR, false));
  const page = (pick: Pick) => pooledSlope(seriesAfterWarmup(samples, pick, warm, HOUR, true));
  return {
    hostRss: host((s) => s.hostRssMb),
    hostHeap: host((s) => s.hostHeapMb),
    pageHeap: page((s) => s.pageHeapMb),
    rendererPss: page((s) => s.rendererPssMb),
    browserPss: page((s) => s.browserPssMb),
    latency: pooledSlope(
      seriesAfterWarmup(samples, (s) => s.latency?.p50 ?? null, warm, MINUTE, false),
    ),
  };
}

/** Staleness beyond the page watchdog's 3 s, its 1 s tick and a second for React to render. */
export const STALE_GRACE_MS = 5_000;

export type Verdict = 'met' | 'missed' | 'inconclusive' | 'no data';

/**
 * "Below `limit`" judged with the interval slope ± 2 SE: met when the whole interval is under
 * the limit, missed when the whole of it is at or over, inconclusive otherwise.
 */
export function judgeBelow(fit: SlopeFit | null, limit: number): Verdict {
  if (!fit || fit.se === null) return 'no data';
  if (fit.slope + 2 * fit.se < limit) return 'met';
  if (fit.slope - 2 * fit.se >= limit) return 'missed';
  return 'inconclusive';
}

export interface TargetResult {
  name: string;
  target: string;
  value: string;
  verdict: Verdict;
}

const fmt = (fit: SlopeFit | null, unit: string) =>
  fit === null
    ? 'n/a'
    : `${fit.slope.toFixed(2)} ± ${fit.se === null ? '?' : (2 * fit.se).toFixed(2)} ${unit} (n=${fit.n})`;

export function evaluateSoakTargets(
  samples: readonly SoakSample[],
  checks: readonly ChurnCheck[],
  slopes: SoakSlopes,
): TargetResult[] {
  const unsettled = checks.filter((c) => !c.settled);
  const stale = samples.filter((s) => s.staleLive.length > 0);
  // The page's own watchdog calls a tile stalled after 3 s, ticked once a second: a reading
  // of 3–5 s is that tick; beyond 5 s the page really did show a frozen picture as live.
  const long = stale.filter((s) => s.staleLive.some((t) => t.staleMs > STALE_GRACE_MS));
  return [
    {
      name: 'main (host) heap after GC slope',
      target: '< 1 MB/hour',
      value: fmt(slopes.hostHeap, 'MB/h'),
      verdict: judgeBelow(slopes.hostHeap, 1),
    },
    {
      name: 'main (host) RSS slope',
      target: '< 1 MB/hour',
      value: fmt(slopes.hostRss, 'MB/h'),
      verdict: judgeBelow(slopes.hostRss, 1),
    },
    {
      name: 'page JS heap after GC slope',
      target: '< 1 MB/hour',
      value: fmt(slopes.pageHeap, 'MB/h'),
      verdict: judgeBelow(slopes.pageHeap, 1),
    },
    {
      name: 'players and MediaSources back to the tile count after each churn',
      target: 'every churn',
      value: `${checks.length - unsettled.length}/${checks.length}${
        unsettled.length > 0
          ? ` (unsettled: ${unsettled.map((c) => `${c.kind}@${Math.round(c.atMs / 1000)}s`).join(', ')})`
          : ''
      }`,
      verdict: checks.length === 0 ? 'no data' : unsettled.length === 0 ? 'met' : 'missed',
    },
    {
      name: 'samples with a stale tile shown as live',
      target: '0',
      value: `${stale.length} of ${samples.length} (${long.length} beyond ${STALE_GRACE_MS / 1000} s)`,
      verdict: samples.length === 0 ? 'no data' : stale.length === 0 ? 'met' : 'missed',
    },
    {
      name: 'glass-to-glass latency drift',
      target: '< 1 ms/min',
      value: fmt(slopes.latency, 'ms/min'),
      verdict: judgeBelow(slopes.latency, 1),
    },
  ];
}

/** What a slope in MB/hour adds over a week of running, MB. */
export const weekMb = (mbPerHour: number) => mbPerHour * 24 * 7;

/** Latency readings of one sample interval, summarised; null when there were none. */
export function summariseLatency(readings: readonly number[]): LatencySummary | null {
  if (readings.length === 0) return null;
  return { p50: percentile(readings, 50)!, p95: percentile(readings, 95)!, n: readings.length };
}
