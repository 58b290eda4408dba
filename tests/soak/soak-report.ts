// The soak's output: slopes after warm-up, target verdicts and what the slopes add up to over
// a week, printed and written with every sample to soak-results/<timestamp>/results.json and
// chart.svg (git-ignored). Verdicts are printed, never turned into an exit code.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../fixtures/media-server/media-server';
import { CHROMIUM_PATH } from '../fixtures/chromium';
import { machineInfo } from '../bench/machine-info';
import type { ChurnEvent } from './churn-schedule';
import { soakChart } from './soak-chart';
import {
  evaluateSoakTargets,
  soakSlopes,
  weekMb,
  type ChurnCheck,
  type SlopeFit,
  type SoakSample,
} from './soak-stats';

/** After a crash the page heap is left alone this long before it counts towards a slope. */
const SEGMENT_WARMUP_MS = 60_000;

export interface SoakReportInput {
  startedAt: string;
  minutes: number;
  warmupMs: number;
  tiles: number;
  schedule: ChurnEvent[];
  samples: SoakSample[];
  checks: ChurnCheck[];
  notes: string[];
}

function chromiumVersion(): string {
  const out = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).stdout ?? '';
  return /Chromium\s+([\d.]+)/.exec(out)?.[1] ?? (out.trim() || 'unknown');
}

const perWeek = (fit: SlopeFit | null) =>
  fit === null
    ? 'n/a'
    : `${fit.slope.toFixed(2)} MB/h (±${fit.se === null ? '?' : (2 * fit.se).toFixed(2)}) → ${weekMb(fit.slope).toFixed(0)} MB/week`;

export function writeSoakReport(input: SoakReportInput): string {
  const { samples, checks } = input;
  const slopes = soakSlopes(samples, {
    warmupMs: input.warmupMs,
    segmentWarmupMs: SEGMENT_WARMUP_MS,
  });
  const targets = evaluateSoakTargets(samples, checks, slopes);
  const machine = machineInfo(chromiumVersion());
  const settle = checks.flatMap((c) => (c.settleMs === null ? [] : [c.settleMs]));
  const allLive = checks
    .filter((c) => c.kind !== 'layout')
    .map((c) => ({
      kind: c.kind,
      atS: Math.round(c.atMs / 1000),
      allLiveMs: c.allLiveMs,
    }));
  const results = {
    startedAt: input.startedAt,
    minutes: input.minutes,
    warmupMinutes: input.warmupMs / 60_000,
    tiles: input.tiles,
    machine,
    method: [
      'Wall: preview host (the product services and timings) in its own node process with --expose-gc; the built renderer in headless Debian Chromium, 1920x1080, no GPU.',
      'Streams: the benchmark set (one live x264 barcode encode as bar1-bar4, demo-clip -c copy loops) on Node-Media-Server over WS-FLV; clip3-clip5 through a pausable TCP proxy.',
      'Every 10 s: host RSS and V8 heap after gc(); page JS heap after HeapProfiler.collectGarbage; PSS of Chromium renderers and of all Chromium; counts from the page (data-player-count, MediaSources not closed, tiles).',
      'Slopes: least squares after warm-up; page series per page life (a crash starts a new one, with its own intercept, after 60 s). ± is two standard errors; a target is met only when the whole interval is under it.',
      'Stale shown as live: a tile with data-state live whose totalVideoFrames stood still > 3 s, watched every 250 ms in the page and read at each sample.',
    ],
    slopes,
    targets,
    churn: {
      schedule: input.schedule,
      checks,
      settleMsMax: settle.length > 0 ? Math.max(...settle) : null,
      recoveries: allLive,
    },
    notes: input.notes,
    samples,
  };
  const dir = join(PROJECT_ROOT, 'soak-results', input.startedAt.replace(/[:.]/g, '-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(
    join(dir, 'chart.svg'),
    soakChart({
      title: `One-Stop Wall soak: ${input.tiles} tiles, ${input.minutes} min under churn (${input.startedAt.slice(0, 16).replace('T', ' ')} UTC)`,
      subtitle: `${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGb} GB; Chromium ${machine.chromium} headless; Node ${machine.node}`,
      durationMs: input.minutes * 60_000,
      warmupMs: input.warmupMs,
      samples,
      schedule: input.schedule,
    }),
  );
  const lines = [
    `Soak: ${input.minutes} min, ${samples.length} samples, warm-up ${input.warmupMs / 60_000} min, ${checks.length} churn events checked`,
    `  main RSS          ${perWeek(slopes.hostRss)}`,
    `  main heap (GC)    ${perWeek(slopes.hostHeap)}`,
    `  page heap (GC)    ${perWeek(slopes.pageHeap)}`,
    `  renderer PSS      ${perWeek(slopes.rendererPss)}`,
    `  Chromium PSS      ${perWeek(slopes.browserPss)}`,
    `  latency drift     ${slopes.latency === null ? 'n/a' : `${slopes.latency.slope.toFixed(2)} ms/min (±${slopes.latency.se === null ? '?' : (2 * slopes.latency.se).toFixed(2)})`}`,
    `  slowest settle after a churn: ${results.churn.settleMsMax ?? 'n/a'} ms`,
    '',
    'Targets:',
    ...targets.map((t) => `  [${t.verdict.padEnd(12)}] ${t.name}: ${t.value} (target ${t.target})`),
    '',
    ...input.notes.map((n) => `Note: ${n}`),
    `Results: ${join(dir, 'results.json')}`,
    `Chart:   ${join(dir, 'chart.svg')}`,
  ];
  console.log(lines.join('\n'));
  return dir;
}
