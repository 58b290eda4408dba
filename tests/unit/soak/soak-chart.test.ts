import { describe, expect, it } from 'vitest';
import { soakChart, yRange } from '../../soak/soak-chart';
import type { SoakSample } from '../../soak/soak-stats';

const sample = (tMs: number, pageHeapMb: number | null): SoakSample => ({
  tMs,
  segment: 0,
  hostRssMb: 100,
  hostHeapMb: 10,
  pageHeapMb,
  rendererPssMb: null,
  browserPssMb: null,
  cpu: null,
  tiles: 16,
  players: 16,
  mediaSources: 16,
  liveTiles: 16,
  latency: null,
  hostConnections: null,
  proxyPairs: null,
  staleLive: [],
});

const input = (samples: SoakSample[]) => ({
  title: 'Soak <test>',
  subtitle: 'machine & co',
  durationMs: 600_000,
  warmupMs: 120_000,
  samples,
  schedule: [
    { atMs: 130_000, kind: 'stall-start' as const, detail: '' },
    { atMs: 150_000, kind: 'stall-end' as const, detail: '' },
    { atMs: 310_000, kind: 'renderer-crash' as const, detail: '' },
  ],
});

describe('soakChart', () => {
  it('is an SVG with escaped titles', () => {
    const svg = soakChart(input([sample(0, 5), sample(10_000, 6)]));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Soak &lt;test&gt;');
    expect(svg).toContain('machine &amp; co');
  });

  it('breaks a line where the page was gone instead of drawing a zero', () => {
    const svg = soakChart(input([sample(0, 5), sample(10_000, null), sample(20_000, 6)]));
    const heapLines = svg.match(/stroke="#9467bd" stroke-width="1.5" points="[^"]+"/g) ?? [];
    expect(heapLines).toHaveLength(2);
  });

  it('marks the crash and shades the stall', () => {
    const svg = soakChart(input([sample(0, 5)]));
    expect(svg).toContain('stroke="#d62728" stroke-dasharray="3 3"');
    expect(svg).toContain('fill="#999" opacity="0.25"');
  });

  it('says n/a for a panel with no data', () => {
    expect(soakChart(input([sample(0, 5)]))).toContain('>n/a<');
  });
});

describe('yRange', () => {
  it('pads the data range, and never collapses to zero height', () => {
    expect(yRange([10, 20])).toEqual([9.2, 20.8]);
    const [lo, hi] = yRange([50, 50]);
    expect(hi - lo).toBeGreaterThan(0);
    expect(yRange([])).toEqual([0, 1]);
  });
});
