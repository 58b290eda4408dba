import { describe, expect, it } from 'vitest';
import {
  evaluateSoakTargets,
  judgeBelow,
  pooledSlope,
  seriesAfterWarmup,
  soakSlopes,
  summariseLatency,
  weekMb,
  type ChurnCheck,
  type SoakSample,
} from '../../soak/soak-stats';

const MIN = 60_000;

function sample(tMs: number, over: Partial<SoakSample> = {}): SoakSample {
  return {
    tMs,
    segment: 0,
    hostRssMb: 100,
    hostHeapMb: 10,
    pageHeapMb: 5,
    rendererPssMb: 300,
    browserPssMb: 600,
    cpu: null,
    tiles: 16,
    players: 16,
    mediaSources: 16,
    liveTiles: 16,
    latency: { p50: 250, p95: 300, n: 40 },
    hostConnections: 16,
    proxyPairs: 3,
    staleLive: [],
    ...over,
  };
}

const check = (settled: boolean): ChurnCheck => ({
  atMs: 20_000,
  kind: 'layout',
  detail: '3x3',
  settled,
  settleMs: settled ? 5_000 : null,
  allLiveMs: null,
  last: null,
});

describe('pooledSlope', () => {
  it('fits a straight line exactly, with no error', () => {
    const fit = pooledSlope([[0, 1, 2, 3].map((x) => [x, 2 * x + 7] as const)]);
    expect(fit?.slope).toBeCloseTo(2);
    expect(fit?.se).toBeCloseTo(0);
    expect(fit?.n).toBe(4);
  });

  it('gives each segment its own intercept: a reset is not a slope', () => {
    // Two page lives growing at 1/unit, the second starting 100 lower after a crash.
    const a = [0, 1, 2, 3].map((x) => [x, 100 + x] as const);
    const b = [4, 5, 6, 7].map((x) => [x, x] as const);
    expect(pooledSlope([a, b])?.slope).toBeCloseTo(1);
  });

  it('has no slope without two distinct x values, and no error from two points', () => {
    expect(pooledSlope([])).toBeNull();
    expect(pooledSlope([[[1, 5]]])).toBeNull();
    expect(
      pooledSlope([
        [
          [1, 5],
          [1, 6],
        ],
      ]),
    ).toBeNull();
    expect(
      pooledSlope([
        [
          [0, 0],
          [1, 1],
        ],
      ])?.se,
    ).toBeNull();
  });

  it('grows its standard error with the scatter', () => {
    const noisy = [0, 1, 2, 3, 4, 5].map((x) => [x, x + (x % 2 ? 3 : -3)] as const);
    const fit = pooledSlope([noisy])!;
    expect(fit.se).toBeGreaterThan(0.5);
  });
});

describe('seriesAfterWarmup', () => {
  const samples = [
    sample(0),
    sample(MIN),
    sample(2 * MIN),
    sample(3 * MIN, { segment: 1 }),
    sample(3.5 * MIN, { segment: 1 }),
    sample(4 * MIN, { segment: 1, pageHeapMb: null }),
    sample(5 * MIN, { segment: 1 }),
  ];

  it('leaves out the warm-up and, per page life, the time after each reload', () => {
    const series = seriesAfterWarmup(
      samples,
      (s) => s.pageHeapMb,
      { warmupMs: MIN, segmentWarmupMs: MIN },
      MIN,
      true,
    );
    expect(series).toEqual([
      [
        [1, 5],
        [2, 5],
      ],
      [[5, 5]],
    ]);
  });

  it('keeps one series when segments do not matter', () => {
    const series = seriesAfterWarmup(
      samples,
      (s) => s.hostHeapMb,
      { warmupMs: MIN, segmentWarmupMs: MIN },
      MIN,
      false,
    );
    expect(series).toHaveLength(1);
    expect(series[0]).toHaveLength(6);
  });
});

describe('soakSlopes', () => {
  it('reports memory in MB per hour and latency in ms per minute', () => {
    const samples = Array.from({ length: 13 }, (_, i) =>
      sample(i * 10 * MIN, {
        hostHeapMb: 10 + i * 0.5, // 0.5 MB per 10 min = 3 MB/h
        latency: { p50: 200 + i * 10, p95: 300, n: 10 }, // 1 ms/min
      }),
    );
    const slopes = soakSlopes(samples, { warmupMs: 0, segmentWarmupMs: 0 });
    expect(slopes.hostHeap?.slope).toBeCloseTo(3);
    expect(slopes.latency?.slope).toBeCloseTo(1);
    expect(slopes.pageHeap?.slope).toBeCloseTo(0);
  });
});

describe('judgeBelow', () => {
  it('meets a target only when the whole interval is under it', () => {
    expect(judgeBelow({ slope: 0.2, se: 0.3, n: 50 }, 1)).toBe('met');
    expect(judgeBelow({ slope: 0.2, se: 0.5, n: 50 }, 1)).toBe('inconclusive');
    expect(judgeBelow({ slope: 3, se: 0.5, n: 50 }, 1)).toBe('missed');
    expect(judgeBelow({ slope: 0, se: null, n: 2 }, 1)).toBe('no data');
    expect(judgeBelow(null, 1)).toBe('no data');
  });
});

describe('evaluateSoakTargets', () => {
  const flat = Array.from({ length: 20 }, (_, i) =>
    sample(i * MIN, { hostHeapMb: 10 + (i % 2) * 0.001 }),
  );
  const slopes = soakSlopes(flat, { warmupMs: 0, segmentWarmupMs: 0 });
  const byName = (targets: ReturnType<typeof evaluateSoakTargets>, part: string) =>
    targets.find((t) => t.name.includes(part))!;

  it('meets every target on a flat, settled, never-stale run', () => {
    const targets = evaluateSoakTargets(flat, [check(true)], slopes);
    expect(targets.map((t) => t.verdict)).toEqual(['met', 'met', 'met', 'met', 'met', 'met']);
  });

  it('misses the churn target when a check never settled, naming it', () => {
    const target = byName(evaluateSoakTargets(flat, [check(true), check(false)], slopes), 'churn');
    expect(target.verdict).toBe('missed');
    expect(target.value).toContain('1/2');
    expect(target.value).toContain('layout@20s');
  });

  it('misses the stale target on any sample, and says how many were beyond the grace', () => {
    const stale = [
      ...flat,
      sample(21 * MIN, { staleLive: [{ cameraId: 'clip1', staleMs: 3_200 }] }),
      sample(22 * MIN, { staleLive: [{ cameraId: 'clip2', staleMs: 9_000 }] }),
    ];
    const target = byName(evaluateSoakTargets(stale, [], slopes), 'stale');
    expect(target.verdict).toBe('missed');
    expect(target.value).toBe('2 of 22 (1 beyond 5 s)');
  });

  it('says "no data" rather than "met" when there was nothing to judge', () => {
    const targets = evaluateSoakTargets(
      [],
      [],
      soakSlopes([], { warmupMs: 0, segmentWarmupMs: 0 }),
    );
    expect(targets.every((t) => t.verdict === 'no data')).toBe(true);
  });
});

describe('helpers', () => {
  it('projects a slope over a week', () => {
    expect(weekMb(1)).toBe(168);
  });

  it('summarises latency readings, or none', () => {
    expect(summariseLatency([])).toBeNull();
    expect(summariseLatency([100, 200, 300])).toEqual({ p50: 200, p95: 290, n: 3 });
  });
});
