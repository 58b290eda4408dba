// chart.svg, written by hand (no chart library): four panels of grouped bars, ours next to the
// baseline at each tile count: first frame p50, glass-to-glass p50 with a p95 whisker, total
// CPU, and memory. Missing values are drawn as "n/a", never as zero.
import type { BenchResults } from './results';

const OURS = '#1f77b4';
const BASE = '#ff7f0e';
const PANEL_W = 560;
const PANEL_H = 330;

interface Series {
  value: number | null;
  whisker?: number | null;
}

interface Panel {
  title: string;
  unit: string;
  groups: { label: string; ours: Series; base: Series }[];
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
  const values = p.groups.flatMap((g) => [
    g.ours.value,
    g.ours.whisker,
    g.base.value,
    g.base.whisker,
  ]);
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
  const barW = Math.min(40, groupW / 3);
  p.groups.forEach((g, i) => {
    const cx = x0 + left + groupW * (i + 0.5);
    (
      [
        [g.ours, OURS, cx - barW - 2],
        [g.base, BASE, cx + 2],
      ] as const
    ).forEach(([s, color, bx]) => {
      if (s.value === null) {
        parts.push(
          `<text x="${bx + barW / 2}" y="${y(0) - 4}" text-anchor="middle" font-size="10" fill="#888">n/a</text>`,
        );
        return;
      }
      const v = Math.max(0, s.value);
      parts.push(
        `<rect x="${bx}" y="${y(v)}" width="${barW}" height="${y(0) - y(v)}" fill="${color}"><title>${esc(`${g.label}: ${s.value.toFixed(0)} ${p.unit}`)}</title></rect>`,
        `<text x="${bx + barW / 2}" y="${y(v) - 4}" text-anchor="middle" font-size="10">${s.value.toFixed(0)}</text>`,
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
      `<text x="${x0 + left + w}" y="${y(p.target.value) - 4}" text-anchor="end" font-size="10" fill="#c00">${esc(p.target.label)}</text>`,
    );
  }
  parts.push(
    `<line x1="${x0 + left}" x2="${x0 + left + w}" y1="${y(0)}" y2="${y(0)}" stroke="#333"/>`,
    `<text x="${x0 + left + w / 2}" y="${y0 + PANEL_H - 8}" text-anchor="middle" font-size="11">tiles</text>`,
  );
  return parts.join('\n');
}

export function reportChart(r: BenchResults): string {
  const rows = r.tileCounts;
  const label = (n: number) => String(n);
  const panels: Panel[] = [
    {
      title: 'First presented frame, p50 (whisker p95)',
      unit: 'ms from page load',
      target: { value: 300, label: 'target 300 ms' },
      groups: rows.map((t) => ({
        label: label(t.tiles),
        ours: { value: t.ours?.firstFrameMs.p50 ?? null, whisker: t.ours?.firstFrameMs.p95 },
        base: {
          value: t.baseline?.firstFrameMs.p50 ?? null,
          whisker: t.baseline?.firstFrameMs.p95,
        },
      })),
    },
    {
      title: 'Glass-to-glass latency, p50 (whisker p95)',
      unit: 'ms',
      target: { value: 250, label: 'target p50 250 ms' },
      groups: rows.map((t) => ({
        label: label(t.tiles),
        ours: { value: t.ours?.latencyMs.p50 ?? null, whisker: t.ours?.latencyMs.p95 },
        base: { value: t.baseline?.latencyMs.p50 ?? null, whisker: t.baseline?.latencyMs.p95 },
      })),
    },
    {
      title: 'Total CPU (browser + wall host + servers)',
      unit: '% of one core',
      groups: rows.map((t) => ({
        label: label(t.tiles),
        ours: { value: t.ours?.totalCpuPct ?? null },
        base: { value: t.baseline?.totalCpuPct ?? null },
      })),
    },
    {
      title: 'Memory (PSS, all processes)',
      unit: 'MB',
      groups: rows.map((t) => ({
        label: label(t.tiles),
        ours: { value: t.ours?.totalMemMb ?? null },
        base: { value: t.baseline?.totalMemMb ?? null },
      })),
    },
  ];
  const width = PANEL_W * 2;
  const height = PANEL_H * 2 + 100;
  const m = r.machine;
  const body = panels
    .map((p, i) => panel(p, (i % 2) * PANEL_W, 70 + Math.floor(i / 2) * PANEL_H))
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
<text x="${width / 2}" y="24" text-anchor="middle" font-size="18" font-weight="bold">One-Stop Wall vs a bare mpegts.js page (${r.mode} run, ${esc(r.startedAt.slice(0, 16).replace('T', ' '))} UTC)</text>
<text x="${width / 2}" y="44" text-anchor="middle" font-size="12">${esc(`${m.cpuModel}, ${m.cores} cores, ${m.ramGb} GB; Chromium ${m.chromium} headless; 640x360@25 H.264 via Node-Media-Server`)}</text>
<rect x="${width / 2 - 110}" y="54" width="12" height="12" fill="${OURS}"/><text x="${width / 2 - 92}" y="64" font-size="12">ours (the wall)</text>
<rect x="${width / 2 + 20}" y="54" width="12" height="12" fill="${BASE}"/><text x="${width / 2 + 38}" y="64" font-size="12">baseline (bare mpegts.js page)</text>
${body}
<text x="10" y="${height - 10}" font-size="11" fill="#555">${esc('Measured side by side in one run; lower is better in every panel. See results.json for every number.')}</text>
</svg>
`;
}
