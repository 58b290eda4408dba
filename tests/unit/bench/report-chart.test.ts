import { describe, expect, it } from 'vitest';
import { niceMax, reportChart } from '../../bench/report-chart';
import { results, row, run } from './bench-fixture';

describe('niceMax', () => {
  it('rounds an axis up to a round step times a power of ten', () => {
    expect(niceMax(0.9)).toBe(1);
    expect(niceMax(180)).toBe(200);
    expect(niceMax(230)).toBe(250);
    expect(niceMax(1234)).toBe(1500);
    expect(niceMax(5730)).toBe(6000);
    expect(niceMax(0)).toBe(1);
  });
});

describe('reportChart', () => {
  it('draws a bar per contender and marks a failed run as n/m, never as zero', () => {
    const ours = run('ours', { p50: 190, p95: 340, cpu: 150, drop: 10, first: 700 });
    const weak = run('default', { p50: 1200, p95: 1300, cpu: 200, drop: 500, first: 900 });
    const svg = reportChart(
      results({ tileCounts: [row(16, { ours, tuned: { notMeasured: 'x' }, default: weak })] }),
    );
    for (const label of [
      'ours (the wall, fragmented MP4 fed by a worker)',
      'the wall, mpegts.js engine',
      'the wall, WebCodecs engine',
      'tuned bare mpegts.js page',
      'default bare mpegts.js page',
    ])
      expect(svg).toContain(label);
    // Five tile panels, each with the failed tuned run marked.
    expect(svg.match(/>n\/m</g)).toHaveLength(5);
  });
});
