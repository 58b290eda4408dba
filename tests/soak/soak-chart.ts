// chart.svg for a soak, written by hand like the benchmark's report-chart.ts: stacked time
// panels (main memory, page heap, Chromium PSS, glass-to-glass, counts) sharing one time axis,
// with the warm-up shaded and the disruptive churn marked, so a slope can be read against what
// happened at the time. Gaps (page gone) stay gaps, never zeros.
import type { ChurnEvent } from './churn-schedule';
import type { SoakSample } from './soak-stats';

const WIDTH = 1100;
const PANEL_H = 190;
const LEFT = 70;
const RIGHT = 150;
const TOP = 60;

interface Line {
  name: string;
  color: string;
  pick: (s: SoakSample) => number | null;
}

interface Panel {
  title: string;
  unit: string;
  lines: Line[];
}

const PANELS: Panel[] = [
  {
    title: 'Main (preview host) memory',
    unit: 'MB',
    lines: [
      { name: 'RSS', color: '#1f77b4', pick: (s) => s.hostRssMb },
      { name: 'V8 heap after GC', color: '#2ca02c', pick: (s) => s.hostHeapMb },
    ],
  },
  {
    title: 'Page JS heap after GC',
    unit: 'MB',
    lines: [{ name: 'JS heap', color: '#9467bd', pick: (s) => s.pageHeapMb }],
  },
  {
    title: 'Chromium memory (PSS)',
    unit: 'MB',
    lines: [
      { name: 'renderers', color: '#8c564b', pick: (s) => s.rendererPssMb },
      { name: 'all Chromium', color: '#e377c2', pick: (s) => s.browserPssMb },
    ],
  },
  {
    title: 'Glass-to-glass latency (barcode tiles)',
    unit: 'ms',
    lines: [
      { name: 'p50', color: '#1f77b4', pick: (s) => s.latency?.p50 ?? null },
      { name: 'p95', color: '#aec7e8', pick: (s) => s.latency?.p95 ?? null },
    ],
  },
  {
    title: 'Tiles, players, open MediaSources',
    unit: 'count',
    lines: [
      { name: 'tiles', color: '#333', pick: (s) => s.tiles },
      { name: 'players', color: '#ff7f0e', pick: (s) => s.players },
      { name: 'MediaSources', color: '#17becf', pick: (s) => s.mediaSources },
      { name: 'live tiles', color: '#2ca02c', pick: (s) => s.liveTiles },
      { name: 'stale shown live', color: '#d62728', pick: (s) => s.staleLive.length },
    ],
  },
];

const MARKS: Partial<Record<ChurnEvent['kind'], string>> = {
  'renderer-crash': '#d62728',
  'server-restart': '#ff7f0e',
  'publisher-restart': '#bcbd22',
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The y range drawn: the data's own range, padded, so a slow trend is visible at all. */
export function yRange(values: readonly number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = hi === lo ? Math.max(1, Math.abs(hi) * 0.05) : (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

export interface ChartInput {
  title: string;
  subtitle: string;
  durationMs: number;
  warmupMs: number;
  samples: readonly SoakSample[];
  schedule: readonly ChurnEvent[];
}

export function soakChart(input: ChartInput): string {
  const plotW = WIDTH - LEFT - RIGHT;
  const h = PANEL_H - 50;
  const x = (ms: number) => LEFT + (ms / Math.max(1, input.durationMs)) * plotW;
  const parts: string[] = [];
  PANELS.forEach((panel, i) => {
    const y0 = TOP + i * PANEL_H + 25;
    const values = panel.lines.flatMap((l) =>
      input.samples.map(l.pick).filter((v): v is number => v !== null),
    );
    const [lo, hi] = yRange(values);
    const y = (v: number) => y0 + h - ((v - lo) / (hi - lo)) * h;
    parts.push(
      `<text x="${LEFT}" y="${y0 - 8}" font-size="13" font-weight="bold">${esc(panel.title)} (${esc(panel.unit)})</text>`,
      `<rect x="${x(0)}" y="${y0}" width="${x(input.warmupMs) - x(0)}" height="${h}" fill="#f2f2f2"/>`,
    );
    for (let k = 0; k <= 3; k++) {
      const v = lo + ((hi - lo) * k) / 3;
      parts.push(
        `<line x1="${LEFT}" x2="${LEFT + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#e4e4e4"/>`,
        `<text x="${LEFT - 6}" y="${y(v) + 4}" text-anchor="end" font-size="10">${+v.toFixed(1)}</text>`,
      );
    }
    for (const e of input.schedule) {
      if (e.kind === 'stall-start') {
        const end = input.schedule.find((f) => f.kind === 'stall-end' && f.atMs >= e.atMs);
        const w = x(end?.atMs ?? e.atMs) - x(e.atMs);
        parts.push(
          `<rect x="${x(e.atMs)}" y="${y0}" width="${w}" height="${h}" fill="#999" opacity="0.25"/>`,
        );
      }
      const color = MARKS[e.kind];
      if (color)
        parts.push(
          `<line x1="${x(e.atMs)}" x2="${x(e.atMs)}" y1="${y0}" y2="${y0 + h}" stroke="${color}" stroke-dasharray="3 3"/>`,
        );
    }
    panel.lines.forEach((line, j) => {
      // A null breaks the line: the page was gone, not at zero.
      const runs: string[][] = [[]];
      for (const s of input.samples) {
        const v = line.pick(s);
        if (v === null) runs.push([]);
        else runs[runs.length - 1]!.push(`${x(s.tMs).toFixed(1)},${y(v).toFixed(1)}`);
      }
      for (const run of runs.filter((r) => r.length > 0))
        parts.push(
          `<polyline fill="none" stroke="${line.color}" stroke-width="1.5" points="${run.join(' ')}"/>`,
        );
      parts.push(
        `<rect x="${LEFT + plotW + 12}" y="${y0 + j * 16}" width="10" height="10" fill="${line.color}"/>`,
        `<text x="${LEFT + plotW + 26}" y="${y0 + j * 16 + 9}" font-size="11">${esc(line.name)}</text>`,
      );
    });
    if (values.length === 0)
      parts.push(
        `<text x="${LEFT + plotW / 2}" y="${y0 + h / 2}" font-size="12" fill="#888">n/a</text>`,
      );
    parts.push(
      `<line x1="${LEFT}" x2="${LEFT + plotW}" y1="${y0 + h}" y2="${y0 + h}" stroke="#333"/>`,
    );
  });
  const bottom = TOP + PANELS.length * PANEL_H + 10;
  const minutes = input.durationMs / 60_000;
  const step = minutes > 60 ? 10 : minutes > 20 ? 5 : 1;
  for (let m = 0; m <= minutes; m += step)
    parts.push(
      `<text x="${x(m * 60_000)}" y="${bottom}" text-anchor="middle" font-size="10">${m}</text>`,
    );
  const height = bottom + 40;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="DejaVu Sans, Arial, sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="17" font-weight="bold">${esc(input.title)}</text>
<text x="${WIDTH / 2}" y="44" text-anchor="middle" font-size="11">${esc(input.subtitle)}</text>
${parts.join('\n')}
<text x="${LEFT + plotW / 2}" y="${bottom + 16}" text-anchor="middle" font-size="11">minutes</text>
<text x="10" y="${height - 6}" font-size="10" fill="#555">${esc('Grey: warm-up (left out of slopes) and TCP stalls. Dashed: renderer crash (red), media-server restart (orange), publisher restart (olive).')}</text>
</svg>
`;
}
