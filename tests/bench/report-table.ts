// The stdout report: the machine and method, then one aligned table per tile measurement with
// ours | tuned | default side by side and ours/tuned ratios (the targets are against tuned),
// then the other parts (report-parts.ts). A run that was not measured shows '–' in its cells
// and a 'not measured: <reason>' line under the table, never a zero.
import { isNotMeasured, measuredOf } from './attempt';
import { partTables } from './report-parts';
import { CONTENDERS, type BenchResults, type Contender, type TileCountResult } from './results';
import { formatCell as c, formatTable, type Cell } from './table-format';
import type { RunResult } from './tile-run';

export interface Column {
  header: string;
  cell(t: TileCountResult): string;
}

const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined || b === 0 ? null : a / b;

/** One column per contender, in CONTENDERS order: '<contender> <label>'. */
export function perContender(label: string, get: (r: RunResult) => Cell, digits = 0): Column[] {
  return CONTENDERS.map((who) => ({
    header: `${who} ${label}`,
    cell: (t) => {
      const run = measuredOf(t[who]);
      return run ? c(get(run), digits) : '–';
    },
  }));
}

/** Ours divided by tuned: below 1 is better for every metric these tables show. */
export function oursVsTuned(label: string, get: (r: RunResult) => number | null): Column {
  return {
    header: `ours/tuned ${label}`,
    cell: (t) => {
      const ours = measuredOf(t.ours);
      const tuned = measuredOf(t.tuned);
      return c(ratio(ours && get(ours), tuned && get(tuned)), 2);
    },
  };
}

/** WebCodecs divided by ours (MSE): below 1 is the experiment doing better, same run. */
export function webCodecsVsOurs(label: string, get: (r: RunResult) => number | null): Column {
  return {
    header: `wc/ours ${label}`,
    cell: (t) => {
      const wc = measuredOf(t.webcodecs);
      const ours = measuredOf(t.ours);
      return c(ratio(wc && get(wc), ours && get(ours)), 2);
    },
  };
}

/** 'not measured' lines for the runs that failed twice, in table order. */
export function notMeasuredLines(rows: TileCountResult[]): string[] {
  return rows.flatMap((t) =>
    CONTENDERS.flatMap((who: Contender) => {
      const run = t[who];
      return isNotMeasured(run)
        ? [`  not measured: ${who} at ${t.tiles} tiles: ${run.notMeasured}`]
        : [];
    }),
  );
}

export function tileTable(title: string, rows: TileCountResult[], columns: Column[]): string {
  const table = formatTable(
    title,
    ['tiles', ...columns.map((col) => col.header)],
    rows.map((t) => [String(t.tiles), ...columns.map((col) => col.cell(t))]),
  );
  return [table, ...notMeasuredLines(rows)].join('\n');
}

const withTile = (p: 'p50' | 'p95') => (r: RunResult) =>
  `${c(r.firstFrameMs[p])} (${c(r.firstFrameFromTileMs[p])})`;

export function reportTables(r: BenchResults): string {
  const m = r.machine;
  const rows = r.tileCounts;
  return [
    `One-Stop Wall benchmark (${r.mode}), ${r.startedAt}, ${r.durationS.toFixed(0)} s`,
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.ramGb} GB RAM, ${m.kernel}; Node ${m.node}; Chromium ${m.chromium}`,
    ...r.method.map((line) => `  · ${line}`),
    '',
    tileTable(
      'First presented frame per tile, ms from page load (from <video> creation in brackets)',
      rows,
      [
        ...perContender('p50', withTile('p50')),
        ...perContender('p95', withTile('p95')),
        oursVsTuned('p50', (x) => x.firstFrameMs.p50),
        webCodecsVsOurs('p50', (x) => x.firstFrameMs.p50),
      ],
    ),
    '',
    tileTable(
      'Glass-to-glass latency on barcode tiles, ms (drift = least-squares slope, ms/min; n = readings)',
      rows,
      [
        ...perContender('p50', (x) => x.latencyMs.p50),
        ...perContender('p95', (x) => x.latencyMs.p95),
        ...perContender('drift', (x) => x.latencyMs.slopeMsPerMin, 1),
        ...perContender('n', (x) => x.latencyMs.samples),
        oursVsTuned('p50', (x) => x.latencyMs.p50),
        webCodecsVsOurs('p50', (x) => x.latencyMs.p50),
      ],
    ),
    '',
    tileTable(
      'Frames per tile in the window: presented fps (mean over tiles), slowest tile, dropped frames (sum)',
      rows,
      [
        ...perContender('fps', (x) => x.presentedFps, 1),
        ...perContender('min', (x) => x.minPresentedFps, 1),
        ...perContender('drop', (x) => x.droppedFrames),
        webCodecsVsOurs('fps', (x) => x.presentedFps),
      ],
    ),
    '',
    tileTable(
      'CPU, % of one core (ours: browser | wall host | NMS+ffmpeg+rest), and memory (PSS, MB)',
      rows,
      [
        { header: 'ours brw', cell: (t) => c(measuredOf(t.ours)?.usage.browser.cpuPct) },
        { header: 'ours host', cell: (t) => c(measuredOf(t.ours)?.usage.host.cpuPct, 1) },
        { header: 'ours rest', cell: (t) => c(measuredOf(t.ours)?.usage.others.cpuPct) },
        ...perContender('total', (x) => x.totalCpuPct),
        oursVsTuned('cpu', (x) => x.totalCpuPct),
        webCodecsVsOurs('cpu', (x) => x.totalCpuPct),
        ...perContender('MB', (x) => x.totalMemMb),
        oursVsTuned('mem', (x) => x.totalMemMb),
      ],
    ),
    '',
    ...partTables(r),
  ].join('\n');
}
