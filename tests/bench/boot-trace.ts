// Where the page's main thread spends the boot: a Chromium trace of one load of a contender at N
// tiles, from navigation to the tiles' median first frame, summed by trace event (script,
// style, layout, paint, …) on the renderer's main thread. Not part of `npm run bench`.
//   npx tsx tests/bench/boot-trace.ts [tiles=16] [contender=ours]
import { BARCODE_PREFIX } from './bench-streams';
import { runBenchTool } from './bench-tool';
import { launchBrowser } from './browser';
import { isWallContender, readAll, sleep, waitFor, wallPageUrl, wallPreset } from './contender';
import type { Contender } from './results';
import { tileMetrics } from './run-metrics';
import { startWallHost, wallSettings } from './wall-host';
import { startBaselinePage } from './baseline-page';
import { PROJECT_ROOT } from '../fixtures/media-server/media-server';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const tiles = Number(process.argv[2] ?? 16);
const contender = (process.argv[3] ?? 'ours') as Contender;

runBenchTool(Math.max(20, tiles), async (streams) => {
  let url: string;
  let close: () => Promise<void>;
  if (isWallContender(contender)) {
    const cams = streams.names(tiles).map((id) => ({ id, url: streams.wsUrl(id) }));
    const host = await startWallHost([
      wallSettings(cams, wallPreset(tiles), streams.server.secret),
    ]);
    url = wallPageUrl(host.urls[0]!, contender);
    close = host.close;
  } else if (contender === 'tuned' || contender === 'default') {
    const page = await startBaselinePage(
      PROJECT_ROOT,
      streams.names(tiles).map((name) => ({ name, url: streams.signedWsUrl(name) })),
      contender,
    );
    url = page.url;
    close = page.close;
  } else {
    throw new Error(
      `boot-trace: ${contender} is not one of ours, mpegts, webcodecs, tuned, default`,
    );
  }
  const browser = await launchBrowser({ barcodePrefix: BARCODE_PREFIX, latencyEvery: 0 });
  const page = await browser.newPage();
  await browser.browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'],
  });
  await page.goto(url);
  await waitFor(
    'frames',
    async () =>
      (await readAll([page]))[0]!.tiles.filter((t) => t.firstFrameAt !== null).length >= tiles,
    20_000,
  );
  await sleep(200);
  const snaps = await readAll([page]);
  const trace = JSON.parse((await browser.browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[];
  };
  const m = tileMetrics(snaps, snaps, tiles, BARCODE_PREFIX);
  const events = trace.traceEvents;
  const main = events.find(
    (e) =>
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      events.some((x) => x.pid === e.pid && x.name === 'ParseHTML'),
  );
  if (!main) throw new Error('no renderer main thread in the trace');
  const nav = events.find((e) => e.pid === main.pid && e.name === 'ResourceSendRequest');
  const t0 = nav?.ts ?? 0;
  const until = t0 + (m.firstFrameMs.p50 ?? 0) * 1000;
  const sums = new Map<string, number>();
  let busy = 0;
  let lastEnd = 0;
  for (const e of events) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.dur) continue;
    if (e.ts < t0 || e.ts > until) continue;
    if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') {
      busy += e.dur;
      continue;
    }
    if (e.ts < lastEnd) continue; // nested inside the previous top-level event
    lastEnd = e.ts + e.dur;
    sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur);
  }
  console.log(
    `${contender}, ${tiles} tiles: first frame p50 ${Math.round(m.firstFrameMs.p50 ?? NaN)} ms; ` +
      `main thread busy ${Math.round(busy / 1000)} ms of it (top-level events below)`,
  );
  for (const [name, dur] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`${(dur / 1000).toFixed(1).padStart(7)} ms  ${name}`);
  }
  await browser.close();
  await close();
});
