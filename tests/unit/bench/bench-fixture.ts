// Hand-made results for the report and target tests: a run per contender with round numbers, so
// every expected cell can be checked by eye.
import type { NotMeasured } from '../../bench/attempt';
import type { BenchResults, Contender, TileCountResult } from '../../bench/results';
import type { RunResult } from '../../bench/tile-run';

const usage = (cpu: number) => ({
  browser: { cpuPct: cpu - 30, memMb: 500, processes: 5 },
  host: { cpuPct: 0, memMb: 0, processes: 0 },
  others: { cpuPct: 30, memMb: 200, processes: 8 },
});

export function run(
  contender: RunResult['contender'],
  o: { p50: number; p95: number; cpu: number; drop: number; first: number },
): RunResult {
  return {
    contender,
    tiles: 16,
    tilesPlaying: 16,
    windowMs: 30_000,
    firstFrameMs: { p50: o.first, p95: o.first + 100, max: o.first + 150 },
    firstFrameFromTileMs: { p50: o.first - 100, p95: o.first },
    latencyMs: { p50: o.p50, p95: o.p95, samples: 600, badReads: 0, slopeMsPerMin: 1 },
    decodedFps: 25,
    presentedFps: 24,
    minPresentedFps: 22,
    droppedFrames: o.drop,
    usage: usage(o.cpu),
    totalCpuPct: o.cpu,
    totalMemMb: 700,
    notes: [],
  };
}

export function row(
  tiles: number,
  runs: Partial<Record<Contender, RunResult | NotMeasured>>,
): TileCountResult {
  return {
    tiles,
    oursLayout: ['4x4'],
    ours: runs.ours ?? null,
    inpage: runs.inpage ?? null,
    mpegts: runs.mpegts ?? null,
    webcodecs: runs.webcodecs ?? null,
    tuned: runs.tuned ?? null,
    default: runs.default ?? null,
  };
}

export function results(over: Partial<BenchResults> = {}): BenchResults {
  return {
    startedAt: '2026-11-30T10:00:00.000Z',
    mode: 'quick',
    durationS: 120,
    machine: {
      cpuModel: 'Test CPU',
      cores: 2,
      ramGb: 8,
      node: 'v20',
      chromium: '156',
      kernel: 'Linux',
    },
    method: [],
    tileCounts: [],
    layoutSwitch: { notMeasured: 'skipped (--tiles-only)' },
    recovery: [],
    relay: [],
    rtsp: { notMeasured: 'skipped (--tiles-only)' },
    targets: [],
    ...over,
  };
}
