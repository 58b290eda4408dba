import { describe, expect, it } from 'vitest';
import { evaluateTargets } from '../../bench/targets';
import { results, row, run } from './bench-fixture';

const byName = (checks: ReturnType<typeof evaluateTargets>, start: string) =>
  checks.find((c) => c.name.startsWith(start));

describe('evaluateTargets against the tuned page', () => {
  const ours = run('ours', { p50: 190, p95: 340, cpu: 150, drop: 10, first: 700 });
  const tuned = run('tuned', { p50: 180, p95: 300, cpu: 140, drop: 20, first: 600 });
  const weak = run('default', { p50: 1200, p95: 1300, cpu: 200, drop: 500, first: 900 });
  const checks = evaluateTargets(
    results({ tileCounts: [row(16, { ours, tuned, default: weak })] }),
  );

  it('holds 16-tile latency to 200 ms p50 and 350 ms p95, showing both pages beside it', () => {
    const p50 = byName(checks, 'glass-to-glass p50, 16 tiles')!;
    expect(p50.pass).toBe(true);
    expect(p50.target).toBe('≤ 200 ms');
    expect(p50.value).toBe('190 ms (tuned 180 ms, default 1200 ms)');
    expect(byName(checks, 'glass-to-glass p95, 16 tiles')!.pass).toBe(true);
  });

  it('compares CPU, drops and first frame with tuned, never with default', () => {
    // Ours beats default on all three but loses to tuned on CPU and first frame.
    const cpu = byName(checks, 'total CPU at 16 tiles')!;
    expect(cpu.pass).toBe(false);
    expect(cpu.value).toBe('1.07 (150% / 140%)');
    expect(byName(checks, 'dropped frames')!.pass).toBe(true);
    expect(byName(checks, 'dropped frames')!.value).toBe('16: 10/20');
    expect(byName(checks, 'first frame p50')!.pass).toBe(false);
  });

  it('checks CPU only at 4, 9, 16 and 25 tiles', () => {
    const t = evaluateTargets(
      results({ tileCounts: [row(1, { ours, tuned }), row(4, { ours, tuned })] }),
    );
    expect(t.filter((c) => c.name.startsWith('total CPU')).map((c) => c.name)).toEqual([
      'total CPU at 4 tiles, ours/tuned',
    ]);
  });

  it('gives n/a with the reason when tuned was not measured, never a PASS', () => {
    const t = evaluateTargets(
      results({
        tileCounts: [
          row(4, { ours, tuned }),
          row(16, { ours, tuned: { notMeasured: 'ECONNRESET (twice)' }, default: weak }),
        ],
      }),
    );
    const cpu16 = byName(t, 'total CPU at 16 tiles')!;
    expect(cpu16.pass).toBeNull();
    expect(cpu16.value).toBe('tuned not measured: ECONNRESET (twice)');
    const drops = byName(t, 'dropped frames')!;
    expect(drops.pass).toBeNull();
    expect(drops.value).toBe('4: 10/20, 16: tuned not measured: ECONNRESET (twice)');
  });

  it('a miss at a measured count is a MISS even if another count was not measured', () => {
    const worse = run('ours', { p50: 190, p95: 340, cpu: 150, drop: 99, first: 700 });
    const t = evaluateTargets(
      results({
        tileCounts: [
          row(4, { ours: worse, tuned }),
          row(16, { ours, tuned: { notMeasured: 'x' } }),
        ],
      }),
    );
    expect(byName(t, 'dropped frames')!.pass).toBe(false);
  });

  it('RTSP: half of ffmpeg -c copy, or n/a with the reason', () => {
    expect(byName(checks, 'RTSP')!.value).toBe('not measured: skipped (--tiles-only)');
    expect(byName(checks, 'RTSP')!.pass).toBeNull();
    const t = evaluateTargets(
      results({
        rtsp: {
          streams: 8,
          oursLiveStreams: 7,
          ffmpegLiveStreams: 8,
          oursCpuPctPerStream: 0.2,
          oursIdleCpuPct: 0.5,
          ffmpegCpuPctPerStream: 0.5,
          oursMemMbPerStream: 1,
          ffmpegMemMbPerStream: 5,
          ratio: 0.4,
          notes: [],
        },
      }),
    );
    expect(byName(t, 'RTSP')!.pass).toBe(true);
  });
});
