// First frame of a wall page loaded again in the same browser profile (what a crash restart or
// the PC's second window does), against the first, cold load: whether the cached bundle and
// V8's code cache shorten the boot. Each contender gets one browser; its loads follow each other
// in one context (same HTTP and code caches). Not part of `npm run bench`, whose loads are all
// cold, like the bare page's: a tool for the first-frame target.
//   npx tsx tests/bench/warm-reload.ts [tiles=16] [loads=6] [contender=ours]
import { BARCODE_PREFIX } from './bench-streams';
import { runBenchTool } from './bench-tool';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../fixtures/chromium';
import { installProbe } from './page-probe';
import { readAll, sleep, waitFor, wallPageUrl, wallPreset } from './contender';
import type { Contender } from './results';
import { tileMetrics } from './run-metrics';
import { startWallHost, wallSettings } from './wall-host';
import { chromium } from '@playwright/test';

const tiles = Number(process.argv[2] ?? 16);
const loads = Number(process.argv[3] ?? 6);
const contender = (process.argv[4] ?? 'ours') as Contender;

runBenchTool(Math.max(20, tiles), async (streams) => {
  const cams = streams.names(tiles).map((id) => ({ id, url: streams.wsUrl(id) }));
  const host = await startWallHost([wallSettings(cams, wallPreset(tiles), streams.server.secret)]);
  const url = wallPageUrl(host.urls[0]!, contender);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const firsts: number[] = [];
  for (let i = 0; i < loads; i++) {
    const page = await context.newPage();
    await installProbe(page, { barcodePrefix: BARCODE_PREFIX, latencyEvery: 0 });
    await page.goto(url);
    await waitFor(
      'frames',
      async () =>
        (await readAll([page]))[0]!.tiles.filter((t) => t.firstFrameAt !== null).length >= tiles,
      20_000,
    );
    const snaps = await readAll([page]);
    const compiledFromCache = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((r) => r.name.includes('/assets/'))
        .map((r) => `${r.name.split('/').pop()} ${(r as PerformanceResourceTiming).transferSize} B`)
        .join(', '),
    );
    await page.close();
    const m = tileMetrics(snaps, snaps, tiles, BARCODE_PREFIX);
    firsts.push(Math.round(m.firstFrameMs.p50 ?? NaN));
    console.log(
      `load ${i + 1}: first frame p50 ${firsts[i]} ms from page load; fetched ${compiledFromCache}`,
    );
    await sleep(500);
  }
  const warm = [...firsts.slice(1)].sort((a, b) => a - b);
  console.log(
    `\n${contender}, ${tiles} tiles: cold load ${firsts[0]} ms; warm loads median ` +
      `${warm[Math.floor(warm.length / 2)]} ms (${firsts.slice(1).join(' ')})`,
  );
  await browser.close();
  await host.close();
});
