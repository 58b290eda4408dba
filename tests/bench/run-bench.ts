// `npm run bench [-- --quick]`: our wall against two bare pages of mpegts.js players pulling
// straight from the media server, one tuned for low latency as a skilled user would build it
// (the targets are against this one) and one with the usual config, measured side by side in
// one run on this machine. Prints tables, writes bench-results/<timestamp>/{results.json,
// chart.svg} and copies them to bench-results/latest/. Benchmarks report: no timing ever fails
// the process, and no single failed part aborts the run (attempt.ts).
// `npm run bench -- --parsers` runs only the parser-cost table (no browser, no servers).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../fixtures/media-server/media-server';
import { attempt, errorOf, isNotMeasured } from './attempt';
import { validateBarcodeDecoder } from './barcode-source';
import { methodNotes, parseMode, runOrder } from './bench-modes';
import { startBenchStreams } from './bench-streams';
import { CHROMIUM_PATH } from './browser';
import { cleanUp, installSignalHandlers } from './cleanup';
import { wallPreset, waitFor } from './contender';
import { runLayoutSwitch } from './layout-switch';
import { machineInfo } from './machine-info';
import { measureParserCost, parserCostTable } from './parser-cost';
import { runRecovery } from './recovery';
import { relayClips, runRelayClip } from './relay-cost';
import { reportChart } from './report-chart';
import { reportTables } from './report-table';
import type { BenchResults, TileCountResult } from './results';
import { runRtspCost } from './rtsp-cost';
import { evaluateTargets } from './targets';
import { runTiles } from './tile-run';
import { watchUpstreams } from './upstream-watch';

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

async function main(): Promise<void> {
  installSignalHandlers();
  if (process.argv.includes('--parsers')) {
    console.log(parserCostTable(measureParserCost(log)));
    return;
  }
  const mode = parseMode(process.argv);
  const tilesOnly = mode.tilesOnly;
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
      inpage: null,
      mpegts: null,
      webcodecs: null,
      tuned: null,
      default: null,
      oursLayout: [wallPreset(tiles)],
    };
    for (const contender of runOrder(mode, i)) {
      log(`${tiles} tiles: ${contender}…`);
      row[contender] = await attempt(
        `${tiles} tiles, ${contender}`,
        () =>
          runTiles({
            contender,
            tiles,
            streams,
            warmupMs: mode.warmupMs,
            windowMs: tiles === 16 ? mode.window16Ms : mode.windowMs,
            latencyEvery: LATENCY_EVERY,
          }),
        { log },
      );
    }
    tileCounts.push(row);
  }

  const skipped = { notMeasured: 'skipped (--tiles-only)' };
  log('layout switch…');
  const layoutSwitch = tilesOnly
    ? skipped
    : await attempt('layout switch', () => runLayoutSwitch(streams, mode.name === 'quick'), {
        log,
      });
  const recovery: BenchResults['recovery'] = [];
  for (const contender of tilesOnly ? [] : mode.recoveryContenders) {
    log(`recovery: ${contender}…`);
    const outcome = await attempt(
      `recovery, ${contender}`,
      () =>
        runRecovery({
          contender,
          tiles: mode.recoveryTiles,
          streams,
          outageMs: mode.name === 'quick' ? 3_000 : 4_000,
          timeoutMs: 30_000,
        }),
      { log, retryDelayMs: 5_000 },
    );
    recovery.push(isNotMeasured(outcome) ? { contender, ...outcome } : outcome);
  }
  await streams.close();
  const relay: BenchResults['relay'] = [];
  for (const clip of tilesOnly ? [] : relayClips(mode.name === 'quick')) {
    log(`relay cost, ${clip.label}…`);
    const outcome = await attempt(
      `relay cost, ${clip.label}`,
      () => runRelayClip(clip, mode.relayStreams, mode.costWindowMs),
      { log },
    );
    relay.push(isNotMeasured(outcome) ? { label: clip.label, ...outcome } : outcome);
  }
  log('RTSP cost…');
  const rtsp = tilesOnly
    ? skipped
    : await attempt('RTSP cost', () => runRtspCost(mode.rtspStreams, mode.rtspWindowMs), {
        log,
      });
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
