// chart.svg, written by hand (no chart library): six panels of grouped bars, ours | mpegts |
// webcodecs | tuned | default at each tile count: first frame p50, glass-to-glass p50 with a p95 whisker, total CPU,
// dropped frames, memory, and recovery. A run that failed is drawn as "n/m" (not measured), one
// that was not run as "n/a", never as zero.
import { isNotMeasured, measuredOf } from './attempt';
import { CONTENDERS, type BenchResults, type Contender, type TileCountResult } from './results';
import type { RunResult } from './tile-run';

/** Ours in blue; the tuned page (the one the targets are against) in green, the default in
 * orange, so the strong peer stands out from the weak one. */
const COLORS: Record<Contender, string> = {
  ours: '#1f77b4',
  inpage: '#aec7e8',
  mpegts: '#17becf',
  webcodecs: '#9467bd',
  tuned: '#2ca02c',
  default: '#ff7f0e',
};
const LEGEND: Record<Contender, string> = {
  ours: 'ours (the wall, fragmented MP4 fed by a worker)',
  inpage: 'the wall, fragmented MP4 fed in the page',
  mpegts: 'the wall, mpegts.js engine',
  webcodecs: 'the wall, WebCodecs engine',
  tuned: 'tuned bare mpegts.js page',
  default: 'default bare mpegts.js page',
};
const PANEL_W = 560;
/** The legend: two rows of three entries across the two panels. */
const LEGEND_STEP = 360;
const LEGEND_PER_ROW = 3;
const PANELS_TOP = 88;
const PANEL_H = 330;

interface Series {
  value: number | null;
  whisker?: number | null;
  /** Why there is no value: "n/m" (failed twice) or "n/a" (not run). */
  missing?: string;
}

interface Panel {
  title: string;
  unit: string;
  groups: { label: string; bars: Record<Contender, Series> }[];
  /** The x axis's caption; 'tiles' unless given. */
  axis?: string;
  /** A dashed target line, if the metric has one. */
  target?: { value: number; label: string };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A round axis maximum at or above the largest value (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k). */
export function niceMax(value: number): number {
  if (value <= 0 || !Number.isFinite(value)) return 1;
  const exp = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10])
    if (step * exp >= value) return step * exp;
  return 10 * exp;
}

function panel(p: Panel, x0: number, y0: number): string {
  const left = 60;
  const top = 40;
  const w = PANEL_W - left - 20;
  const h = PANEL_H - top - 50;
  const values = p.groups.flatMap((g) =>
    CONTENDERS.flatMap((who) => [g.bars[who].value, g.bars[who].whisker]),
  );
  const top1 = Math.max(0, ...values.filter((v): v is number => v !== null && v !== undefined));
  const yMax = niceMax(Math.max(top1, p.target?.value ?? 0) * 1.08);
  const y = (v: number) => y0 + top + h - (v / yMax) * h;
  const parts: string[] = [
    `<text x="${x0 + PANEL_W / 2}" y="${y0 + 22}" text-anchor="middle" font-size="15" font-weight="bold">${esc(p.title)}</text>`,
  ];
  for (let i = 0; i <= 4; i++) {
    const v = (yMax / 4) * i;
    parts.push(
      `<line x1="${x0 + left}" x2="${x0 + left + w}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`,
      `<text x="${x0 + left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11">${+v.toFixed(1)}</text>`,
    );
  }
  parts.push(
    `<text x="${x0 + 14}" y="${y0 + top + h / 2}" font-size="11" transform="rotate(-90 ${x0 + 14} ${y0 + top + h / 2})" text-anchor="middle">${esc(p.unit)}</text>`,
  );
  const groupW = w / Math.max(1, p.groups.length);
  const barW = Math.min(34, groupW / (CONTENDERS.length + 1));
  p.groups.forEach((g, i) => {
    const cx = x0 + left + groupW * (i + 0.5);
    CONTENDERS.forEach((who, k) => {
      const s = g.bars[who];
      const color = COLORS[who];
      const bx = cx + (k - CONTENDERS.length / 2) * (barW + 2);
      if (s.value === null) {
        parts.push(
          `<text x="${bx + barW / 2}" y="${y(0) - 4}" text-anchor="middle" font-size="9" fill="#888">${s.missing ?? 'n/a'}</text>`,
        );
        return;
      }
      const v = Math.max(0, s.value);
      parts.push(
        `<rect x="${bx}" y="${y(v)}" width="${barW}" height="${y(0) - y(v)}" fill="${color}"><title>${esc(`${g.label}: ${s.value.toFixed(0)} ${p.unit}`)}</title></rect>`,
        `<text x="${bx + barW / 2}" y="${y(v) - 4}" text-anchor="middle" font-size="9">${s.value.toFixed(0)}</text>`,
      );
      if (s.whisker !== null && s.whisker !== undefined && s.whisker > v) {
        const mx = bx + barW / 2;
        parts.push(
          `<line x1="${mx}" x2="${mx}" y1="${y(v)}" y2="${y(s.whisker)}" stroke="#333"/>`,
          `<line x1="${mx - 6}" x2="${mx + 6}" y1="${y(s.whisker)}" y2="${y(s.whisker)}" stroke="#333"/>`,
        );
      }
    });
    parts.push(
      `<text x="${cx}" y="${y(0) + 18}" text-anchor="middle" font-size="12">${esc(g.label)}</text>`,
    );
  });
  if (p.target) {
    parts.push(
      `<line x1="${x0 + left}" x2="${x0 + left + w}" y1="${y(p.target.value)}" y2="${y(p.target.value)}" stroke="#c00" stroke-dasharray="6 4"/>`,
      // The label sits under the title, not on the line, where it would cover the bars' values.
      `<line x1="${x0 + left + w - p.target.label.length * 6 - 30}" x2="${x0 + left + w - p.target.label.length * 6 - 6}" y1="${y0 + 34}" y2="${y0 + 34}" stroke="#c00" stroke-dasharray="6 4"/>`,
      `<text x="${x0 + left + w}" y="${y0 + 38}" text-anchor="end" font-size="10" fill="#c00">${esc(p.target.label)}</text>`,
    );
  }
  parts.push(
    `<line x1="${x0 + left}" x2="${x0 + left + w}" y1="${y(0)}" y2="${y(0)}" stroke="#333"/>`,
    `<text x="${x0 + left + w / 2}" y="${y0 + PANEL_H - 8}" text-anchor="middle" font-size="11">${esc(p.axis ?? 'tiles')}</text>`,
  );
  return parts.join('\n');
}

