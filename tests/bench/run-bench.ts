// `npm run bench [-- --quick]`: our wall against the usual approach (a bare page of mpegts.js
// players pulling straight from the media server), measured side by side in one run on this
// machine. Prints tables, writes bench-results/<timestamp>/{results.json,chart.svg} and copies
// them to bench-results/latest/. Benchmarks report: no timing ever fails the process.
// `npm run bench -- --parsers` runs only the parser-cost table (no browser, no servers).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../fixtures/media-server/media-server';
import { validateBarcodeDecoder } from './barcode-source';
import { BARCODE_STREAMS, startBenchStreams } from './bench-streams';
import { CHROMIUM_PATH } from './browser';
import { cleanUp, installSignalHandlers } from './cleanup';
import { wallWindows, waitFor } from './contender';
import { runLayoutSwitch } from './layout-switch';
import { machineInfo } from './machine-info';
import { measureParserCost, parserCostTable } from './parser-cost';
import { runRecovery } from './recovery';
import { runRelayCost } from './relay-cost';
import { reportChart } from './report-chart';
import { reportTables } from './report-table';
import type { BenchResults, TileCountResult } from './results';
import { runRtspCost } from './rtsp-cost';
import { evaluateTargets } from './targets';
import { runTiles, type RunResult } from './tile-run';
import { watchUpstreams } from './upstream-watch';

interface Mode {
  name: 'full' | 'quick';
  tileCounts: number[];
  warmupMs: number;
  windowMs: number;
  /** 16 tiles gets a longer window: the drift slope there is a target. */
  window16Ms: number;
  recoveryTiles: number;
  /** Quick mode skips the baseline's recovery (the baseline's own retry is not the product). */
  recoveryContenders: readonly ('ours' | 'baseline')[];
  relayStreams: number;
  costWindowMs: number;
}

const MODES: Record<Mode['name'], Mode> = {
  full: {
    name: 'full',
    tileCounts: [1, 4, 9, 16, 25],
    warmupMs: 3_000,
    windowMs: 15_000,
    window16Ms: 30_000,
    recoveryTiles: 16,
    recoveryContenders: ['ours', 'baseline'],
    relayStreams: 8,
    costWindowMs: 10_000,
  },
  quick: {
    name: 'quick',
    tileCounts: [1, 4, 16],
    warmupMs: 1_000,
    windowMs: 4_000,
    window16Ms: 6_000,
    recoveryTiles: 4,
    recoveryContenders: ['ours'],
    relayStreams: 4,
    costWindowMs: 4_000,
  },
};

const LATENCY_EVERY = 5; // read the barcode on every 5th frame: 5 reads/s per barcode tile

const t0 = Date.now();
function log(line: string): void {
  console.error(`bench [${((Date.now() - t0) / 1000).toFixed(0).padStart(3)} s]: ${line}`);
}

function ensureRendererBuilt(): void {
  if (existsSync(join(PROJECT_ROOT, 'out', 'renderer', 'index.html'))) return;
  log('out/renderer is missing; building it (npx electron-vite build)…');
  const built = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0)
    throw new Error('electron-vite build failed; fix the build and run again');
}

function chromiumVersion(): string {
  const out = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).stdout ?? '';
  return /Chromium\s+([\d.]+)/.exec(out)?.[1] ?? (out.trim() || 'unknown');
}

const errorOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function main(): Promise<void> {
  installSignalHandlers();
  if (process.argv.includes('--parsers')) {
    console.log(parserCostTable(measureParserCost(log)));
    return;
  }
  const base = process.argv.includes('--quick') ? MODES.quick : MODES.full;
  const argAfter = (flag: string) =>
    process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : undefined;
  // `--soak MINUTES`: 16 tiles of our wall measured for that long: the 30-minute drift check,
  // `npm run bench -- --soak 30`. The baseline's drift is in the regular runs.
  const soakMinutes = Number(argAfter('--soak') ?? 0);
  // For tuning one thing: `--tiles 16` measures only those tile counts, `--tiles-only` skips
  // the layout, recovery, relay and RTSP parts.
  const tilesArg = argAfter('--tiles');
  const mode: Mode =
    soakMinutes > 0
      ? { ...base, tileCounts: [16], window16Ms: soakMinutes * 60_000 }
      : tilesArg !== undefined
        ? {
            ...base,
            tileCounts: tilesArg
              .split(',')
              .map(Number)
              .filter((n) => n > 0),
          }
        : base;
  const tilesOnly = soakMinutes > 0 || process.argv.includes('--tiles-only');
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  ensureRendererBuilt();
  const machine = machineInfo(chromiumVersion());
  const decoderError = validateBarcodeDecoder();
  log(
    decoderError
      ? `barcode decoder check FAILED: ${decoderError}`
      : 'barcode decoder checked on a frame',
  );

  const maxTiles = Math.max(20, ...mode.tileCounts);
  const streams = await startBenchStreams(maxTiles);
  const names = streams.names(maxTiles);
  const ready = watchUpstreams(new Map(names.map((n) => [n, streams.signedWsUrl(n)])));
  await waitFor('every publisher', async () => ready.returnedAt.size === names.length, 30_000);
  await ready.close();

  const tileCounts: TileCountResult[] = [];
  for (const [i, tiles] of mode.tileCounts.entries()) {
    const row: TileCountResult = {
      tiles,
      ours: null,
      baseline: null,
      oursLayout: wallWindows(tiles).map((w) => w.preset),
    };
    // Alternate who goes first, so neither always runs on a warmer machine.
    const order =
      soakMinutes > 0
        ? (['ours'] as const)
        : i % 2 === 0
          ? (['ours', 'baseline'] as const)
          : (['baseline', 'ours'] as const);
    for (const contender of order) {
      log(`${tiles} tiles: ${contender}…`);
      try {
        const result: RunResult = await runTiles({
          contender,
          tiles,
          streams,
          warmupMs: mode.warmupMs,
          windowMs: tiles === 16 ? mode.window16Ms : mode.windowMs,
          latencyEvery: LATENCY_EVERY,
        });
        row[contender] = result;
      } catch (error) {
        log(`${tiles} tiles, ${contender}: ${errorOf(error)}`);
      }
    }
    tileCounts.push(row);
  }

  log('layout switch…');
  const skipped = { error: 'skipped (--tiles-only)' };
  const layoutSwitch = tilesOnly
    ? skipped
    : await runLayoutSwitch(streams, mode.name === 'quick').catch((e: unknown) => ({
        error: errorOf(e),
      }));
  const recovery: BenchResults['recovery'] = [];
  for (const contender of tilesOnly ? [] : mode.recoveryContenders) {
    log(`recovery: ${contender}…`);
    recovery.push(
      await runRecovery({
        contender,
        tiles: mode.recoveryTiles,
        streams,
        outageMs: mode.name === 'quick' ? 3_000 : 4_000,
        timeoutMs: 30_000,
      }).catch((e: unknown) => ({ contender, error: errorOf(e) })),
    );
  }
  await streams.close();
  log('relay cost…');
  const relay = tilesOnly
    ? skipped
    : await runRelayCost(mode.relayStreams, mode.costWindowMs, mode.name === 'quick').catch(
        (e: unknown) => ({ error: errorOf(e) }),
      );
  log('RTSP cost…');
  const rtsp = tilesOnly
    ? { measured: false as const, why: 'skipped (--tiles-only)' }
    : await runRtspCost(mode.relayStreams, mode.costWindowMs).catch((e: unknown) => ({
        measured: false as const,
        why: errorOf(e),
      }));
  const parsers = tilesOnly ? [] : measureParserCost(log);

  const partial: Omit<BenchResults, 'targets'> = {
    startedAt,
    mode: mode.name,
    durationS: (Date.now() - started) / 1000,
    machine,
    method: methodNotes(mode, decoderError),
    tileCounts,
    layoutSwitch,
    recovery,
    relay,
    rtsp,
  };
  const results: BenchResults = { ...partial, targets: evaluateTargets(partial) };
  const dir = join(PROJECT_ROOT, 'bench-results', startedAt.replace(/[:.]/g, '-'));
  const latest = join(PROJECT_ROOT, 'bench-results', 'latest');
  mkdirSync(dir, { recursive: true });
  mkdirSync(latest, { recursive: true });
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, 'chart.svg'), reportChart(results));
  for (const file of ['results.json', 'chart.svg'])
    copyFileSync(join(dir, file), join(latest, file));
  console.log(reportTables(results));
  if (parsers.length > 0) console.log(`\n${parserCostTable(parsers)}`);
  console.log(
    `\nResults: ${join(dir, 'results.json')}\nChart:   ${join(dir, 'chart.svg')} (also in bench-results/latest/)`,
  );
}

function methodNotes(mode: Mode, decoderError: string | null): string[] {
  return [
    `Sources: one live x264 encode (testsrc2 640x360@25, 1 Mbit/s, GOP 2 s, barcode of the wall clock) published as ${BARCODE_STREAMS} streams (tee muxer); other tiles: -c copy loops of the demo clips (640x360@25 H.264). All via Node-Media-Server, WS-FLV, signed URLs.`,
    "Ours: the preview host (the wall's services, product timings) in its own process + the built renderer; 25 tiles = a 4x4 and a 3x3 window (largest preset is 5x4). Baseline: one page of mpegts.js players (isLive, liveBufferLatencyChasing, no stash buffer, hasAudio false) straight from NMS, recreated on error/stall.",
    `Each run: fresh headless Chromium, 1920x1080 per window; wait for every first frame, ${mode.warmupMs / 1000} s settle, then a ${mode.windowMs / 1000} s window (${mode.window16Ms / 1000} s at 16 tiles); ours and baseline alternate who goes first.`,
    'First frame: requestVideoFrameCallback expectedDisplayTime, from navigation start. Glass-to-glass: barcode read on every 5th presented frame of barcode tiles, display time minus encode time (same clock).',
    "Latency after start: a tile starts at the cached keyframe, up to a GOP (2 s) behind. Ours converges to the live edge (liveSync: 1.2x playback above 0.35 s of buffer, a seek above 0.6 s); the baseline (mpegts.js defaults) seeks only above 1.5 s and otherwise keeps its start-up buffer, so its latency depends on the GOP phase at connect. Quick mode's short windows include ours converging (large drift, higher p95); the full mode's 30 s window at 16 tiles is the one to read.",
    'CPU: /proc utime+stime deltas over the window, % of one core; memory: PSS. "rest" = NMS, ffmpeg publishers and the live encoder (the same for both).',
    'Relay and RTSP cost: whole process CPU over the window divided by the streams (100 Hz ticks: short windows are coarse).',
    decoderError
      ? `Barcode decoder check FAILED: ${decoderError}`
      : 'Barcode decoder validated on an encoded frame before the runs.',
  ];
}

main()
  .catch((error: unknown) => {
    console.error(`bench: ${errorOf(error)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanUp();
    // Playwright and ws may leave handles; everything we started is gone, so leave.
    process.exit(process.exitCode ?? 0);
  });
