// `npm run soak -- --minutes N`: the wall (preview host + built renderer in Chromium, 16 WS-FLV
// tiles from Node-Media-Server) run for N minutes under churn (layout switches, upstream
// restarts, TCP stalls through a pausable proxy, renderer crashes), sampled every 10 s. Prints
// slopes after warm-up and target verdicts, writes soak-results/<timestamp>/{results.json,
// chart.svg}. Like the benchmark it reports: no timing ever fails the process. Options:
// --warmup M, --crash-every M, --upstream-every M, --stall-every M (minutes).
import { presetCellCount, type LayoutPresetId } from '../../electron/contract/layout-presets';
import { validateBarcodeDecoder } from '../bench/barcode-source';
import { cleanUp, installSignalHandlers } from '../bench/cleanup';
import { sleep } from '../bench/contender';
import { startCpuWindow, startPidsWindow } from '../bench/proc-stats';
import { checkDone, closeCheck, observe, openCheck, type OpenCheck } from './churn-check';
import { churnSchedule, DEFAULT_CHURN, type ChurnEvent } from './churn-schedule';
import { readSoakProbe } from './soak-probe';
import { writeSoakReport } from './soak-report';
import {
  ensureRendererBuilt,
  killPublisher,
  LAYOUT_KEYS,
  rendererPids,
  startRig,
  TILES,
  type SoakRig,
} from './soak-rig';
import { summariseLatency, type ChurnCheck, type SoakSample } from './soak-stats';

const SAMPLE_EVERY_MS = 10_000;
const TICK_MS = 1_000;
/** A check still open this long after its event is closed as it stands. */
const CHECK_MAX_MS = 60_000;
const SERVER_DOWN_MS = 3_000;

const t0 = Date.now();
function log(line: string): void {
  console.error(`soak [${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s]: ${line}`);
}

