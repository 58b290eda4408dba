// One measured run: n tiles of our wall or of the baseline page in a fresh browser. After every
// tile's first frame and a settling time, it measures a window: the page probe at both ends
// and CPU/memory of the browser, the wall's host process and everything else.
import { BARCODE_PREFIX, type BenchStreams } from './bench-streams';
import { openContender, readAll, sleep, type Contender } from './contender';
import { startCpuWindow, type Usage } from './proc-stats';
import { tileMetrics, type TileMetrics } from './run-metrics';

export interface RunOptions {
  contender: Contender;
  tiles: number;
  streams: BenchStreams;
  warmupMs: number;
  windowMs: number;
  latencyEvery: number;
}

export interface RunResult extends TileMetrics {
  contender: Contender;
  windowMs: number;
  usage: Usage;
  totalCpuPct: number;
  totalMemMb: number;
  notes: string[];
}

export async function runTiles(options: RunOptions): Promise<RunResult> {
  const { contender, tiles, streams } = options;
  const open = await openContender({
    contender,
    names: streams.names(tiles),
    streams,
    latencyEvery: options.latencyEvery,
  });
  try {
    await sleep(options.warmupMs);
    const hostPid = open.host?.pid;
    const cpu = startCpuWindow(() => (hostPid ? [hostPid] : []));
    const start = await readAll(open.pages);
    await sleep(options.windowMs);
    const end = await readAll(open.pages);
    const usage = cpu.stop();
    return {
      contender,
      windowMs: options.windowMs,
      ...tileMetrics(start, end, tiles, BARCODE_PREFIX),
      usage,
      totalCpuPct: usage.browser.cpuPct + usage.host.cpuPct + usage.others.cpuPct,
      totalMemMb: usage.browser.memMb + usage.host.memMb + usage.others.memMb,
      notes: open.notes,
    };
  } finally {
    await open.close();
  }
}