function bar(t: TileCountResult, who: Contender, get: (r: RunResult) => Series): Series {
  const run = measuredOf(t[who]);
  if (run) return get(run);
  return { value: null, missing: isNotMeasured(t[who]) ? 'n/m' : 'n/a' };
}

function tilePanel(
  r: BenchResults,
  title: string,
  unit: string,
  get: (run: RunResult) => Series,
  target?: Panel['target'],
): Panel {
  return {
    title,
    unit,
    target,
    groups: r.tileCounts.map((t) => ({
      label: String(t.tiles),
      bars: Object.fromEntries(CONTENDERS.map((who) => [who, bar(t, who, get)])) as Record<
        Contender,
        Series
      >,
    })),
  };
}

/** Recovery: one group per statistic, a bar per contender. */
function recoveryPanel(r: BenchResults): Panel {
  const stat = (key: 'p50' | 'max') =>
    Object.fromEntries(
      CONTENDERS.map((who) => {
        const x = r.recovery.find((y) => y.contender === who);
        if (!x) return [who, { value: null }];
        if (isNotMeasured(x)) return [who, { value: null, missing: 'n/m' }];
        // No tile back before the timeout: say so on the axis rather than draw nothing.
        if (x.recovered === 0) return [who, { value: null, missing: `0/${x.tiles}` }];
        return [who, { value: x.fromUpstreamMs[key] }];
      }),
    ) as Record<Contender, Series>;
  const tiles = r.recovery.find((x) => !isNotMeasured(x));
  return {
    title: `Recovery after a server restart${tiles && !isNotMeasured(tiles) ? ` (${tiles.tiles} tiles)` : ''}`,
    unit: 'ms, stream back to new frame',
    axis: 'tiles that recovered only; see the recovery table',
    groups: [
      { label: 'median tile', bars: stat('p50') },
      { label: 'slowest tile', bars: stat('max') },
    ],
  };
}

export function reportChart(r: BenchResults): string {
  const panels: Panel[] = [
    tilePanel(
      r,
      'First presented frame, p50 (whisker p95)',
      'ms from page load',
      (x) => ({ value: x.firstFrameMs.p50, whisker: x.firstFrameMs.p95 }),
      { value: 300, label: 'target p95 ≤ 300 ms' },
    ),
    tilePanel(
      r,
      'Glass-to-glass latency, p50 (whisker p95)',
      'ms',
      (x) => ({ value: x.latencyMs.p50, whisker: x.latencyMs.p95 }),
      { value: 200, label: 'target p50 ≤ 200 ms at 16 tiles' },
    ),
    tilePanel(r, 'Total CPU (browser + wall host + servers)', '% of one core', (x) => ({
      value: x.totalCpuPct,
    })),
    tilePanel(r, 'Dropped frames in the window (all tiles)', 'frames', (x) => ({
      value: x.droppedFrames,
    })),
    tilePanel(r, 'Memory (PSS, all processes)', 'MB', (x) => ({ value: x.totalMemMb })),
    recoveryPanel(r),
  ];
  const width = PANEL_W * 2;
  const height = PANEL_H * 3 + PANELS_TOP + 30;
  const m = r.machine;
  const body = panels
    .map((p, i) => panel(p, (i % 2) * PANEL_W, PANELS_TOP + Math.floor(i / 2) * PANEL_H))
    .join('\n');
  const legend = CONTENDERS.map((who, k) => {
    const x = width / 2 - (LEGEND_PER_ROW * LEGEND_STEP) / 2 + (k % LEGEND_PER_ROW) * LEGEND_STEP;
    const y = 52 + Math.floor(k / LEGEND_PER_ROW) * 16;
    return `<rect x="${x}" y="${y}" width="12" height="12" fill="${COLORS[who]}"/><text x="${x + 18}" y="${y + 10}" font-size="12">${esc(LEGEND[who])}</text>`;
  }).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
<text x="${width / 2}" y="24" text-anchor="middle" font-size="18" font-weight="bold">One-Stop Wall vs bare mpegts.js pages, tuned and default (${r.mode} run, ${esc(r.startedAt.slice(0, 16).replace('T', ' '))} UTC)</text>
<text x="${width / 2}" y="44" text-anchor="middle" font-size="12">${esc(`${m.cpuModel}, ${m.cores} cores, ${m.ramGb} GB; Chromium ${m.chromium} headless; 640x360@25 H.264 via Node-Media-Server`)}</text>
${legend}
${body}
<text x="10" y="${height - 10}" font-size="11" fill="#555">${esc('Measured side by side in one run; lower is better in every panel. n/m = not measured (failed twice, reason in results.json). See results.json for every number.')}</text>
</svg>
`;
}
