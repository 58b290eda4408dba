import { describe, expect, it } from 'vitest';
import type { ProbeSnapshot, TileRecord } from '../../bench/page-probe';
import { tileMetrics } from '../../bench/run-metrics';

function tile(name: string, over: Partial<TileRecord> = {}): TileRecord {
  return {
    name,
    createdAt: 100,
    firstFrameAt: 300,
    firstFrameEpoch: 1_000_300,
    presented: 0,
    lastFrameEpoch: null,
    latency: [],
    badReads: 0,
    resumesEpoch: [],
    decoded: 0,
    dropped: 0,
    ...over,
  };
}

const snap = (now: number, tiles: TileRecord[]): ProbeSnapshot => ({
  now,
  nowEpoch: 1_000_000 + now,
  keyAt: null,
  tiles,
});

describe('tileMetrics', () => {
  it('rates frames over the window and counts drops in it only', () => {
    const start = [snap(1_000, [tile('bar1', { presented: 10, decoded: 10, dropped: 2 })])];
    const end = [snap(11_000, [tile('bar1', { presented: 260, decoded: 255, dropped: 5 })])];
    const m = tileMetrics(start, end, 1, 'bar');
    expect(m.presentedFps).toBeCloseTo(25);
    expect(m.decodedFps).toBeCloseTo(24.5);
    expect(m.droppedFrames).toBe(3);
    expect(m.firstFrameMs.p50).toBe(300);
    expect(m.firstFrameFromTileMs.p50).toBe(200);
  });

  it('takes latency only from barcode tiles and inside the window, with its drift', () => {
    const latency: [number, number][] = [
      [1_000_500, 999], // before the window
      [1_001_000, 200],
      [1_031_000, 210],
      [1_061_000, 220],
    ];
    const start = [snap(1_000, [tile('bar1'), tile('clip1')])];
    const end = [
      snap(61_000, [tile('bar1', { latency }), tile('clip1', { latency: [[1_031_000, 5]] })]),
    ];
    const m = tileMetrics(start, end, 2, 'bar');
    expect(m.latencyMs.samples).toBe(3);
    expect(m.latencyMs.p50).toBe(210);
    expect(m.latencyMs.slopeMsPerMin).toBeCloseTo(20);
  });

  it('counts tiles that never showed a frame as not playing, not as fast', () => {
    const end = [snap(5_000, [tile('a'), tile('b', { firstFrameAt: null })])];
    const m = tileMetrics(end, end, 2, 'bar');
    expect(m.tilesPlaying).toBe(1);
    expect(m.firstFrameMs.p95).toBe(300);
  });
});