function argMinutes(flag: string): number | undefined {
  const i = process.argv.indexOf(flag);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

const errorOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** One churn event, done; returns the notes worth keeping. */
async function runEvent(rig: SoakRig, event: ChurnEvent): Promise<string | null> {
  switch (event.kind) {
    case 'layout': {
      const key = LAYOUT_KEYS[event.detail];
      if (key === undefined) return `not measured: no saved layout for ${event.detail}`;
      const tiles = presetCellCount(event.detail as LayoutPresetId);
      return rig.page.recallLayout(key, tiles).then(
        () => null,
        (e: unknown) => `not measured: ${errorOf(e)}`,
      );
    }
    case 'publisher-restart':
      return killPublisher(event.detail) ? null : `no publisher ${event.detail} to kill`;
    case 'server-restart':
      await rig.streams.server.stop();
      await sleep(SERVER_DOWN_MS);
      await rig.streams.server.start();
      return null;
    case 'stall-start':
      rig.proxy.pause();
      return null;
    case 'stall-end':
      rig.proxy.resume();
      return null;
    case 'renderer-crash':
      await rig.page.crashAndReload();
      return null;
  }
}

async function main(): Promise<void> {
  installSignalHandlers();
  const minutes = argMinutes('--minutes') ?? 10;
  const durationMs = minutes * 60_000;
  // Warm-up: the first fifth of the run, 2 to 10 minutes, unless told.
  const warmupMs = (argMinutes('--warmup') ?? Math.min(10, Math.max(2, minutes / 5))) * 60_000;
  const everyMs = (flag: string, fallback: number) =>
    argMinutes(flag) === undefined ? fallback : argMinutes(flag)! * 60_000;
  ensureRendererBuilt(log);
  const decoderError = validateBarcodeDecoder();
  log(decoderError ? `barcode decoder check FAILED: ${decoderError}` : 'barcode decoder checked');
  const rig = await startRig(log);
  const schedule = churnSchedule({
    ...DEFAULT_CHURN,
    durationMs,
    publishers: rig.restartable,
    crashEveryMs: everyMs('--crash-every', DEFAULT_CHURN.crashEveryMs),
    upstreamEveryMs: everyMs('--upstream-every', DEFAULT_CHURN.upstreamEveryMs),
    stallEveryMs: everyMs('--stall-every', DEFAULT_CHURN.stallEveryMs),
  });
  const counts = schedule.reduce<Record<string, number>>(
    (acc, e) => ({ ...acc, [e.kind]: (acc[e.kind] ?? 0) + 1 }),
    {},
  );
  log(`${minutes} min, warm-up ${warmupMs / 60_000} min; churn: ${JSON.stringify(counts)}`);

  const start = Date.now();
  const elapsed = () => Date.now() - start;
  const samples: SoakSample[] = [];
  const checks: ChurnCheck[] = [];
  const notes: string[] = [];
  let open: OpenCheck[] = [];
  let preset: LayoutPresetId = '4x4';
  let segment = 0;
  let next = 0;
  let nextSampleAt = 0;
  let latency: number[] = [];
  let cpu = startCpuWindow(() => [rig.host.pid]);
  let renderer = startPidsWindow(rendererPids);
  let staleTicks = 0;

  while (elapsed() < durationMs) {
    while (next < schedule.length && schedule[next]!.atMs <= elapsed()) {
      const event = schedule[next++]!;
      if (event.kind === 'layout') {
        for (const c of open.filter((c) => c.event.kind === 'layout')) checks.push(closeCheck(c));
        open = open.filter((c) => c.event.kind !== 'layout');
      }
      log(`churn: ${event.kind} ${event.detail}`);
      const note = await runEvent(rig, event).catch((e: unknown) => errorOf(e));
      if (note) notes.push(`${Math.round(event.atMs / 1000)} s ${event.kind}: ${note}`);
      if (event.kind === 'layout') preset = event.detail as LayoutPresetId;
      if (event.kind === 'renderer-crash') segment += 1;
      // A stall is judged from its end (the start only freezes bytes; nothing to settle).
      if (event.kind !== 'stall-start') open.push(openCheck(event));
    }
    const read = await readSoakProbe(rig.page.page());
    if (read) {
      latency.push(...read.latency);
      if (read.staleLive.length > 0) staleTicks += 1;
    }
    open = open.map((c) => observe(c, read, elapsed(), presetCellCount(preset)));
    for (const c of open.filter((c) => checkDone(c, elapsed(), CHECK_MAX_MS)))
      checks.push(closeCheck(c));
    open = open.filter((c) => !checkDone(c, elapsed(), CHECK_MAX_MS));
    if (elapsed() >= nextSampleAt) {
      nextSampleAt += SAMPLE_EVERY_MS;
      const usage = cpu.stop();
      cpu = startCpuWindow(() => [rig.host.pid]);
      const rendererUsage = renderer.stop();
      renderer = startPidsWindow(rendererPids);
      const mem = await rig.host.memory();
      const sample: SoakSample = {
        tMs: elapsed(),
        segment,
        hostRssMb: mem?.rssMb ?? null,
        hostHeapMb: mem?.gc ? mem.heapUsedMb : null,
        pageHeapMb: await rig.page.heapMb(),
        rendererPssMb: rendererUsage.processes > 0 ? rendererUsage.memMb : null,
        browserPssMb: usage.browser.processes > 0 ? usage.browser.memMb : null,
        cpu: {
          browser: usage.browser.cpuPct,
          host: usage.host.cpuPct,
          others: usage.others.cpuPct,
        },
        tiles: read?.tiles ?? null,
        players: read?.players ?? null,
        mediaSources: read?.mediaSources ?? null,
        liveTiles: read?.liveTiles ?? null,
        latency: summariseLatency(latency),
        hostConnections: mem?.connections ?? null,
        proxyPairs: rig.proxy.open(),
        staleLive: read?.staleLive ?? [],
      };
      latency = [];
      samples.push(sample);
      const f = (v: number | null | undefined, d = 1) => (v == null ? 'n/a' : v.toFixed(d));
      log(
        `host ${f(sample.hostRssMb)} MB rss / ${f(sample.hostHeapMb)} heap; page heap ${f(sample.pageHeapMb)}; ` +
          `renderer ${f(sample.rendererPssMb, 0)} / browser ${f(sample.browserPssMb, 0)} MB PSS; ` +
          `tiles ${sample.tiles} players ${sample.players} MS ${sample.mediaSources} live ${sample.liveTiles}; ` +
          `g2g p50 ${f(sample.latency?.p50, 0)} ms; stale-live ${sample.staleLive.length}`,
      );
    }
    await sleep(TICK_MS);
  }
  checks.push(...open.map(closeCheck));
  checks.sort((a, b) => a.atMs - b.atMs);
  await rig.close();
  if (decoderError) notes.push(`barcode decoder check failed: ${decoderError}`);
  notes.push(`1 s probe reads with a stale tile shown as live: ${staleTicks}`);
  writeSoakReport({
    startedAt: new Date(start).toISOString(),
    minutes,
    warmupMs,
    tiles: TILES,
    schedule,
    samples,
    checks,
    notes,
  });
}

main()
  .catch((error: unknown) => {
    console.error(`soak: ${errorOf(error)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanUp();
    // Playwright and ws may leave handles; everything we started is gone, so leave.
    process.exit(process.exitCode ?? 0);
  });
