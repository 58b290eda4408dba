// One measured run: n tiles of our wall or of the baseline page in a fresh browser. Waits for
// every tile's first frame, lets playback settle, then measures a window: the page probe at
// both ends and CPU/memory of the browser, the wall's host process and everything else.
import type { Page } from '@playwright/test';
import { PROJECT_ROOT } from '../fixtures/media-server/media-server';
import { startBaselinePage } from './baseline-page';
import { BARCODE_PREFIX, type BenchStreams } from './bench-streams';
import { launchBrowser } from './browser';
import { readProbe, type ProbeSnapshot } from './page-probe';
import { startCpuWindow, type Usage } from './proc-stats';
import { tileMetrics, type TileMetrics } from './run-metrics';
import { startWallHost, wallSettings, type WallHost } from './wall-host';
import type { LayoutPresetId } from '../../electron/contract/wall-contract';

export type Contender = 'ours' | 'baseline';

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

const PRESET_FOR: Record<number, LayoutPresetId> = { 1: '1x1', 4: '2x2', 9: '3x3', 16: '4x4' };

/** Our wall's windows for n tiles: one preset per window; 25 = 4x4 + 3x3 (no 5x5 preset). */
export function wallWindows(n: number): { preset: LayoutPresetId; tiles: number }[] {
  const preset = PRESET_FOR[n];
  if (preset) return [{ preset, tiles: n }];
  if (n === 20) return [{ preset: '5x4', tiles: 20 }];
  if (n === 25) return [...wallWindows(16), ...wallWindows(9)];
  throw new Error(`no wall layout for ${n} tiles`);
}

export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  console.error(`bench: timed out waiting for ${what}`);
  return false;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function readAll(pages: Page[]): Promise<ProbeSnapshot[]> {
  return Promise.all(pages.map((p) => readProbe(p)));
}

export async function runTiles(options: RunOptions): Promise<RunResult> {
  const { contender, tiles, streams } = options;
  const names = streams.names(tiles);
  const notes: string[] = [];
  let host: WallHost | null = null;
  let urls: string[];
  let closePage: (() => Promise<void>) | null = null;
  if (contender === 'ours') {
    const windows = wallWindows(tiles);
    let offset = 0;
    const settings = windows.map((w) => {
      const cams = names
        .slice(offset, offset + w.tiles)
        .map((id) => ({ id, url: streams.wsUrl(id) }));
      offset += w.tiles;
      return wallSettings(cams, w.preset, streams.server.secret);
    });
    if (windows.length > 1)
      notes.push(`${tiles} tiles as ${windows.map((w) => w.preset).join(' + ')} windows`);
    host = await startWallHost(settings);
    urls = host.urls;
  } else {
    const page = await startBaselinePage(
      PROJECT_ROOT,
      names.map((name) => ({ name, url: streams.signedWsUrl(name) })),
    );
    urls = [page.url];
    closePage = page.close;
  }
  const browser = await launchBrowser({
    barcodePrefix: BARCODE_PREFIX,
    latencyEvery: options.latencyEvery,
  });
  try {
    const pages: Page[] = [];
    for (const _ of urls) pages.push(await browser.newPage());
    await Promise.all(pages.map((page, i) => page.goto(urls[i]!)));
    const allPlaying = await waitFor(
      `${tiles} ${contender} tiles to present a frame`,
      async () => {
        const snaps = await readAll(pages);
        return snaps.flatMap((s) => s.tiles).filter((t) => t.firstFrameAt !== null).length >= tiles;
      },
      30_000,
    );
    if (!allPlaying) notes.push('not every tile presented a frame within 30 s');
    await sleep(options.warmupMs);
    const hostPid = host?.pid;
    const cpu = startCpuWindow(() => (hostPid ? [hostPid] : []));
    const start = await readAll(pages);
    await sleep(options.windowMs);
    const end = await readAll(pages);
    const usage = cpu.stop();
    const metrics = tileMetrics(start, end, tiles, BARCODE_PREFIX);
    return {
      contender,
      windowMs: options.windowMs,
      ...metrics,
      usage,
      totalCpuPct: usage.browser.cpuPct + usage.host.cpuPct + usage.others.cpuPct,
      totalMemMb: usage.browser.memMb + usage.host.memMb + usage.others.memMb,
      notes,
    };
  } finally {
    await browser.close();
    await host?.close();
    await closePage?.();
  }
}
